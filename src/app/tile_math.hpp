#pragma once
// Web Mercator tile arithmetic for XYZ basemaps (地理院タイル and any {z}/{x}/{y} service): which
// tiles cover a view at which zoom, where a tile's corners lie, and the URL of a tile. Pure; the
// fetching and drawing are in tile_basemap.hpp.
//
// Tiles are 256 px; zoom z has 2^z x 2^z tiles; x grows east from 180°W, y south from
// 85.0511°N (the Web Mercator limit).

#include <compare>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::app {

struct TileId {
  int z = 0;
  int x = 0;
  int y = 0;
  friend auto operator<=>(const TileId&, const TileId&) = default;
};

/// The zoom to fetch for a view of `m_per_px` metres per screen pixel at latitude `lat_deg`:
/// the zoom whose tile pixels are closest to screen pixels, rounded towards more detail when
/// within 0.4 of the next level (text on tiles stays legible), clamped to [min_zoom, max_zoom].
int tile_zoom(double m_per_px, double lat_deg, int min_zoom, int max_zoom);

/// Fractional tile coordinates of a point at zoom z (x east, y south).
std::pair<double, double> lonlat_to_tile(core::LonLat p, int z);
/// The point at fractional tile coordinates (x, y) of zoom z.
core::LonLat tile_to_lonlat(double x, double y, int z);

/// The tiles of zoom z that intersect the box from `south_west` to `north_east`, nearest the
/// box's centre first (the first to fetch). Empty when more than `max_tiles` would be needed
/// (a zoom too detailed for the view). Latitudes are clamped to the Web Mercator limit.
std::vector<TileId> tiles_covering(core::LonLat south_west, core::LonLat north_east, int z,
                                   std::size_t max_tiles);

/// The template with {z}, {x} and {y} replaced.
std::string tile_url(std::string_view url_template, const TileId& tile);

}  // namespace caremap::app
