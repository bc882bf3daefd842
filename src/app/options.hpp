#pragma once
// Command-line options of caremap-viewer, parsed with CLI11 as the `caremap` command's are, and
// their values with core/argument_parsing.hpp (places, vertex lists, durations, distances: the
// same parsers as the command's). Parsing is a pure function so it is unit-tested; the viewer
// turns an ArgumentError into a message and exit code 2.
//
//   caremap-viewer [project.json | data files...] [options]
//     --region NAME           open a named region (default munakata-fukutsu)
//     --lang ja|en            UI language (default: saved setting, else ja)
//     --size WxH              window size in pixels (default 1600x1000)
//     --view LON,LAT,ZOOM     centre and web-map zoom level
//     --fit LAYER_ID          fit the view to one layer
//     --screenshot OUT.png    render, save the window as PNG and exit
//     --frames N              frames to render before the screenshot (default 3)
//     --export-map OUT.png    save the map alone (offscreen, labels, legend) and exit
//     --export-width PX       width of --export-map (default 3000)
//     --export-height PX      height of --export-map (default: the map's aspect ratio)
//     --inspector             open the inspector panel
//     --table LAYER_ID        open the attribute table on a layer
//     --search TEXT           search text for the table
//     --select LAYER_ID:ROW   select a feature (0-based feature index) and centre on it
//     --nearest LON,LAT       run the nearest-facility analysis from a location
//     --k N                   facilities per category for --nearest (default 3)
//     --coverage CATEGORY[:RADIUS_M]  run a coverage analysis
//     --team                  run team coverage (the home-care team in reach)
//     --team-home-help        run it with home help required too
//     --team-by-road          run it with the timed members by road time
//     --osm FILE              load this OpenStreetMap extract as the road network
//     --profile car|walking   travel profile of the network analyses (default car)
//     --route LON,LAT         nearest facilities by travel time from a location (k from --k)
//     --service-area LON,LAT  service areas from a location
//     --plan-add LON,LAT      planning what-if: a clinic added there (repeatable)
//     --plan-remove LON,LAT   planning what-if: the clinic nearest there closed (repeatable)
//     --plan-reach MIN        planning reach in minutes (default 20)
//     --bands LIST            service-area bands in minutes (default 5,10,15,30)
//     --sa-mode MODE          overlap | split | dissolve
//     --sa-shape SHAPE        disks | rings
//     --closure-polygon PTS   a closed area, "lon lat, lon lat, ..." (repeatable)
//     --closure-line PTS      a closed line, "lon lat, lon lat, ..." (repeatable)
//     --slowdown F:PTS        a slowdown area with time factor F (repeatable)
//     --closures FILE         read closures from a file (the CLI's --closures rules; repeatable)
//     --tab basic|network     open this tab of the analysis panel
//     --drill FILE            run a drill scenario (docs/drill.md); "default": the region's
//     --drill-t MIN           show the drill's inject at this time (default the first)
//     --basemap PATH          add a GeoTIFF or MBTiles basemap
//     --gsi                   turn on the GSI tile basemap (needs network)
//     --pan PX                pan the map PX pixels every frame, back and forth (frame-time
//                             benchmarks: every frame redraws the map)
//     --cancel KIND           cancel the first open|network|coverage|service-area job (tests)
//     --present               start in presentation mode (the project's saved views as slides)
//     --slide N               the slide to show, 1-based (default 1; implies --present)
//     --report coverage|drill press the coverage (or, once solved, the drill) panel's Report
//                             button (scripts and tests; the file is the panel's default)
//     --dump-state OUT.json   write camera, map rectangle and placed labels after the last frame
//     --no-settings           neither read nor write the settings file
//     --recover ask|yes|no    after a crash: ask, restore or discard the autosaved work

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/strings.hpp"
#include "core/category.hpp"
#include "core/geometry.hpp"
#include "io/project.hpp"

namespace caremap::app {

struct ViewOption {
  core::LonLat center;
  double zoom = 12.0;
  friend bool operator==(const ViewOption&, const ViewOption&) = default;
};

struct CoverageOption {
  core::Category category = core::Category::clinic;
  std::optional<double> radius_m;
  friend bool operator==(const CoverageOption&, const CoverageOption&) = default;
};

struct SelectOption {
  std::string layer_id;
  std::size_t row = 0;
};

/// A closure given on the command line: its kind and vertices (longitude, latitude).
struct ClosureOption {
  std::string kind;  ///< "area", "line" or "slowdown"
  std::vector<core::LonLat> points;
  double factor = 2.0;
  friend bool operator==(const ClosureOption&, const ClosureOption&) = default;
};

/// A free-bed number typed into the drill panel, as the autosave keeps it: the hospital by its
/// id and the inject by its index and time, so that it goes back only onto the scenario it was
/// typed for (drill_module.hpp: bed_edits_from).
struct BedEditOption {
  std::size_t inject = 0;
  double inject_t_min = 0.0;
  std::string hospital_id;
  int free_beds = 0;
  friend bool operator==(const BedEditOption&, const BedEditOption&) = default;
};

struct ViewerOptions {
  std::vector<std::filesystem::path> inputs;
  std::optional<std::string> region;
  std::optional<Lang> lang;
  int width = 1600;
  int height = 1000;
  std::optional<ViewOption> view;
  std::optional<std::string> fit_layer;
  std::optional<std::filesystem::path> screenshot;
  int frames = 3;
  std::optional<std::filesystem::path> export_map;
  int export_width = 3000;
  int export_height = 0;  ///< 0 = the map's aspect ratio
  bool inspector = false;
  std::optional<std::string> table_layer;
  std::string search;
  std::optional<SelectOption> select;
  std::optional<core::LonLat> nearest;
  std::size_t nearest_k = 3;
  std::optional<CoverageOption> coverage;
  bool team = false;            ///< --team
  bool team_home_help = false;  ///< --team-home-help (implies --team)
  bool team_by_road = false;    ///< --team-by-road (implies --team)
  std::optional<std::filesystem::path> osm;
  std::optional<std::string> profile;
  std::optional<core::LonLat> route;
  std::optional<core::LonLat> service_area;
  std::vector<core::LonLat> plan_add;     ///< --plan-add (planning what-if)
  std::vector<core::LonLat> plan_remove;  ///< --plan-remove
  std::optional<int> plan_reach_min;      ///< --plan-reach
  std::optional<std::string> bands;
  std::optional<int> sa_mode;   ///< analysis::ServiceAreaMode as int
  std::optional<int> sa_shape;  ///< analysis::BandShape as int
  std::vector<ClosureOption> closures;
  std::vector<std::filesystem::path> closures_files;  ///< --closures (repeatable)
  std::optional<int> tab;                             ///< 0 basic, 1 network
  std::optional<std::filesystem::path> drill;         ///< "default": the region's ready drill
  std::optional<double> drill_t_min;
  std::vector<BedEditOption> drill_bed_edits;  ///< restored (autosave): applied once it loads
  /// Restored (autosave): the saved views as they were, over the project file's.
  std::optional<std::vector<io::SavedView>> views;
  std::vector<std::filesystem::path> basemaps;
  bool gsi = false;
  double pan_px = 0.0;
  std::vector<std::string> cancel;  ///< job kinds to cancel once queued (open, network, ...)
  std::optional<std::filesystem::path> dump_state;
  std::optional<std::string> report;  ///< --report coverage|drill
  bool present = false;               ///< --present
  std::optional<int> slide;           ///< --slide, 1-based
  bool no_settings = false;
  /// --recover ask|yes|no: after a crash, ask (the dialog; default), restore or discard the
  /// autosaved state without asking (app/autosave.hpp). Makes a headless run take part in the
  /// autosave.
  std::optional<std::string> recover;
  bool help = false;

  /// True when the run renders and exits without a person (screenshot or export).
  bool headless() const { return screenshot.has_value() || export_map.has_value(); }
};

/// Parses the arguments after the program name. Throws core::ArgumentError naming the option.
ViewerOptions parse_viewer_options(std::span<const std::string_view> args);

/// The usage text (English; the command line is for scripts).
const char* viewer_usage();

}  // namespace caremap::app
