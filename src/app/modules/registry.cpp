// The one registration list of the viewer's analyses. Adding an analysis: a folder under
// app/modules/, its sources in app/CMakeLists.txt, and one line here (docs/ARCHITECTURE.md,
// "How to add an analysis").

#include "app/app_state.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/modules/nearest/nearest_module.hpp"
#include "app/modules/plan/plan_module.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "app/modules/team/team_module.hpp"

namespace caremap::app {

ModuleList make_modules() {
  ModuleList modules;
  modules.push_back(std::make_unique<NearestModule>());
  modules.push_back(std::make_unique<CoverageModule>());
  modules.push_back(std::make_unique<TeamModule>());
  modules.push_back(std::make_unique<RoutesModule>());
  modules.push_back(std::make_unique<ServiceAreasModule>());
  modules.push_back(std::make_unique<ClosuresModule>());
  modules.push_back(std::make_unique<PlanModule>());
  modules.push_back(std::make_unique<DrillModule>());
  return modules;
}

AnalysisModule* picking_module(AppState& app) {
  for (const auto& m : app.modules) {
    if (m->picking()) {
      return m.get();
    }
  }
  return nullptr;
}

void stop_all_picking(AppState& app) {
  for (const auto& m : app.modules) {
    m->stop_picking();
  }
}

}  // namespace caremap::app
