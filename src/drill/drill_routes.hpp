#pragma once
// The route of every placed patient in one inject, for the map and the GeoPackage: along the
// roads with the inject's closures (access legs drawn as straight pieces at both ends), a
// straight line where the direct leg was faster or where there is no road network.

#include <vector>

#include "core/geometry.hpp"
#include "drill/drill_run.hpp"

namespace caremap::drill {

/// Per scenario patient: the route to its hospital or shelter, empty when not placed.
/// O(sites x search) with `network`, O(patients) without.
std::vector<core::LineString> patient_routes(const Scenario& scenario, const InjectResult& r,
                                             const routing::RoadNetwork* network,
                                             const DrillOptions& options);

}  // namespace caremap::drill
