#pragma once
// The viewer's Report button: the handout `caremap report coverage` / `caremap report drill`
// writes, for what the panel shows now (region, category, radius, mesh, language; the drill as
// solved with the panel's free beds and the map's closures). Built by the same pure builders
// (report::coverage_report, report::drill_report), rendered by report::render_report and written
// through io::write_file_atomically, all on the job runner: the UI thread only copies the inputs
// and later shows the path and page count (or the error) in the panel.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/strings.hpp"

namespace caremap::app {

struct AppState;

/// One Report button's state, owned by its module (CoverageState::report,
/// DrillModuleState::report).
struct ReportExportState {
  std::string path;     ///< the path the user typed; empty = default_report_path()
  std::string written;  ///< the file written last (empty: none yet)
  std::size_t pages = 0;
  std::string error;  ///< why the last attempt failed; empty after a success
};

/// The default file: ~/caremap-reports/<region>-<kind>-YYYYMMDD.pdf ($HOME unset: the current
/// directory's caremap-reports). `date` is "2026-12-07"; `region_id` empty gives "caremap".
std::filesystem::path default_report_path(std::string_view region_id, std::string_view kind,
                                          std::string_view date);

/// The job keys (one per kind: a second click replaces a queued or running one).
inline constexpr const char* kCoverageReportJob = "report-coverage";
inline constexpr const char* kDrillReportJob = "report-drill";

/// Writes the coverage handout for the coverage panel's category, radius and mesh. Nothing
/// starts (the state's error says why) without a boundary layer or facilities of the category.
void start_coverage_report(AppState& app);

/// Writes the drill handout of the drill as last solved. Needs a solved drill.
void start_drill_report(AppState& app);

/// True while the road network is loading: a report waits for it (its maps draw the roads and
/// its travel times need them), the button is disabled and says why.
bool report_waits_for_roads(const AppState& app);

/// The panel section: path field, Report button, progress while the job runs, then the path and
/// page count or the error. `start` is one of the two functions above. ImGui, UI thread.
void draw_report_section(AppState& app, ReportExportState& state, const char* job_key,
                         std::string_view kind, void (*start)(AppState&));

}  // namespace caremap::app
