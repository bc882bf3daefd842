#include "io/csv_text.hpp"

#include <charconv>
#include <cmath>
#include <variant>

#include "io/byte_scan.hpp"

namespace caremap::io::detail {

namespace {

bool needs_quotes(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  if (s.front() == ' ' || s.back() == ' ') {
    return true;
  }
  // Eight bytes at a time, then the tail byte by byte: find_first_of(",\"\r\n") runs memchr
  // once per character to look for, and a million rows hold tens of MB of names.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t word = load_word(s.data() + i);
    if ((bytes_equal(word, ',') | bytes_equal(word, '"') | bytes_equal(word, '\n') |
         bytes_equal(word, '\r')) != 0) {
      return true;
    }
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
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
