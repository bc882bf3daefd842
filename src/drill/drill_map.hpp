#pragma once
// What a drill puts on a map for one inject (the viewer's drill module, the drill report), built
// from the engine's result layers (drill/drill_layers.hpp) so the map, the inspector and the CLI's
// GeoPackage say the same:
//  - patients: the inject's rows of the assignment layer (where, time, why not nearer, why not
//    placed, what the times stand on, 訓練用データ), with "hospital_index" for the colour ramp
//    (-1 not placed, 0.. the drill's hospitals, then one class for shelter places);
//  - routes: the inject's routes, each cut into its part along the roads and its straight parts
//    (access legs, direct legs: "straight" 1, drawn dashed, as the routes module draws them);
//  - hospitals: the inject's load rows, named "宗像医師会病院 8/25" (load/capacity, + status);
//  - closures: every closure and hazard zone so far, as given (points, lines, areas).
// Pure: no I/O, no GL; tested in tests/drill/drill_map_test.cpp.

#include <vector>

#include "core/lang.hpp"
#include "core/layer.hpp"
#include "drill/drill_routes.hpp"
#include "drill/drill_run.hpp"
#include "style/style.hpp"

namespace caremap::drill {

inline constexpr const char* kDrillPatientsLayer = "drill_patients";
inline constexpr const char* kDrillRoutesLayer = "drill_routes";
inline constexpr const char* kDrillHospitalsLayer = "drill_hospitals";
inline constexpr const char* kDrillHazardLayer = "drill_closures";
inline constexpr const char* kDrillClosedRoadsLayer = "drill_closed_roads";

/// The class value of a patient placed at a shelter: one past the last hospital.
inline std::int64_t shelter_class(const Scenario& s) {
  return static_cast<std::int64_t>(s.hospitals.size());
}

/// The map layers of every inject: `routes[k][p]` the route of patient p at inject k
/// (drill::patient_routes). A route is one feature per part, with the fields of
/// drill::routes_layer and "leg" (道路 / アクセス区間 / 直線; road / access leg / straight) and
/// "straight" (0 along the roads, 1 a straight part) for the style's dashes. Layers without a
/// feature are still returned (an empty layer replaces the previous inject's).
struct DrillInjectLayers {
  core::LayerPtr patients;
  core::LayerPtr routes;
  core::LayerPtr hospitals;
  core::LayerPtr hazard_zones;
};
std::vector<DrillInjectLayers> drill_map_layers(
    const Scenario& scenario, const DrillResult& result,
    const std::vector<std::vector<PatientRoute>>& routes, core::Lang lang);

/// The hospital label: "宗像医師会病院 8/25", with " 満床" / " 停電" / " 被災" (en: full, no
/// power, damaged) when so.
std::string hospital_label(const std::string& name, const HospitalLoad& load, core::Lang lang);

/// The patients' colour: one class per integer of "hospital_index": the first (-1, not placed)
/// a warning red, then one qualitative colour per hospital (cycling past 10), then shelters.
/// Labels are the hospitals' names.
style::Ramp hospital_ramp(const Scenario& scenario, core::Lang lang);

/// The routes' two classes by "straight": along the roads solid, straight parts thinner and
/// dashed (no road of the data holds them). The legend labels say so.
style::Ramp drill_routes_ramp(core::Lang lang);

/// The drill's styles over the defaults, shared by the viewer and the report, by layer id: the
/// patients by hospital (hospital_ramp, 12 px), closures large (a closed bridge is a point, to be
/// found at the scale of a region), routes thin and half transparent (the patients' colours stay
/// readable where routes bundle) with their straight parts dashed (drill_routes_ramp). Other
/// layers are left as they are.
void apply_drill_style(const core::Layer& layer, const Scenario& scenario, core::Lang lang,
                       style::LayerStyle& style);

/// A hospital's state in words: "被災（受入不可）", "停電", "満床", "後方支援病床 3" joined by
/// "・" (en: "damaged (takes no one)", "no power", "full", "backup beds in use: 3"); "" when
/// none applies.
std::string load_state(const HospitalLoad& load, core::Lang lang);

}  // namespace caremap::drill
