#include "io/postgis.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace caremap::io {

namespace {

constexpr std::string_view kMask = "***";

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) {
      return false;
    }
  }
  return true;
}

// The end of a libpq value starting at `i`: a quoted value ends at its closing quote (\' and ''
// escape one), an unquoted one at white space. An unclosed quote runs to the end: when in doubt,
// hide more.
std::size_t value_end(std::string_view text, std::size_t i) {
  if (i < text.size() && text[i] == '\'') {
    for (std::size_t k = i + 1; k < text.size(); ++k) {
      if (text[k] == '\\') {
        ++k;
      } else if (text[k] == '\'') {
        if (k + 1 < text.size() && text[k + 1] == '\'') {
          ++k;
        } else {
          return k + 1;
        }
      }
    }
    return text.size();
  }
  while (i < text.size() && !is_space(text[i])) {
    ++i;
  }
  return i;
}

// If a password keyword ("password =") starts at `i`, the range of its value.
std::optional<std::pair<std::size_t, std::size_t>> keyword_value(std::string_view text,
                                                                 std::size_t i) {
  constexpr std::string_view kKey = "password";
  if ((i > 0 && is_word(text[i - 1])) || !starts_with_nocase(text, i, kKey)) {
    return std::nullopt;
  }
  std::size_t k = i + kKey.size();
  while (k < text.size() && is_space(text[k])) {
    ++k;
  }
  if (k >= text.size() || text[k] != '=') {
    return std::nullopt;
  }
  ++k;
  while (k < text.size() && is_space(text[k])) {
    ++k;
  }
  return std::pair{k, value_end(text, k)};
}

// If a URI "postgres[ql]://user:secret@host" starts at `i`, the range of its password.
std::optional<std::pair<std::size_t, std::size_t>> uri_password(std::string_view text,
                                                                std::size_t i) {
  std::size_t k = 0;
  if (starts_with_nocase(text, i, "postgresql://")) {
    k = i + 13;
  } else if (starts_with_nocase(text, i, "postgres://")) {
    k = i + 11;
  } else {
    return std::nullopt;
  }
  // The authority runs to the first '/', '?' or space; its user part to the last '@' in it.
  std::size_t end = k;
  while (end < text.size() && text[end] != '/' && text[end] != '?' && !is_space(text[end])) {
    ++end;
  }
  const std::size_t at = text.substr(k, end - k).rfind('@');
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t colon = text.substr(k, at).find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair{k + colon + 1, k + at};
}

}  // namespace

bool is_postgis_source(std::string_view source) {
  return starts_with_nocase(source, 0, "pg:");
}

bool is_postgis_source(const std::filesystem::path& source) {
  return is_postgis_source(std::string_view(source.native()));
}

std::string redact_passwords(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto value = keyword_value(text, i);
    if (!value) {
      value = uri_password(text, i);
    }
    if (!value) {
      out += text[i++];
      continue;
    }
    out.append(text.substr(i, value->first - i));
    out.append(kMask);
    i = value->second;
  }
  return out;
}

std::string source_display_name(const std::filesystem::path& source) {
  return is_postgis_source(source) ? redact_passwords(source.string()) : source.string();
}

std::filesystem::path resolve_source(const std::filesystem::path& source,
                                     const std::filesystem::path& base_dir) {
  if (source.is_absolute() || is_postgis_source(source)) {
    return source;
  }
  return (base_dir / source).lexically_normal();
}

std::string quote_table_name(std::string_view name) {
  const auto quote = [](std::string_view part) {
    std::string q = "\"";
    for (const char c : part) {
      q += c;
      if (c == '"') {
        q += '"';
      }
    }
    return q + "\"";
  };
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) {
    return quote(name);
  }
  return quote(name.substr(0, dot)) + "." + quote(name.substr(dot + 1));
}

}  // namespace caremap::io
