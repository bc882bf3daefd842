#pragma once
// Making loaded polygons valid for Boost.Geometry: ring orientation and closure corrected with
// boost::geometry::correct, then self-intersections and similar defects repaired with GEOS
// (OGRGeometry::MakeValid). Runs in the working CRS, after reprojection, so validity holds in the
// coordinates every later algorithm uses.

#include <optional>
#include <string>

#include "core/geometry.hpp"

namespace caremap::io {

struct RepairResult {
  core::Geometry geometry;
  bool repaired = false;  ///< MakeValid changed the geometry
  bool still_invalid = false;
  std::string reason;  ///< Boost.Geometry's description of the defect, when there was one
};

/// Corrects orientation and closure; if the result is still invalid, repairs it (keeping the
/// polygonal parts of the repaired geometry). Points and lines are returned unchanged.
/// Validity: each polygon by Boost.Geometry, the parts of a multipolygon against each other by
/// GEOS (indexed; Boost's own multipolygon check is quadratic in the parts).
/// Complexity: O(n log n) in the number of vertices.
RepairResult correct_and_repair(core::Geometry g);

}  // namespace caremap::io
