#include "app/tile_math.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "render/camera.hpp"

namespace caremap::app {

namespace {
constexpr double kMaxLat = 85.0511287798066;
}

int tile_zoom(double m_per_px, double lat_deg, int min_zoom, int max_zoom) {
  const double z = render::zoom_level_from_m_per_px(m_per_px, lat_deg);
  return std::clamp(static_cast<int>(std::floor(z + 0.6)), min_zoom, max_zoom);
}

std::pair<double, double> lonlat_to_tile(core::LonLat p, int z) {
  const double n = std::exp2(z);
  const double lat = std::clamp(p.lat, -kMaxLat, kMaxLat) * std::numbers::pi / 180.0;
  const double x = (p.lon + 180.0) / 360.0 * n;
  const double y = (1.0 - std::asinh(std::tan(lat)) / std::numbers::pi) / 2.0 * n;
  return {x, y};
}

core::LonLat tile_to_lonlat(double x, double y, int z) {
  const double n = std::exp2(z);
  const double lon = x / n * 360.0 - 180.0;
  const double lat =
      std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * y / n))) * 180.0 / std::numbers::pi;
  return core::LonLat{lon, lat};
}

std::vector<TileId> tiles_covering(core::LonLat south_west, core::LonLat north_east, int z,
                                   std::size_t max_tiles) {
  const int last = (1 << z) - 1;
  const auto [x0f, y1f] = lonlat_to_tile(south_west, z);
  const auto [x1f, y0f] = lonlat_to_tile(north_east, z);
  const int x0 = std::clamp(static_cast<int>(std::floor(x0f)), 0, last);
  const int x1 = std::clamp(static_cast<int>(std::floor(x1f)), 0, last);
  const int y0 = std::clamp(static_cast<int>(std::floor(y0f)), 0, last);
  const int y1 = std::clamp(static_cast<int>(std::floor(y1f)), 0, last);
  if (x1 < x0 || y1 < y0) {
    return {};
  }
  const auto count = static_cast<std::size_t>(x1 - x0 + 1) * static_cast<std::size_t>(y1 - y0 + 1);
  if (count > max_tiles) {
    return {};
  }
  std::vector<TileId> out;
  out.reserve(count);
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      out.push_back(TileId{z, x, y});
    }
  }
  const double cx = (x0f + x1f) / 2.0;
  const double cy = (y0f + y1f) / 2.0;
  std::stable_sort(out.begin(), out.end(), [&](const TileId& a, const TileId& b) {
    const double da = std::hypot(a.x + 0.5 - cx, a.y + 0.5 - cy);
    const double db = std::hypot(b.x + 0.5 - cx, b.y + 0.5 - cy);
    return da < db;
  });
  return out;
}

std::string tile_url(std::string_view url_template, const TileId& tile) {
  std::string out(url_template);
  for (auto [key, value] :
       {std::pair{std::string_view("{z}"), tile.z}, std::pair{std::string_view("{x}"), tile.x},
        std::pair{std::string_view("{y}"), tile.y}}) {
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at)) {
      const std::string v = std::to_string(value);
      out.replace(at, key.size(), v);
      at += v.size();
    }
  }
  return out;
}

}  // namespace caremap::app
