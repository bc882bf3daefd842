#pragma once
// Reading a large CSV on several threads: the text split at record boundaries
// (io/csv_parts.hpp), each part read by GDAL's CSV driver and the one row loop (read_features)
// on its own thread, and the parts joined back into the layer a single read gives: features in
// file order, row numbers counted over the whole file.

#include <vector>

#include "crs/crs_ref.hpp"
#include "io/layer_reader.hpp"
#include "io/loaded_layer.hpp"

namespace caremap::io::detail {

/// `parts` read from consecutive runs of one file's rows, in file order (at least one). Part p's
/// source rows and row diagnostics are shifted by the rows GDAL returned for the parts before
/// it; diagnostics without a row (GDAL warnings, unmatched field titles) are kept once; the row
/// counts are summed. The spec and provenance are the first part's. Only for specs without
/// roles or marks: those decide per layer, and each part would decide alone.
LoadedLayer merge_parts(std::vector<LoadedLayer> parts);

/// Reads `plan` as read_features would, a CSV of more than threads * min_part_bytes in
/// `threads` parts at once (0 = one per core). A spec with roles or marks is read in one piece
/// (they are decided over the whole layer). The first error of the parts, in file order, is
/// rethrown.
LoadedLayer read_in_parts(ReadPlan plan, const crs::CrsRef& working, unsigned threads,
                          std::size_t min_part_bytes);

}  // namespace caremap::io::detail
