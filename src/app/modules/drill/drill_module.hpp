#pragma once
// The disaster drill in the viewer (issue 13): a scenario (the region's ready drill, --drill, or
// a file given in the panel) run through its injects on the viewer's road network with every
// closure drawn on the map, on the job runner. A timeline slider steps through the injects; the
// panel shows each inject's after-action summary and what changed since the one before; the map
// shows patients coloured by hospital, routes, hospitals with load/capacity, closed roads and
// hazard zones (drill/drill_map.hpp). Editing a hospital's free beds or drawing a closure re-solves
// at once (one keyed job, so quick edits coalesce).

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/modules/analysis_module.hpp"
#include "app/options.hpp"
#include "app/report_export.hpp"
#include "drill/bed_edits.hpp"
#include "drill/drill_map.hpp"
#include "drill/drill_run.hpp"

namespace caremap::app {

struct DrillModuleState {
  std::string path;                                 ///< the panel's scenario field
  std::shared_ptr<const drill::Scenario> scenario;  ///< as loaded (capacities of the file)
  drill::DrillOptions options;
  /// The free beds typed into the panel, each at the inject the slider was on: they hold from
  /// that inject on (drill/bed_edits.hpp).
  std::vector<drill::BedEdit> bed_edits;
  /// The scenario as last solved (the panel's free-bed edits, the map's closures): what `result`
  /// and the report stand on.
  std::shared_ptr<const drill::Scenario> solved;
  std::shared_ptr<const drill::DrillResult> result;
  std::vector<drill::DrillInjectLayers> layers;  ///< per inject
  std::vector<core::LayerPtr> closed_roads;      ///< per inject; null without closures
  int inject = 0;                                ///< the slider
  std::optional<double> wanted_t_min;            ///< --drill-t: select this inject when solved
  /// Bed edits restored from the autosave: put on the scenario when it has loaded.
  std::vector<BedEditOption> wanted_bed_edits;
  bool loading = false;
  bool solving = false;
  std::string note;          ///< why nothing is shown (no file, other region, an error)
  ReportExportState report;  ///< the Report button (app/report_export.hpp)
};

class DrillModule final : public AnalysisModule {
 public:
  static constexpr const char* kLoadJob = "drill-load";
  static constexpr const char* kSolveJob = "drill-solve";

  DrillModuleState state;

  std::string_view id() const override { return "drill"; }
  ModuleTab tab() const override { return ModuleTab::network; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
};

DrillModuleState& drill_state(AppState& app);

/// The region's ready drill (<data_dir>/drills/<region>/drill.json), empty when it has none.
std::filesystem::path default_drill_path(const std::string& region_id);

/// The panel's bed edits as the autosave keeps them: each hospital by its id, each inject by its
/// index and time. Edits out of the scenario's range are left out.
std::vector<BedEditOption> bed_edit_options(const drill::Scenario& scenario,
                                            std::span<const drill::BedEdit> edits);

/// The kept edits back on `scenario`: an edit whose hospital id is not in it, or whose inject
/// is out of range or at another time, is left out (the file changed since; a number typed for
/// one hospital must never land on another). With `dropped`, counts those left out.
std::vector<drill::BedEdit> bed_edits_from(const drill::Scenario& scenario,
                                           std::span<const BedEditOption> kept,
                                           std::size_t* dropped = nullptr);

/// Reads the scenario on the job runner (its region layers are the viewer's loaded layers), then
/// solves it.
void start_load_drill(AppState& app, std::filesystem::path path);

/// Solves the loaded scenario with the panel's free-bed edits and the map's closures.
void start_drill_solve(AppState& app);

/// Puts inject `k`'s layers on the map (the slider).
void show_drill_inject(AppState& app, int k);

}  // namespace caremap::app
