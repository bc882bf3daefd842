#include "core/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace caremap::core {

std::string format_fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string format_people(double people) {
  const auto n = static_cast<long long>(std::llround(people));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

double percent(double part, double whole) {
  return whole > 0.0 ? 100.0 * part / whole : 0.0;
}

std::string format_share(double part, double whole) {
  return whole > 0.0 ? format_fixed(100.0 * part / whole, 1) + " %" : "–";
}

}  // namespace caremap::core
