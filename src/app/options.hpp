#pragma once
// Command-line options of caremap-viewer. Parsing is a pure function so it is unit-tested; the
// viewer turns an ArgumentError into a message and exit code 2.
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
//     --inspector             open the inspector panel
//     --table LAYER_ID        open the attribute table on a layer
//     --search TEXT           search text for the table
//     --select LAYER_ID:ROW   select a feature (0-based feature index) and centre on it
//     --nearest LON,LAT       run the nearest-facility analysis from a location
//     --k N                   facilities per category for --nearest (default 3)
//     --coverage CATEGORY[:RADIUS_M]  run a coverage analysis
//     --basemap PATH          add a GeoTIFF or MBTiles basemap
//     --gsi                   turn on the GSI tile basemap (needs network)
//     --dump-state OUT.json   write camera, map rectangle and placed labels after the last frame
//     --no-settings           neither read nor write the settings file

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/strings.hpp"
#include "core/category.hpp"
#include "core/geometry.hpp"

namespace caremap::app {

struct ViewOption {
  core::LonLat center;
  double zoom = 12.0;
};

struct CoverageOption {
  core::Category category = core::Category::clinic;
  std::optional<double> radius_m;
};

struct SelectOption {
  std::string layer_id;
  std::size_t row = 0;
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
  bool inspector = false;
  std::optional<std::string> table_layer;
  std::string search;
  std::optional<SelectOption> select;
  std::optional<core::LonLat> nearest;
  std::size_t nearest_k = 3;
  std::optional<CoverageOption> coverage;
  std::vector<std::filesystem::path> basemaps;
  bool gsi = false;
  std::optional<std::filesystem::path> dump_state;
  bool no_settings = false;
  bool help = false;

  /// True when the run renders and exits without a person (screenshot or export).
  bool headless() const { return screenshot.has_value() || export_map.has_value(); }
};

/// Parses the arguments after the program name. Throws core::ArgumentError naming the option.
ViewerOptions parse_viewer_options(std::span<const std::string_view> args);

/// The usage text (English; the command line is for scripts).
const char* viewer_usage();

}  // namespace caremap::app
