#pragma once
// The capacity column (beds, 定員) parsed to numbers by caremap: CSV columns arrive as text, and
// public data writes "0" or nothing for "not reported".

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"

namespace caremap::io::detail {

/// Replaces the values of field `index` of every feature with numbers parsed from `raw` (one
/// (row, text) per feature, in feature order): integer type when every value is integral, else
/// real. Empty text is null; text that is not a number is null with an "unparsable_number"
/// warning; 0 is null with a "zero_capacity" info when `zero_is_unknown`. O(features).
void parse_capacity(core::Layer& layer, std::size_t index,
                    const std::vector<std::pair<std::size_t, std::string>>& raw,
                    bool zero_is_unknown, const std::string& file, core::Diagnostics& diagnostics);

}  // namespace caremap::io::detail
