#include "io/capacity_field.hpp"

#include <cmath>

#include "io/coordinate_check.hpp"

namespace caremap::io::detail {

void parse_capacity(core::Layer& layer, std::size_t index,
                    const std::vector<std::pair<std::size_t, std::string>>& raw,
                    bool zero_is_unknown, const std::string& file, core::Diagnostics& diagnostics) {
  auto report = [&](core::Severity severity, std::size_t row, std::string code,
                    std::string message) {
    diagnostics.add(core::Diagnostic{severity, std::move(code), file, row, layer.fields[index].name,
                                     std::move(message)});
  };
  std::vector<std::optional<double>> parsed(raw.size());
  bool all_integral = true;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const auto& [row, text] = raw[k];
    if (text.empty()) {
      continue;
    }
    const auto v = parse_decimal(text);
    if (!v) {
      report(core::Severity::warning, row, "unparsable_number",
             "capacity '" + text + "' is not a number; left empty");
      continue;
    }
    if (*v == 0.0 && zero_is_unknown) {
      report(core::Severity::info, row, "zero_capacity",
             "capacity 0 means not reported in this source; left empty");
      continue;
    }
    parsed[k] = *v;
    all_integral = all_integral && std::floor(*v) == *v && std::abs(*v) < 9.0e15;
  }
  layer.fields[index].type = all_integral ? core::FieldType::integer : core::FieldType::real;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    auto& value = layer.features[k].values[index];
    if (!parsed[k]) {
      value = std::monostate{};
    } else if (all_integral) {
      value = static_cast<std::int64_t>(*parsed[k]);
    } else {
      value = *parsed[k];
    }
  }
}

}  // namespace caremap::io::detail
