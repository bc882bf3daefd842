#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace caremap::cli {

namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes count as one narrow character.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int extra = 0;
  char32_t cp = b0;
  if (b0 >= 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else if (b0 >= 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  }
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x3099 && c <= 0x309A) || c == 0x200B ||
         (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    width += is_zero_width(c) ? 0 : (is_wide(c) ? 2 : 1);
  }
  return width;
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : m_headers(std::move(headers)), m_align(std::move(align)) {
  m_align.resize(m_headers.size(), Align::left);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(m_headers.size());
  m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths(m_headers.size());
  for (std::size_t c = 0; c < m_headers.size(); ++c) {
    widths[c] = display_width(m_headers[c]);
    for (const auto& row : m_rows) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - display_width(row[c]), ' ');
      line += m_align[c] == Align::right ? pad + row[c] : row[c] + pad;
      if (c + 1 < row.size()) {
        line += "  ";
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out << line << '\n';
  };
  print_row(m_headers);
  std::size_t total = 0;
  for (std::size_t w : widths) {
    total += w;
  }
  out << std::string(total + 2 * (widths.size() - 1), '-') << '\n';
  for (const auto& row : m_rows) {
    print_row(row);
  }
}

}  // namespace caremap::cli
