#pragma once
// How far people are from each kind of facility: per category, the people of each city by
// distance band to the nearest facility of that kind and the distance within which the median
// and the 90th-percentile person live. Straight line always; by road time as well when a road
// network is given. What `caremap summary` prints and the committee reports chart.

#include <span>
#include <vector>

#include "analysis/people_bands.hpp"
#include "core/category.hpp"
#include "core/layer.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

struct CategoryPeopleBands {
  core::Category category = core::Category::other;
  std::size_t facilities = 0;
  bool by_time = false;      ///< bands in seconds by road, else metres in a straight line
  core::LocalText distance;  ///< what the distances stand on (core::ResultBasis::distance)
  PeopleBands bands;
  std::vector<PersonPercentiles> percentiles;  ///< per city of the demand
};

/// One entry per category with facilities among `layers`: straight-line distances in the bands
/// `distance_bands_m` (default_distance_bands_m() when empty), and (when `network` is given) a
/// second entry by road time in default_time_bands_s(). Snapping problems go to `diagnostics`.
std::vector<CategoryPeopleBands> people_bands_by_category(
    const Demand& demand, std::span<const core::LayerPtr> layers,
    std::span<const core::Category> categories, const routing::RoadNetwork* network,
    core::Diagnostics& diagnostics, std::span<const double> distance_bands_m = {});

}  // namespace caremap::analysis
