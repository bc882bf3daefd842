#include "io/coordinate_check.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace caremap::io {

namespace {

// Full-width forms (U+FF10..FF19 digits, U+FF0E full stop, U+FF0D minus, U+FF0B plus) as typed
// with a Japanese input method, mapped to ASCII; everything else is copied.
std::string ascii_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xEF && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99) {
        out += static_cast<char>('0' + (c2 - 0x90));
        i += 2;
        continue;
      }
      if (c1 == 0xBC && (c2 == 0x8E || c2 == 0x8D || c2 == 0x8B)) {
        out += c2 == 0x8E ? '.' : c2 == 0x8D ? '-' : '+';
        i += 2;
        continue;
      }
    }
    // U+3000 ideographic space counts as space.
    if (c0 == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      out += ' ';
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// True when `s` has no byte of a multi-byte UTF-8 sequence, so ascii_digits would copy it
// unchanged: the common case, checked first so that a million rows make no copies.
bool plain_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

bool blank(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  return plain_ascii(s) ? s.find_first_not_of(kSpace) == std::string_view::npos
                        : ascii_digits(s).find_first_not_of(kSpace) == std::string::npos;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string both(std::string_view a, std::string_view b) {
  return std::string(a) + "/" + std::string(b);
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  // The common case first: a plain number from its first character to its last, as a demand
  // file of a million rows holds two per row. Anything else (spaces, a plus sign, full-width
  // digits, text) takes the careful way below.
  if (!text.empty() && text.front() != '+' && text.front() != ' ' &&
      static_cast<unsigned char>(text.front()) < 0x80) {
    double v = 0.0;
    const auto r =
        std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::fixed);
    if (r.ec == std::errc{} && r.ptr == text.data() + text.size()) {
      return std::isfinite(v) ? std::optional(v) : std::nullopt;
    }
  }
  const bool ascii = plain_ascii(text);
  const std::string converted = ascii ? std::string() : ascii_digits(text);
  const std::string_view s = ascii ? text : std::string_view(converted);
  std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t last = s.find_last_not_of(" \t\r\n") + 1;
  if (s[first] == '+') {
    ++first;
  }
  double v = 0.0;
  const char* begin = s.data() + first;
  const char* end = s.data() + last;
  const auto r = std::from_chars(begin, end, v, std::chars_format::fixed);
  if (r.ec != std::errc{} || r.ptr != end || begin == end || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

CoordinateCheck check_coordinates(double x, double y, bool geographic, std::string_view x_field,
                                  std::string_view y_field) {
  CoordinateCheck out;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    out.code = "unparsable_coordinates";
    out.field = both(x_field, y_field);
    out.message = "coordinates are not finite numbers";
    return out;
  }
  if (x == 0.0 && y == 0.0) {
    out.code = "zero_coordinates";
    out.field = both(x_field, y_field);
    out.message = "both coordinates are 0 (a placeholder for a missing location)";
    return out;
  }
  if (geographic) {
    if (std::abs(y) > 90.0 && std::abs(y) <= 180.0 && std::abs(x) <= 90.0) {
      out.code = "swapped_coordinates";
      out.field = both(x_field, y_field);
      out.message = "latitude " + num(y) + " is beyond ±90° while longitude " + num(x) +
                    " is a valid latitude: the columns look swapped";
      return out;
    }
    if (std::abs(x) > 180.0 || std::abs(y) > 90.0) {
      out.code = "out_of_range_coordinates";
      out.field = std::abs(x) > 180.0 ? std::string(x_field) : std::string(y_field);
      out.message = "longitude " + num(x) + ", latitude " + num(y) + " is outside ±180° / ±90°";
      return out;
    }
  }
  out.point = core::XY{x, y};
  return out;
}

CoordinateCheck check_coordinates(std::string_view x_text, std::string_view y_text, bool geographic,
                                  std::string_view x_field, std::string_view y_field) {
  // Two plain numbers: no blank to look for.
  if (const auto x = parse_decimal(x_text)) {
    if (const auto y = parse_decimal(y_text)) {
      return check_coordinates(*x, *y, geographic, x_field, y_field);
    }
  }
  CoordinateCheck out;
  const bool x_blank = blank(x_text);
  const bool y_blank = blank(y_text);
  if (x_blank || y_blank) {
    out.code = "empty_coordinates";
    out.field =
        x_blank && y_blank ? both(x_field, y_field) : std::string(x_blank ? x_field : y_field);
    out.message = x_blank && y_blank ? "both coordinates are empty"
                                     : std::string(x_blank ? x_field : y_field) + " is empty";
    return out;
  }
  const auto x = parse_decimal(x_text);
  const auto y = parse_decimal(y_text);
  if (!x || !y) {
    out.code = "unparsable_coordinates";
    out.field = std::string(!x ? x_field : y_field);
    out.message = "'" + std::string(!x ? x_text : y_text) + "' is not a number";
    return out;
  }
  return check_coordinates(*x, *y, geographic, x_field, y_field);
}

}  // namespace caremap::io
