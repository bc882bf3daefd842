#pragma once
// Rows of the panels' ranked facility tables (nearest by distance, nearest by travel time): the
// facilities of each category under a heading row with the category's map symbol and name, each
// with its rank and name in the first two columns. Shared so that both lists look and group
// alike; the columns after the name (distance, minutes, road km) stay with each table.
// Call inside ImGui::BeginTable / EndTable with at least two columns.

#include <cstdint>
#include <optional>
#include <string>

#include "app/strings.hpp"
#include "core/category.hpp"

namespace caremap::app {

/// Writes a heading row each time the category changes from one facility row to the next.
class CategoryHeadings {
 public:
  explicit CategoryHeadings(Lang lang) : m_lang(lang) {}
  /// Before the row of a facility of `category`: a heading row (symbol in column 0, category
  /// name in column 1) when the previous row was of another category or there was none.
  void before_row(core::Category category);

 private:
  Lang m_lang;
  std::optional<core::Category> m_current;
};

/// Starts a facility row: the rank in column 0 and the name in column 1. The caller goes on
/// with TableSetColumnIndex(2).
void facility_row(std::uint32_t rank, const std::string& name);

}  // namespace caremap::app
