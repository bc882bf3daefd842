#include "io/valid_extent.hpp"

#include <cstdio>

namespace caremap::io {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// "122–154 E" when both ends share a hemisphere, "10 W–5 E" when the range crosses zero.
std::string range(double lo, double hi, const char* positive, const char* negative) {
  const auto end = [&](double v) { return num(v < 0.0 ? -v : v); };
  if (lo >= 0.0) {
    return num(lo) + "–" + num(hi) + " " + positive;
  }
  if (hi <= 0.0) {
    return end(lo) + "–" + end(hi) + " " + negative;
  }
  return end(lo) + " " + negative + "–" + end(hi) + " " + positive;
}

}  // namespace

std::string describe_extent(const crs::GeoBox& extent) {
  return range(extent.south_west.lon, extent.north_east.lon, "E", "W") + ", " +
         range(extent.south_west.lat, extent.north_east.lat, "N", "S");
}

std::string outside_extent_message(core::LonLat point, const crs::GeoBox& extent) {
  return "longitude " + num(point.lon) + ", latitude " + num(point.lat) +
         " is outside the project's valid extent " + describe_extent(extent);
}

std::string outside_extent_message(const core::Box& box, const crs::GeoBox& extent) {
  const crs::GeoBox b{{box.min_corner().x, box.min_corner().y},
                      {box.max_corner().x, box.max_corner().y}};
  return "the geometry's bounding box " + describe_extent(b) +
         " lies entirely outside the project's valid extent " + describe_extent(extent);
}

bool entirely_outside(const core::Box& box, const crs::GeoBox& extent) {
  return box.max_corner().x < extent.south_west.lon || box.min_corner().x > extent.north_east.lon ||
         box.max_corner().y < extent.south_west.lat || box.min_corner().y > extent.north_east.lat;
}

}  // namespace caremap::io
