#pragma once
// The text of CSV cells, appended to a row buffer: the CSV writer formats a million rows, and
// making a std::string per cell (the value's text, then its quoted copy) cost more than the
// digits themselves.

#include <string>
#include <string_view>

#include "core/layer.hpp"

namespace caremap::io::detail {

/// Appends `s` as one RFC 4180 cell: quoted only when it holds a comma, a quote, CR or LF, or
/// starts or ends with a space; quotes inside are doubled. O(s.size()).
void append_csv_cell(std::string& out, std::string_view s);

/// Appends core::to_text(v) as one cell (append_csv_cell of that text) without building the text
/// first: nothing for null, integers in decimal, reals as their shortest round-trip text.
void append_csv_value(std::string& out, const core::FieldValue& v);

}  // namespace caremap::io::detail
