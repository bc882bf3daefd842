#pragma once
// A drill's result as layers for the writers and the map, every row marked as drill data when
// the patients were generated and every layer carrying the drill's provenance (what the times
// stand on: a named road network, or the straight line).
//
//  - assignment: one row per patient and inject (point at the patient): where they go, the
//    time, why there and not nearer (the "why" column), or why not placed; what changed since
//    the inject before;
//  - routes: one line per placed patient and inject, the whole way (access legs included);
//  - hospital_load: one point per hospital and inject: load, free and backup beds, share.

#include <vector>

#include "core/lang.hpp"
#include "core/layer.hpp"
#include "drill/drill_routes.hpp"
#include "drill/drill_run.hpp"

namespace caremap::drill {

/// "北九州宗像中央病院（満床、4.2分）、..." / "Hospital A (full, 4.2 min), ...": the nearer
/// hospitals passed over; "" when the chosen one is the nearest.
std::string why_text(const Scenario& scenario, const PatientOutcome& o, core::Lang lang);

core::Layer assignment_layer(const Scenario& scenario, const DrillResult& result, core::Lang lang);

/// `routes[i][p]`: inject i, patient p (drill_routes.hpp).
core::Layer routes_layer(const Scenario& scenario, const DrillResult& result,
                         const std::vector<std::vector<PatientRoute>>& routes);

core::Layer hospital_load_layer(const Scenario& scenario, const DrillResult& result);

}  // namespace caremap::drill
