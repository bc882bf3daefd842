#include "io/csv_text.hpp"

#include <charconv>
#include <cmath>
#include <variant>

namespace caremap::io::detail {

namespace {

bool needs_quotes(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  if (s.front() == ' ' || s.back() == ' ') {
    return true;
  }
  // One pass with byte compares: find_first_of(",\"\r\n") runs memchr once per character to
  // look for, and most cells are short.
  for (const char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      return true;
    }
  }
  return false;
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view s) {
  if (!needs_quotes(s)) {
    out.append(s);
    return;
  }
  out += '"';
  for (const char c : s) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  out += '"';
}

void append_csv_value(std::string& out, const core::FieldValue& v) {
  // Numbers never need quotes: no comma, quote, line break or space in their text.
  char buf[32];
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    out.append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
  } else if (const auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d)) {  // core::to_text writes nothing for NaN and infinities
      out.append(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
    }
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    append_csv_cell(out, *s);
  }
}

}  // namespace caremap::io::detail
