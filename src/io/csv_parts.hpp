#pragma once
// Splitting a CSV text into parts that GDAL's CSV driver can read on separate threads: each part
// is the header record followed by a run of whole records. A million-row demand file is read
// in parallel this way while every row still goes through GDAL and the one row loop
// (io/layer_reader), so the rows, values and diagnostics are those of a single read.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caremap::io::detail {

/// How many times `byte` occurs in `text` (line breaks to reserve rows for, quotes to find a
/// safe cut), eight bytes at a time.
std::size_t count_byte(std::string_view text, char byte);

/// Splits `text` (UTF-8 without BOM) into at most `parts` parts of roughly equal size, cutting
/// only after a line break that lies outside quotes (an even number of '"' before it, as RFC
/// 4180 doubles quotes inside fields). Every part after the first starts with a copy of the
/// header record. Row numbers are not computed here: GDAL decides what a row is (it skips blank
/// lines), so the reader offsets each part by the rows GDAL returned for the parts before it.
/// The first part is `text` itself, cut short (no copy of a 30 MB file's first half).
/// Returns a single part holding `text` unchanged when parts <= 1, when each part would be smaller
/// than `min_part_bytes`, or when no safe cut exists (a quote that never closes). O(text size).
std::vector<std::string> split_csv_records(std::string text, std::size_t parts,
                                           std::size_t min_part_bytes);

}  // namespace caremap::io::detail
