#pragma once
// The geographic validity check of a project (valid_extent_lonlat in the project file): where its
// data can possibly lie. A row geocoded to the other side of the world (an MHLW facility at
// -8.24, 53.41 in Ireland) passes the range checks of coordinate_check.hpp but not this one.
//
// Only geographic sources are checked (x = longitude, y = latitude in degrees); the reader skips
// the check for projected sources, whose coordinates would need reprojecting first.

#include <string>

#include "core/geometry.hpp"
#include "crs/geo_box.hpp"

namespace caremap::io {

/// The extent in words, hemisphere letters instead of signs: "122–154 E, 20–46.5 N",
/// "10 W–5 E, 40–45 N".
std::string describe_extent(const crs::GeoBox& extent);

/// "longitude -8.24389, latitude 53.41291 is outside the project's valid extent 122–154 E,
/// 20–46.5 N" for the diagnostic outside_valid_extent.
std::string outside_extent_message(core::LonLat point, const crs::GeoBox& extent);

/// The same for a line or polygon whose bounding box `box` (lon/lat) misses the extent.
std::string outside_extent_message(const core::Box& box, const crs::GeoBox& extent);

/// True when the lon/lat box `box` has no point in common with `extent` (touching counts as
/// inside). O(1).
bool entirely_outside(const core::Box& box, const crs::GeoBox& extent);

}  // namespace caremap::io
