#include "analysis/category_people_bands.hpp"

#include "analysis/facility_set.hpp"
#include "analysis/network_sites.hpp"

namespace caremap::analysis {

std::vector<CategoryPeopleBands> people_bands_by_category(
    const Demand& demand, std::span<const core::LayerPtr> layers,
    std::span<const core::Category> categories, const routing::RoadNetwork* network,
    core::Diagnostics& diagnostics, std::span<const double> distance_bands_m) {
  std::vector<CategoryPeopleBands> out;
  for (const core::Category c : categories) {
    const core::Category one[] = {c};
    const auto facilities = select_facilities(layers, one, diagnostics);
    if (facilities.empty()) {
      continue;
    }
    std::vector<core::XY> positions;
    for (const auto& f : facilities) {
      positions.push_back(f.position);
    }
    CategoryPeopleBands straight;
    straight.category = c;
    straight.facilities = positions.size();
    straight.distance = {"直線距離", "straight line"};
    const auto cost = nearest_straight_line_m(demand, positions);
    const std::vector<double> upper =
        distance_bands_m.empty()
            ? default_distance_bands_m()
            : std::vector<double>(distance_bands_m.begin(), distance_bands_m.end());
    straight.bands = people_by_band(demand, cost, upper);
    straight.percentiles = person_percentiles_by_city(demand, cost);
    out.push_back(std::move(straight));
    if (network) {
      CategoryPeopleBands road;
      road.category = c;
      road.facilities = positions.size();
      road.by_time = true;
      road.distance = network_distance_basis(*network);
      const auto time = nearest_road_time_s(*network, demand, positions, {}, nullptr, diagnostics);
      const auto edges = default_time_bands_s();
      road.bands = people_by_band(demand, time, edges);
      road.percentiles = person_percentiles_by_city(demand, time);
      out.push_back(std::move(road));
    }
  }
  return out;
}

}  // namespace caremap::analysis
