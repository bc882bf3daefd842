#pragma once
// The route of every placed patient in one inject, for the map and the GeoPackage: along the
// roads with the inject's closures (access legs drawn as straight pieces at both ends), a
// straight line where the direct leg was faster or where there is no road network.

#include <cstddef>
#include <vector>

#include "core/geometry.hpp"
#include "drill/drill_run.hpp"

namespace caremap::drill {

/// One patient's route. `line` runs from the patient to the site the whole way; its vertices
/// [road_first, road_last] are the part along the roads, the rest straight legs that no road of
/// the data holds (the access legs, or the whole line when road_first == road_last: a direct
/// leg, or no road network). The map draws the two apart (dashed legs), as the routes module
/// does (analysis/access_leg_lines.hpp).
struct PatientRoute {
  core::LineString line;  ///< empty when the patient is not placed
  std::size_t road_first = 0;
  std::size_t road_last = 0;

  bool empty() const { return line.size() < 2; }
  bool by_road() const { return road_last > road_first; }
};

/// The part along the roads; empty for a straight route.
core::LineString road_part(const PatientRoute& route);

/// The straight parts: the access legs at both ends (each a two-point line, left out when shorter
/// than 1 m: a place on the road), or the whole line of a straight route.
std::vector<core::LineString> straight_parts(const PatientRoute& route);

/// Per scenario patient: the route to its hospital or shelter, empty when not placed.
/// O(sites x search) with `network`, O(patients) without.
std::vector<PatientRoute> patient_routes(const Scenario& scenario, const InjectResult& r,
                                         const routing::RoadNetwork* network,
                                         const DrillOptions& options);

}  // namespace caremap::drill
