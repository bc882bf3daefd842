#pragma once
// Opening data in the viewer: a region (project file), loose data files (command line, drag and
// drop, the layers panel), raster basemaps. Reading runs on the job thread; the layers arrive in
// AppState through the job's completion, with their load diagnostics.

#include <filesystem>
#include <string>

#include "app/app_state.hpp"
#include "render/camera.hpp"

namespace caremap::app {

/// Opens a region by name or project-file path; replaces the working CRS and adds its layers.
/// Returns the job's id.
JobId start_open_region(AppState& app, std::string name_or_path);

/// Reads a vector data file (GeoJSON, GPKG, CSV, ...) or, for .tif/.tiff/.mbtiles, a raster
/// basemap, into the current working CRS. OpenStreetMap files (.osm.pbf, ...) load as the road
/// network instead (network_jobs.hpp).
void start_open_file(AppState& app, std::filesystem::path path);

/// Turns the GSI tile basemap on or off (tile_basemap.hpp: tiles follow the view, fetched on a
/// worker of their own; offline, one message explains why nothing is shown).
void set_gsi_basemap(AppState& app, bool on);

/// Asks the tile basemap (if on) for the tiles of the camera's view and takes arrived tiles;
/// reports the first failure once. Call every frame on the UI thread.
void update_tile_basemap(AppState& app, const render::Camera& camera);

/// True for the file extensions read as raster basemaps.
bool is_raster_path(const std::filesystem::path& path);

/// Sets the working CRS and the lon/lat transformer.
void set_working_crs(AppState& app, const std::string& crs_definition);

}  // namespace caremap::app

namespace caremap::app {

enum class ExportFormat { geopackage, geojson, csv, flatgeobuf };
inline constexpr int kExportFormatCount = 4;

/// The file extension of a format (".gpkg", ".geojson", ".csv", ".fgb").
const char* extension(ExportFormat f);
/// The format's name for a combo box ("GeoPackage", "GeoJSON", "CSV", "FlatGeobuf").
const char* display_name(ExportFormat f);

/// The export path of a layer: "<folder>/<layer id><extension>" (folder empty = current
/// directory; a leading "~/" is the home directory).
std::filesystem::path export_path(const std::string& folder, const std::string& layer_id,
                                  ExportFormat format);

/// Writes a layer with io::write_layer (atomic: a temporary file renamed over the target, an
/// earlier file is untouched on failure) on the job thread, to `path` or, when empty, to the
/// current directory as "<layer id><extension>"; the outcome goes to the log and `on_done`.
void start_export_layer(AppState& app, std::uint32_t uid, ExportFormat format,
                        std::filesystem::path path = {});

}  // namespace caremap::app
