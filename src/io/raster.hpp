#pragma once
// Raster basemaps through GDAL: GeoTIFF, MBTiles (anything GDAL opens as a raster). XYZ tile
// services such as 地理院タイル are the viewer's app::TileBasemap, tile by tile over
// io::read_url_bytes. Images are warped into the working CRS and returned as RGBA
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

}  // namespace caremap::io
