#pragma once
// The viewer's project state as the autosave keeps it (app/autosave.hpp): what a planner set up
// and would lose in a crash - the region and files opened, the view, which layers are shown,
// every analysis's parameters and places, the road network, the what-ifs (planning clinics added
// or closed, drawn closures and closure files), the drill with its typed-in free beds, and the
// saved views (slides) not yet saved to the project file. Figures and result layers are not
// kept: they are recomputed from these, as for a scripted start.
//
// Places are longitude/latitude (EPSG:4326), so a state survives a change of working CRS.
// Restoring goes through the command line's path: restore_options() fills ViewerOptions exactly
// as the matching options (--region, --view, --nearest, --plan-add, --closure-polygon, ...)
// would, and the viewer starts from them; only layer visibility, the saved views and the drill's
// bed edits (once its scenario has loaded) are applied afterwards.
//
// Pure data and JSON text: no ImGui, no window, no files (the autosave writes them).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/options.hpp"

namespace caremap::app {

struct ProjectState {
  std::string region;                         ///< name or project file as opened; empty: none
  std::vector<std::string> files;             ///< data files and raster basemaps opened besides it
  std::optional<ViewOption> view;             ///< the camera (centre and web-map zoom level)
  std::map<std::string, bool> layer_visible;  ///< by layer id
  std::string lang;                           ///< "ja" / "en"

  int nearest_k = 3;
  std::optional<core::LonLat> nearest;     ///< the straight-line nearest origin
  std::optional<CoverageOption> coverage;  ///< set when a coverage was computed
  bool team = false;                       ///< team coverage computed
  bool team_home_help = false;
  bool team_by_road = false;

  std::optional<std::string> osm;  ///< the OSM extract loaded as the road network
  std::string profile = "car";
  std::optional<core::LonLat> route;         ///< travel-time nearest origin
  std::optional<core::LonLat> service_area;  ///< service-area origin (clicked point)
  std::string bands = "5,10,15,30";
  int sa_mode = 0;
  int sa_shape = 0;
  std::vector<ClosureOption> closures;     ///< drawn: area, line, slowdown (with its factor)
  std::vector<std::string> closure_files;  ///< closure files loaded (read again on restore)

  bool plan = false;  ///< the planning what-if was open
  int plan_reach_min = 20;
  std::vector<core::LonLat> plan_add;     ///< what-if clinics
  std::vector<core::LonLat> plan_remove;  ///< where the closed clinics are

  std::optional<std::string> drill;            ///< the drill scenario file
  std::optional<double> drill_t_min;           ///< the inject shown
  std::vector<BedEditOption> drill_bed_edits;  ///< the free beds typed into the drill panel

  /// The saved views (presentation slides) as they are in the viewer, saved to the project file
  /// or not. nullopt: none kept (no project open, or an autosave from before views were kept):
  /// the project file's views stand.
  std::optional<std::vector<io::SavedView>> views;

  friend bool operator==(const ProjectState&, const ProjectState&) = default;
};

/// The state as JSON text (UTF-8, one object, stable key order). O(size of the state).
std::string project_state_json(const ProjectState& state);

/// Parses project_state_json's text. Unknown keys are ignored, missing ones take the defaults;
/// throws core::InputError for text that is not such an object or a value of the wrong type.
ProjectState parse_project_state(std::string_view json);

/// Options that restore `state` at start: the region and files, the view and every analysis,
/// as the command line would give them. Options already given (`options` from the command line:
/// --screenshot, --size, --recover ...) that the state does not cover are kept.
void restore_options(const ProjectState& state, ViewerOptions& options);

}  // namespace caremap::app
