// Travel costs of a drill: every patient to every hospital and shelter.

#include <vector>

#include "drill/drill_run.hpp"

namespace caremap::drill {

analysis::TravelCosts drill_costs(const Scenario& scenario, const routing::RoadNetwork* network,
                                  const routing::Overlay* overlay, const DrillOptions& options,
                                  core::Diagnostics& diagnostics, core::Progress* progress) {
  std::vector<core::XY> origins;
  origins.reserve(scenario.patients.size());
  for (const Patient& p : scenario.patients) {
    origins.push_back(p.position);
  }
  std::vector<core::XY> destinations;
  destinations.reserve(scenario.hospitals.size() + scenario.shelters.size());
  for (const Hospital& h : scenario.hospitals) {
    destinations.push_back(h.position);
  }
  for (const Shelter& s : scenario.shelters) {
    destinations.push_back(s.position);
  }
  if (network == nullptr) {
    return analysis::straight_line_costs(origins, destinations, options.straight_line);
  }
  analysis::OdOptions od;
  od.snap_distance = options.snap_distance;
  od.threads = options.threads;
  // Few hospitals and shelters, many patients: one search per destination.
  od.search_from_destinations = true;
  return analysis::road_costs(*network, origins, destinations, od, overlay, diagnostics, progress);
}

}  // namespace caremap::drill
