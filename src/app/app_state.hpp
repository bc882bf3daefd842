#pragma once
// The viewer's state, split in two:
//   AppState  - the domain: loaded layers with their styles and diagnostics, the selection, the
//               analysis parameters and results, the job runner. What the map *is*.
//   ViewState - how it is looked at: camera, map rectangle, which panels are open, table search
//               and sort, export settings, pointer state. What the user *sees*.
// Panels are free functions over both (panels.hpp); widgets own no domain data. Neither struct
// includes ImGui, so everything here is testable without a window.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/closure_editor.hpp"
#include "app/job_runner.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/network_state.hpp"
#include "app/people_source.hpp"
#include "app/strings.hpp"
#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "crs/geo_box.hpp"
#include "index/layer_index.hpp"
#include "io/project.hpp"
#include "render/camera.hpp"
#include "style/style.hpp"

namespace caremap::crs {
class Transformer;
}

namespace caremap::app {

/// Pixels of a raster basemap in the working CRS (rows top to bottom, RGBA).
struct RasterData {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
  core::Box bounds;
  std::string credit;  ///< attribution to show on the map while visible
};

/// What the UI derives from an entry and keeps between frames (resolved symbology, label
/// anchors, legend icon kind), each stamped with the entry version it was computed for. UI thread
/// only; never part of what the entry *is*.
struct LayerUiCache {
  style::LayerSymbology symbology;
  style::LayerStyle symbology_style;
  std::uint32_t symbology_version = 0;
  std::vector<std::optional<core::XY>> anchors;  ///< label point per feature
  std::uint32_t anchors_version = 0;
  int icon_kind = -1;  ///< legend_model.hpp's IconKind, -1 = not computed
  std::uint32_t icon_version = 0;
};

struct LayerEntry {
  std::uint32_t uid = 0;      ///< unique in this session; never reused
  std::uint32_t version = 1;  ///< bumped whenever `layer` or `raster` is replaced
  std::string id;             ///< the layer's id (settings key, --fit, --table)
  std::string title;          ///< display title
  core::LayerPtr layer;       ///< vector data; null for a raster entry
  /// The layer's R-tree, built with the data off the UI thread (the loading or analysis job), so
  /// the first hover is instant; null for rasters.
  std::shared_ptr<const index::LayerIndex> index;
  std::shared_ptr<const RasterData> raster;
  style::LayerStyle style;
  core::Diagnostics diagnostics;  ///< problems found while loading (rows skipped, ...)
  std::string source;             ///< file the layer came from, empty for results
  bool is_result = false;         ///< made by an analysis in this session
  std::optional<core::Meters> coverage_radius;  ///< the project file's coverage_radius_m

  LayerUiCache ui;  ///< derived, see symbology() and anchors()
};

/// The key the renderer caches GPU buffers under: changes exactly when the content changes.
std::uint64_t render_key(const LayerEntry& e);

/// The entry's resolved symbology (recomputed only when its style or version changed).
const style::LayerSymbology& symbology(LayerEntry& e);

/// The entry's spatial index: the one built with its data, else (a layer made on the UI thread,
/// such as a drawn closure) built now. Null for rasters.
const index::LayerIndex* spatial_index(LayerEntry& e);

/// The index of a layer, for jobs to build alongside the layer they produce.
std::shared_ptr<const index::LayerIndex> build_index(const core::LayerPtr& layer);

/// Label and "fit to feature" point of every feature (core::representative_point), cached.
const std::vector<std::optional<core::XY>>& anchors(LayerEntry& e);

struct Selection {
  std::uint32_t layer_uid = 0;
  core::FeatureId feature;
  friend bool operator==(const Selection&, const Selection&) = default;
};

class TileBasemap;

struct BasemapState {
  bool gsi = false;         ///< GSI XYZ tiles requested
  std::string gsi_message;  ///< the first failure (offline), reported once; empty when fine
  std::shared_ptr<TileBasemap> tiles;  ///< the tiles following the view while gsi is on
};

struct AppState {
  AppState();
  ~AppState();
  AppState(const AppState&) = delete;
  AppState& operator=(const AppState&) = delete;

  Lang lang = Lang::ja;
  std::string region_name;
  std::string region_id;  ///< the open project's id ("munakata-fukutsu"): the drills' folder
  /// The open region's valid_extent_lonlat: files opened while it is open are checked against it
  /// (rows outside are skipped with outside_valid_extent). nullopt: no region or no extent.
  std::optional<crs::GeoBox> valid_extent;
  std::string working_crs = "EPSG:6670";
  /// EPSG:4326 -> working CRS, for the cursor readout and --view. UI thread only: a job that
  /// converts takes its own lonlat->clone() (crs::Transformer is not shareable).
  std::shared_ptr<crs::Transformer> lonlat;

  /// What was asked to be opened, as given (for the autosave, app/project_capture.hpp): the
  /// region by name or project file, and the data files and basemaps opened besides it.
  std::string opened_region;
  std::vector<std::string> opened_files;
  /// The open project file (empty: no region, or loose files only) and its saved views, the
  /// slides of presentation mode (app/presentation.hpp). Project data: read with the region,
  /// edited in the views panel, written back by save_views.
  std::filesystem::path project_file;
  std::vector<io::SavedView> views;

  std::vector<LayerEntry> layers;  ///< in drawing order: first is drawn first (bottom)
  std::optional<Selection> selection;
  std::optional<Selection> hover;
  BasemapState basemap;
  NetworkState network;
  std::vector<std::string> log;        ///< messages for the status bar, newest last
  std::uint64_t names_generation = 0;  ///< bumped when layers with new names arrive (fonts)
  std::uint64_t loads_completed = 0;   ///< bumped when a region or file finished loading
  std::uint64_t loads_started = 0;
  std::uint32_t next_uid = 1;
  /// Facility categories of the loaded layers (facility_layers.hpp), cached by layer identities.
  std::vector<core::Category> cached_facility_categories;
  std::optional<std::uint64_t> cached_facility_key;  ///< unset: nothing cached yet

  /// The census people of the loaded population layer, shared by the analyses' jobs.
  std::shared_ptr<DemandCache> demand_cache = std::make_shared<DemandCache>();

  /// Every analysis (app/modules/registry.cpp), with its own state; find_module<T>(app) finds one.
  ModuleList modules;

  JobRunner jobs;  ///< last member: its worker must stop before the rest is destroyed
};

/// Appends a layer entry (style from `styles` if given, else the category default); returns its
/// uid. A layer whose id is already present gets a "-2", "-3" ... suffix.
std::uint32_t add_layer(AppState& app, core::LayerPtr layer, core::Diagnostics diagnostics,
                        std::string source, bool is_result = false,
                        std::shared_ptr<const index::LayerIndex> index = nullptr);

/// Replaces the data of the entry with this id (keeping its style and position) or adds it.
std::uint32_t put_result_layer(AppState& app, core::LayerPtr layer,
                               std::shared_ptr<const index::LayerIndex> index = nullptr);

/// Adds a raster entry.
std::uint32_t add_raster(AppState& app, std::string id, std::string title,
                         std::shared_ptr<const RasterData> raster, std::string source);

LayerEntry* find_layer(AppState& app, std::uint32_t uid);
LayerEntry* find_layer(AppState& app, std::string_view id);
void remove_layer(AppState& app, std::uint32_t uid);
/// Moves an entry one step up (towards the top of the drawing order) or down.
void move_layer(AppState& app, std::uint32_t uid, int steps);

/// Union of the bounds of visible vector layers (facility layers only if `facilities_only`).
std::optional<core::Box> layers_bounds(const AppState& app, bool facilities_only);

/// What "fit all" (and the first view) shows: the visible facilities and the city areas around
/// them, whole. A part of a city's area is left out only when it is small (under a tenth of
/// that city's largest part) and outside the box of all visible facilities: 沖ノ島, 60 km
/// offshore with no facility, would shrink the cities to a corner; 大島 and 地島, with shelters,
/// stay in. Without facilities, every visible layer.
std::optional<core::Box> fit_bounds(const AppState& app);

/// The position of the selected feature, if any.
std::optional<core::XY> selection_position(AppState& app);

/// Credits of every visible layer and raster (data sources), deduplicated, in layer order.
std::vector<std::string> visible_credits(const AppState& app);

void log_message(AppState& app, std::string message);

struct MapRect {
  float x = 0, y = 0, width = 1, height = 1;  ///< window pixels, top-left origin
  bool contains(float px, float py) const {
    return px >= x && py >= y && px < x + width && py < y + height;
  }
};

struct TableState {
  std::uint32_t layer_uid = 0;
  std::string search;
  int sort_column = -1;  ///< -1 = source order
  bool ascending = true;
  /// The rows after search and sort, kept while the layer, search and sort are unchanged
  /// (searching and sorting 20,000 rows every frame costs milliseconds).
  std::vector<std::uint32_t> cached_rows;
  std::uint64_t cached_rows_key = 0;
  bool cached_rows_valid = false;
};

struct ExportState {
  int width = 3000;
  int height = 0;  ///< 0 = the map's on-screen aspect ratio
  std::string path = "caremap-map.png";
  std::string message;
};

/// Where result layers are exported: a folder and a format (loading.hpp's ExportFormat).
struct LayerExportState {
  std::string folder;  ///< empty = the current directory
  int format = 0;      ///< ExportFormat
};

struct PlacedLabelRecord {
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< window pixels
};

/// Presentation mode (app/presentation.hpp): which slide is up. The slides are AppState::views.
struct PresentationState {
  bool active = false;
  int slide = 0;  ///< 0-based
  /// The shown slide's layers, kept while presenting (results arrive after the slide is shown).
  std::vector<std::string> layers;
  bool show_panel = false;  ///< the views panel
  int selected = -1;        ///< the views panel's selected row
  std::string message;      ///< the panel's last save result or error
};

struct ViewState {
  render::Camera camera;
  bool camera_ready = false;  ///< false until the first fit
  MapRect map_rect;
  float window_w = 1600, window_h = 1000;

  bool show_layers = true;
  bool show_legend = true;
  bool show_inspector = false;
  bool show_table = false;
  bool show_analysis = true;
  bool show_export = false;
  PresentationState presentation;

  TableState table;
  ExportState export_png;
  LayerExportState export_layers;
  std::string add_path;       ///< the "add file" text field
  std::string osm_path;       ///< the network panel's OSM file field
  std::string closures_path;  ///< the network panel's closures file field
  ClosureEditor closure_editor;
  float slowdown_factor = 2.0f;
  std::optional<int> analysis_tab_request;  ///< select this analysis tab (0 basic, 1 network)
  /// Open the network tab's sections with these module ids and close the others, once.
  std::optional<std::vector<std::string>> open_sections;

  bool interactive = true;  ///< false in headless runs: the pointer is ignored
  std::optional<core::XY> cursor_world;
  bool dragging = false;
  float drag_start_x = 0, drag_start_y = 0;
  bool drag_moved = false;
  bool press_was_double = false;  ///< the press that started the drag was a double-click

  std::optional<core::Box> fit_request;          ///< fit to this box at the next frame
  std::vector<PlacedLabelRecord> placed_labels;  ///< last frame's labels (for --dump-state)
};

}  // namespace caremap::app
