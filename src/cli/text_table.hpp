#pragma once
// A plain-text table for terminal output: columns padded by display width, so Japanese names
// (two terminal cells per character) line up with ASCII numbers.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.hpp"

namespace caremap::cli {

/// Terminal cells needed to show UTF-8 text: 2 for East Asian wide and fullwidth characters
/// (kanji, kana, fullwidth forms such as （）), 0 for combining marks, 1 otherwise.
std::size_t display_width(std::string_view utf8);

enum class Align { left, right };

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::vector<Align> align = {});
  void add_row(std::vector<std::string> cells);
  std::size_t rows() const { return m_rows.size(); }
  /// Writes the table: header, a rule, then the rows; two spaces between columns.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> m_headers;
  std::vector<Align> m_align;
  std::vector<std::vector<std::string>> m_rows;
};

/// Fixed-point formatting for tables: format_fixed(12.345, 1) == "12.3".
using core::format_fixed;

}  // namespace caremap::cli
