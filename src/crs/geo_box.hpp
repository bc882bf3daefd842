#pragma once
// A geographic extent in degrees (longitude first), used to choose a working CRS before any data
// is projected. Does not handle extents crossing the antimeridian (none of caremap's data does).

#include <algorithm>
#include <optional>

#include "core/geometry.hpp"

namespace caremap::crs {

struct GeoBox {
  core::LonLat south_west;
  core::LonLat north_east;

  double width_deg() const { return north_east.lon - south_west.lon; }
  double height_deg() const { return north_east.lat - south_west.lat; }
  core::LonLat center() const {
    return {(south_west.lon + north_east.lon) / 2.0, (south_west.lat + north_east.lat) / 2.0};
  }
  bool contains(core::LonLat p) const {
    return p.lon >= south_west.lon && p.lon <= north_east.lon && p.lat >= south_west.lat &&
           p.lat <= north_east.lat;
  }
  /// The box of a single point (zero width and height).
  static GeoBox of(core::LonLat p) { return GeoBox{p, p}; }
  /// Grows the box to hold `p`.
  void expand(core::LonLat p) {
    south_west = {std::min(south_west.lon, p.lon), std::min(south_west.lat, p.lat)};
    north_east = {std::max(north_east.lon, p.lon), std::max(north_east.lat, p.lat)};
  }
  friend constexpr bool operator==(const GeoBox&, const GeoBox&) = default;
};

/// Smallest box holding both; either side may be absent.
inline std::optional<GeoBox> merge(const std::optional<GeoBox>& a, const std::optional<GeoBox>& b) {
  if (!a) {
    return b;
  }
  if (!b) {
    return a;
  }
  GeoBox out = *a;
  out.expand(b->south_west);
  out.expand(b->north_east);
  return out;
}

}  // namespace caremap::crs
