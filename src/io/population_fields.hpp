#pragma once
// A population layer read through GDAL (小地域 boundaries with JINKO, a list of points with a
// count) gets the standard fields every people-weighted analysis reads: pop_total, pop_65plus,
// pop_75plus (analysis/demand.hpp), copied from the fields the project names.

#include "io/loaded_layer.hpp"

namespace caremap::io {

/// Adds pop_total / pop_65plus / pop_75plus (real) from spec.population_fields to a loaded
/// layer of category population. A value that is not a number is null with an
/// "unparsable_count" warning naming the row and field. A layer that already has pop_total (an
/// import written by caremap) is left as it is. Throws core::InputError naming the file and
/// listing the fields when a named field does not exist.
void add_standard_population_fields(LoadedLayer& loaded, const std::string& display_path);

}  // namespace caremap::io
