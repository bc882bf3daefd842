#include "analysis/travel_costs.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "analysis/network_sites.hpp"
#include "core/error.hpp"

namespace caremap::analysis {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

core::LocalText with_closures(core::LocalText basis, std::size_t closed_arcs,
                              const core::LocalText& where) {
  const std::string n = std::to_string(closed_arcs);
  basis.ja += "、通行止め：有向区間 " + n + "（" + where.ja + "）";
  basis.en += ", closures: " + n + " directed road segments closed (" + where.en + ")";
  return basis;
}

core::LocalText straight_line_basis(const StraightLineMeasure& m) {
  const std::string kmh = number(core::to_km_per_hour(m.speed));
  const std::string factor = number(m.detour_factor);
  return {"直線距離（迂回係数 " + factor + "、時速 " + kmh + " km）",
          "straight line (detour factor " + factor + ", " + kmh + " km/h)"};
}

TravelCosts straight_line_costs(std::span<const core::XY> origins,
                                std::span<const core::XY> destinations,
                                const StraightLineMeasure& measure) {
  if (!(measure.speed.value > 0.0) || !std::isfinite(measure.speed.value)) {
    throw core::ArgumentError("straight-line speed must be > 0 km/h");
  }
  if (!(measure.detour_factor >= 1.0) || !std::isfinite(measure.detour_factor)) {
    throw core::ArgumentError("detour factor must be >= 1");
  }
  TravelCosts c;
  c.origins = origins.size();
  c.destinations = destinations.size();
  c.time_s.resize(c.origins * c.destinations);
  c.length_m.resize(c.time_s.size());
  for (std::size_t o = 0; o < c.origins; ++o) {
    for (std::size_t d = 0; d < c.destinations; ++d) {
      const double len =
          std::hypot(origins[o].x - destinations[d].x, origins[o].y - destinations[d].y) *
          measure.detour_factor;
      c.length_m[o * c.destinations + d] = len;
      c.time_s[o * c.destinations + d] = len / measure.speed.value;
    }
  }
  c.basis = straight_line_basis(measure);
  return c;
}

TravelCosts road_costs(const routing::RoadNetwork& network, std::span<const core::XY> origins,
                       std::span<const core::XY> destinations, const OdOptions& options,
                       const routing::Overlay* overlay, core::Diagnostics& diagnostics,
                       core::Progress* progress) {
  if (options.k_nearest) {
    throw core::ArgumentError("road_costs needs the full matrix: k_nearest must be unset");
  }
  const OdMatrixResult m = od_matrix(network, origins, destinations, options, overlay, progress);
  diagnostics.append(m.diagnostics);
  TravelCosts c;
  c.origins = m.origins;
  c.destinations = m.destinations;
  c.by_road = true;
  c.time_s.assign(c.origins * c.destinations, kUnreachableCost);
  c.length_m.assign(c.time_s.size(), kUnreachableCost);
  for (const OdRow& row : m.rows) {
    if (row.reachable) {
      const std::size_t i = std::size_t{row.origin} * c.destinations + row.destination;
      c.time_s[i] = row.time_s;
      c.length_m[i] = row.length_m;
    }
  }
  c.basis = network_distance_basis(network);
  return c;
}

}  // namespace caremap::analysis
