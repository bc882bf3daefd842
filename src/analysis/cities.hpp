#pragma once
// The cities of a boundary layer as analyses use them: one valid MultiPolygon per feature, named
// by the layer's name field, with its planar area. Shared by coverage and the population
// apportionment so both see exactly the same cities.

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

struct City {
  std::string name;         ///< display name of the boundary feature
  core::FeatureId feature;  ///< the boundary feature
  core::MultiPolygon geometry;
  double area_m2 = 0.0;  ///< planar, working CRS
};

/// Every polygon feature of `boundary`, repaired when invalid. Features that are not polygons
/// are skipped ("boundary_not_polygon"); repairs are reported ("invalid_boundary_repaired", or
/// "invalid_boundary" when the repair failed). O(vertices).
std::vector<City> read_cities(const core::Layer& boundary, core::Diagnostics& diagnostics);

}  // namespace caremap::analysis
