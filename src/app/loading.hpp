#pragma once
// Opening data in the viewer: a region (project file), loose data files (command line, drag and
// drop, the layers panel), raster basemaps. Reading runs on the job thread; the layers arrive in
// AppState through the job's completion, with their load diagnostics.

#include <filesystem>
#include <string>

#include "app/app_state.hpp"

namespace caremap::app {

/// Opens a region by name or project-file path; replaces the working CRS and adds its layers.
void start_open_region(AppState& app, std::string name_or_path);

/// Reads a vector data file (GeoJSON, GPKG, CSV, ...) or, for .tif/.tiff/.mbtiles, a raster
/// basemap, into the current working CRS.
void start_open_file(AppState& app, std::filesystem::path path);

/// Turns the GSI tile basemap on or off (on: tiles for the current view are fetched on the job
/// thread; offline, a message explains why nothing is shown).
void set_gsi_basemap(AppState& app, bool on, const core::Box& view_box, int width_px,
                     int height_px);

/// True for the file extensions read as raster basemaps.
bool is_raster_path(const std::filesystem::path& path);

/// Sets the working CRS and the lon/lat transformer.
void set_working_crs(AppState& app, const std::string& crs_definition);

}  // namespace caremap::app

namespace caremap::app {

enum class ExportFormat { geopackage, geojson, csv };

/// The file extension of a format (".gpkg", ".geojson", ".csv").
const char* extension(ExportFormat f);

/// Writes a layer with io::write_layer on the job thread, next to the current directory as
/// "<layer id><extension>" unless `path` is given; the outcome goes to the log.
void start_export_layer(AppState& app, std::uint32_t uid, ExportFormat format,
                        std::filesystem::path path = {});

}  // namespace caremap::app
