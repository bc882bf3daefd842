#pragma once
// One data file read into a layer: the layer in the working CRS, the specification it was read
// with, and the per-row problems found while reading.

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "io/project.hpp"

namespace caremap::io {

/// What happened to the source rows: every row read is either loaded, filtered out by the
/// specification's attribute filter, or skipped as unusable (with a diagnostic).
struct RowCounts {
  std::size_t read = 0;
  std::size_t filtered_out = 0;
  std::size_t skipped = 0;
};

struct LoadedLayer {
  LayerSpec spec;                 ///< as in the project file (or synthesised by read_file)
  core::LayerPtr layer;           ///< never null; in the working CRS (metres)
  core::Diagnostics diagnostics;  ///< skipped rows, repaired polygons, unparsable capacities
  RowCounts rows;
};

}  // namespace caremap::io
