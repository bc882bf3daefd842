#pragma once
// How far people are from the nearest facility, counted in people rather than places: the share
// of each city's people (and of its 75+) in each distance or time band, and the distance within
// which the median and the 90th-percentile person live.
//
// Each DemandPoint travels from its position (the centroid of its cell piece): a 500 m cell's
// people are taken to be at its middle, so a band edge is good to about a quarter of a cell.
// Costs come from nearest_straight_line (planar metres) or nearest_road_time (seconds over a
// road network, with its access legs), one value per DemandPoint; +inf means unreachable.

#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/od_matrix.hpp"
#include "analysis/population_demand.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/progress.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

/// The distance bands of `caremap summary`: < 500 m, 0.5-1, 1-2, 2-4, 4-8, > 8 km (upper edges
/// in metres; the last band is open).
std::vector<double> default_distance_bands_m();
/// The time bands by road: < 5, 5-10, 10-15, 15-30, 30-60, > 60 min (upper edges in seconds).
std::vector<double> default_time_bands_s();

struct PeopleBands {
  std::vector<double> upper;  ///< upper edges, ascending; band i is [upper[i-1], upper[i])
  /// [city][band]: upper.size() + 1 bands, the last open-ended; then one more entry for the
  /// people who reach no facility at all (unreachable by road).
  std::vector<std::vector<PeopleCount>> by_city;
  std::vector<PeopleCount> city_totals;  ///< people of each city (every band together)
};

/// People of `demand` by band of `cost` (one per DemandPoint, +inf = unreachable). Points
/// outside every city are not counted. Throws core::ArgumentError when the sizes differ or the
/// edges are not ascending. O(points x log bands).
PeopleBands people_by_band(const Demand& demand, std::span<const double> cost,
                           std::span<const double> upper);

/// The cost within which the median and the 90th-percentile person of each city live: the
/// people-weighted percentile (the smallest cost at which the cumulative people reach the
/// fraction). +inf when that person reaches nothing. O(points log points).
struct PersonPercentiles {
  double median = 0.0;
  double p90 = 0.0;
  double people = 0.0;  ///< people counted
};
std::vector<PersonPercentiles> person_percentiles_by_city(const Demand& demand,
                                                          std::span<const double> cost);

/// Straight-line distance (planar metres) from each DemandPoint to the nearest of
/// `facilities`; +inf when there are none. O((n + m) log m).
std::vector<double> nearest_straight_line_m(const Demand& demand,
                                            std::span<const core::XY> facilities);

/// Road travel time (seconds) from each DemandPoint to the nearest of `facilities` over
/// `network` (with access legs; closures through `overlay`), +inf where none is reachable.
/// Snapping problems go to `diagnostics`. O(origins x destinations) memory via road_costs.
std::vector<double> nearest_road_time_s(const routing::RoadNetwork& network, const Demand& demand,
                                        std::span<const core::XY> facilities,
                                        const OdOptions& options, const routing::Overlay* overlay,
                                        core::Diagnostics& diagnostics,
                                        core::Progress* progress = nullptr);

}  // namespace caremap::analysis
