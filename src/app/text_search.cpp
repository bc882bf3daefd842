#include "app/text_search.hpp"

#include <cstdint>

#include "core/utf8.hpp"

namespace caremap::app {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or returns
// 0xFFFFFFFF (and advances one byte) for an invalid sequence.
std::uint32_t decode(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) {
      return -1;
    }
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0) {
    const int c1 = cont(1);
    if (c1 >= 0) {
      i += 2;
      return ((b0 & 0x1Fu) << 6) | static_cast<std::uint32_t>(c1);
    }
  } else if ((b0 & 0xF0) == 0xE0) {
    const int c1 = cont(1);
    const int c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      i += 3;
      return ((b0 & 0x0Fu) << 12) | (static_cast<std::uint32_t>(c1) << 6) |
             static_cast<std::uint32_t>(c2);
    }
  } else if ((b0 & 0xF8) == 0xF0) {
    const int c1 = cont(1);
    const int c2 = cont(2);
    const int c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      i += 4;
      return ((b0 & 0x07u) << 18) | (static_cast<std::uint32_t>(c1) << 12) |
             (static_cast<std::uint32_t>(c2) << 6) | static_cast<std::uint32_t>(c3);
    }
  }
  ++i;
  return 0xFFFFFFFFu;
}

std::uint32_t fold(std::uint32_t cp) {
  if (cp >= 0x30A1 && cp <= 0x30F6) {
    return cp - 0x60;  // katakana ァ..ヶ -> hiragana ぁ..ゖ
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    cp -= 0xFEE0;  // full-width ASCII -> ASCII
  }
  if (cp == 0x3000) {
    return ' ';
  }
  if (cp >= 'A' && cp <= 'Z') {
    return cp + ('a' - 'A');
  }
  return cp;
}

}  // namespace

std::string normalize_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const std::uint32_t cp = decode(text, i);
    if (cp == 0xFFFFFFFFu) {
      out += text[start];
      continue;
    }
    core::append_utf8(out, static_cast<char32_t>(fold(cp)));
  }
  return out;
}

bool search_matches_normalized(std::string_view haystack, std::string_view normalized_needle) {
  if (normalized_needle.empty()) {
    return true;
  }
  return normalize_for_search(haystack).find(normalized_needle) != std::string::npos;
}

bool search_matches(std::string_view haystack, std::string_view needle) {
  return search_matches_normalized(haystack, normalize_for_search(needle));
}

}  // namespace caremap::app
