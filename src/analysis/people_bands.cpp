#include "analysis/people_bands.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/travel_costs.hpp"
#include "core/error.hpp"
#include "index/point_index.hpp"

namespace caremap::analysis {

std::vector<double> default_distance_bands_m() {
  return {500.0, 1000.0, 2000.0, 4000.0, 8000.0};
}

std::vector<double> default_time_bands_s() {
  return {300.0, 600.0, 900.0, 1800.0, 3600.0};
}

PeopleBands people_by_band(const Demand& demand, std::span<const double> cost,
                           std::span<const double> upper) {
  if (cost.size() != demand.points.size()) {
    throw core::ArgumentError("people_by_band: " + std::to_string(cost.size()) + " costs for " +
                              std::to_string(demand.points.size()) + " demand points");
  }
  if (!std::is_sorted(upper.begin(), upper.end())) {
    throw core::ArgumentError("people_by_band: band edges must be ascending");
  }
  PeopleBands out;
  out.upper.assign(upper.begin(), upper.end());
  const std::size_t bands = upper.size() + 1;
  out.by_city.assign(demand.cities.size(), std::vector<PeopleCount>(bands + 1));
  out.city_totals.assign(demand.cities.size(), PeopleCount{});
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const DemandPoint& p = demand.points[i];
    if (p.city >= demand.cities.size()) {
      continue;
    }
    const std::size_t band =
        std::isfinite(cost[i])
            ? static_cast<std::size_t>(std::upper_bound(upper.begin(), upper.end(), cost[i]) -
                                       upper.begin())
            : bands;
    out.by_city[p.city][band] += people_of(p);
    out.city_totals[p.city] += people_of(p);
  }
  return out;
}

std::vector<PersonPercentiles> person_percentiles_by_city(const Demand& demand,
                                                          std::span<const double> cost) {
  if (cost.size() != demand.points.size()) {
    throw core::ArgumentError("person_percentiles_by_city: sizes differ");
  }
  std::vector<std::vector<std::pair<double, double>>> per_city(demand.cities.size());
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const DemandPoint& p = demand.points[i];
    if (p.city < per_city.size() && p.people > 0.0) {
      per_city[p.city].emplace_back(cost[i], p.people);
    }
  }
  std::vector<PersonPercentiles> out(per_city.size());
  for (std::size_t c = 0; c < per_city.size(); ++c) {
    auto& v = per_city[c];
    std::sort(v.begin(), v.end());
    double total = 0.0;
    for (const auto& [d, w] : v) {
      total += w;
    }
    out[c].people = total;
    auto at = [&](double q) {
      double cumulative = 0.0;
      for (const auto& [d, w] : v) {
        cumulative += w;
        if (cumulative >= q * total) {
          return d;
        }
      }
      return v.empty() ? 0.0 : v.back().first;
    };
    out[c].median = at(0.5);
    out[c].p90 = at(0.9);
  }
  return out;
}

std::vector<double> nearest_straight_line_m(const Demand& demand,
                                            std::span<const core::XY> facilities) {
  std::vector<double> out(demand.points.size(), std::numeric_limits<double>::infinity());
  if (facilities.empty()) {
    return out;
  }
  std::vector<index::PointIndex::Value> values;
  values.reserve(facilities.size());
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    values.emplace_back(facilities[i], core::FeatureId{static_cast<std::uint32_t>(i)});
  }
  const index::PointIndex index(std::move(values));
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const auto hits = index.nearest(demand.points[i].position, 1);
    if (!hits.empty()) {
      out[i] = hits.front().distance.value;
    }
  }
  return out;
}

std::vector<double> nearest_road_time_s(const routing::RoadNetwork& network, const Demand& demand,
                                        std::span<const core::XY> facilities,
                                        const OdOptions& options, const routing::Overlay* overlay,
                                        core::Diagnostics& diagnostics, core::Progress* progress) {
  std::vector<core::XY> origins;
  origins.reserve(demand.points.size());
  for (const DemandPoint& p : demand.points) {
    origins.push_back(p.position);
  }
  std::vector<double> out(origins.size(), std::numeric_limits<double>::infinity());
  if (facilities.empty() || origins.empty()) {
    return out;
  }
  OdOptions o = options;
  o.k_nearest.reset();
  const TravelCosts costs =
      road_costs(network, origins, facilities, o, overlay, diagnostics, progress);
  for (std::size_t i = 0; i < origins.size(); ++i) {
    for (std::size_t j = 0; j < costs.destinations; ++j) {
      out[i] = std::min(out[i], costs.time(i, j));
    }
  }
  return out;
}

}  // namespace caremap::analysis
