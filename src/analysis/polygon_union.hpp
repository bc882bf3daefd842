#pragma once
// The union of many polygons, as coverage (circles), boundary repair and service areas (buffered
// roads) need it.

#include <vector>

#include "core/geometry.hpp"

namespace caremap::analysis {

/// Union of many multipolygons by pairwise merging (balanced, so each vertex takes part in
/// O(log n) overlays instead of O(n) for a running union). Put neighbours next to each other in
/// `parts` (e.g. along a Hilbert curve) to keep the early unions small.
core::MultiPolygon cascaded_union(std::vector<core::MultiPolygon> parts);

}  // namespace caremap::analysis
