#pragma once
// How many features of each layer lie in each area (city) of a boundary layer: the per-city
// facility table of a region summary. A feature counts in every area whose polygon covers its
// representative point (boundaries are shared, so a point on a city border counts in both), and
// as "outside" when no area covers it.
//
// CRS: all layers in one working CRS. Cost: O(n log a) for n features and a areas.

#include <string>
#include <vector>

#include "core/category.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

struct AreaCountRow {
  std::string layer_id;
  std::string layer_title;
  /// Counted category: the layer's own, or a more specific one some of its features carry
  /// (a backup_hospital row under hospitals).
  core::Category category = core::Category::other;
  std::vector<std::size_t> per_area;  ///< parallel to AreaCounts::areas
  std::size_t outside = 0;            ///< features in no area
  std::size_t total = 0;              ///< features with a geometry
};

struct AreaCounts {
  std::vector<std::string> areas;  ///< display names of the boundary features, in order
  std::vector<AreaCountRow> rows;  ///< one per layer, then one per special category in it
};

/// Counts the features of `layers` per feature of `boundary` (polygons). Layers without point,
/// line or polygon geometry count as outside. Features whose category differs from their
/// layer's (a backup hospital in the hospitals layer) also get a row of their own.
AreaCounts count_by_area(const core::Layer& boundary, const std::vector<core::LayerPtr>& layers);

}  // namespace caremap::analysis
