#pragma once
// The hospital atlas of the drill report (`caremap report drill --atlas hospitals`): one page per
// hospital of the drill, for the hospital's own liaison at the committee:
//   - a map framed on the patients the hospital took at any inject, with their routes (each
//     patient's route of the last inject at which it went there), the closures so far and the
//     hospital itself; patients still there at the last inject apart from those moved on;
//   - its beds inject by inject: patients, free and backup beds, share, power and damage, as a
//     table;
//   - the figures in words.
// Built from DrillReportInputs like the other pages of drill_report.hpp; nothing recomputed.

#include <string>
#include <vector>

#include "core/lang.hpp"
#include "drill/drill_run.hpp"
#include "report/document.hpp"
#include "report/drill_report.hpp"

namespace caremap::report {

/// A drill layer (hazard zones, closed roads, routes, patients, hospitals) as the drill report's
/// maps draw it: drill::apply_drill_style's symbols; nothing when `layer` is null.
void add_drill_layer(std::vector<MapLayer>& layers, const core::LayerPtr& layer,
                     const drill::Scenario& scenario, core::Lang lang);

/// "t = 20 分" / "t = 20 min": how the drill report names an inject's time.
std::string inject_time(const drill::InjectResult& r, core::Lang lang);

/// One page per hospital of `in.scenario`, in scenario order; every page credits `credits`
/// (the drill's figures) and the inputs of the layers it draws. `in` must have passed
/// drill_report's checks (one layer set per inject).
std::vector<Page> hospital_atlas_pages(const DrillReportInputs& in,
                                       const std::vector<std::string>& credits);

}  // namespace caremap::report
