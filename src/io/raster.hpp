#pragma once
// Raster basemaps through GDAL: GeoTIFF, MBTiles (anything GDAL opens as a raster) and XYZ tile
// services such as 地理院タイル. Images are warped into the working CRS and returned as RGBA
// pixels with the box they cover, ready for the viewer's texture (render::RasterDraw).
//
// Bands: 1 (grey, or paletted through its colour table), 3 (RGB) or 4 (RGBA); pixels outside the
// source are transparent. Sizes are capped, so a large GeoTIFF never exhausts memory.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::io {

struct RasterImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  ///< rows top (north) to bottom, 4 bytes per pixel
  core::Box bounds;                ///< working CRS, metres
};

/// The whole raster warped into `working_crs` ("EPSG:6670"), at its own resolution but no more
/// than `max_size_px` on either side. Throws core::InputError naming the file if GDAL cannot open
/// it as a raster, it has no CRS, or it cannot be warped.
RasterImage read_raster(const std::filesystem::path& path, const std::string& working_crs,
                        int max_size_px);

/// The part of an XYZ tile service (URL template with {z}, {x}, {y}, Web Mercator tiles, 256 px)
/// covering `view` (working CRS) at width_px x height_px. Network waits are short (a few
/// seconds). Throws core::InputError with a readable message when no tile could be fetched (for
/// example offline).
RasterImage read_xyz_tiles(const std::string& url_template, const std::string& working_crs,
                           const core::Box& view, int width_px, int height_px);

/// The GDAL WMS description of an XYZ service, as GDAL opens it (exposed for tests).
std::string xyz_service_xml(const std::string& url_template);

}  // namespace caremap::io
