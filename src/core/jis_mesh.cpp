#include "core/jis_mesh.hpp"

#include <cmath>
#include <string>

namespace caremap::core {

namespace {

// Work in integer units of 1/8 arc-second (lat) and 1/16 arc-second (lon) so that every cell edge
// of every level is an exact integer and floor() never lands on the wrong side through rounding.
constexpr double kLatUnitsPerDeg = 3600.0 * 8.0;
constexpr double kLonUnitsPerDeg = 3600.0 * 16.0;

// Cell size per level in those units: lat 40' 5' 30" 15" 7.5", lon 1° 7.5' 45" 22.5" 11.25".
constexpr std::int64_t kLatStep[] = {2400 * 8, 300 * 8, 30 * 8, 15 * 8, 60};
constexpr std::int64_t kLonStep[] = {3600 * 16, 450 * 16, 45 * 16, 360, 180};

int level_index(MeshLevel l) {
  return static_cast<int>(l);
}

// Floor of v in integer units, with a tolerance of 1e-6 units (≈ 1e-8 degrees, millimetres)
// so a coordinate printed with limited decimals still lands in the cell whose edge it names.
std::int64_t to_units(double deg, double per_deg) {
  return static_cast<std::int64_t>(std::floor(deg * per_deg + 1e-6));
}

std::uint64_t code_from_units(std::int64_t lat_u, std::int64_t lon_u, MeshLevel level) {
  // lon is counted from 100°E.
  const std::int64_t lon_rel = lon_u - static_cast<std::int64_t>(100 * kLonUnitsPerDeg);
  const std::int64_t p = lat_u / kLatStep[0];
  const std::int64_t u = lon_rel / kLonStep[0];
  std::uint64_t code = static_cast<std::uint64_t>(p * 100 + u);
  if (level == MeshLevel::first) {
    return code;
  }
  const std::int64_t q = (lat_u % kLatStep[0]) / kLatStep[1];
  const std::int64_t v = (lon_rel % kLonStep[0]) / kLonStep[1];
  code = code * 100 + static_cast<std::uint64_t>(q * 10 + v);
  if (level == MeshLevel::second) {
    return code;
  }
  const std::int64_t r = (lat_u % kLatStep[1]) / kLatStep[2];
  const std::int64_t w = (lon_rel % kLonStep[1]) / kLonStep[2];
  code = code * 100 + static_cast<std::uint64_t>(r * 10 + w);
  if (level == MeshLevel::third) {
    return code;
  }
  const std::int64_t hs = (lat_u % kLatStep[2]) / kLatStep[3];
  const std::int64_t hw = (lon_rel % kLonStep[2]) / kLonStep[3];
  code = code * 10 + static_cast<std::uint64_t>(hs * 2 + hw + 1);
  if (level == MeshLevel::half) {
    return code;
  }
  const std::int64_t qs = (lat_u % kLatStep[3]) / kLatStep[4];
  const std::int64_t qw = (lon_rel % kLonStep[3]) / kLonStep[4];
  return code * 10 + static_cast<std::uint64_t>(qs * 2 + qw + 1);
}

MeshCell cell_from_units(std::int64_t lat_u, std::int64_t lon_u, MeshLevel level) {
  const int li = level_index(level);
  const std::int64_t lat0 = lat_u - (lat_u % kLatStep[li]);
  const std::int64_t lon_rel = lon_u - static_cast<std::int64_t>(100 * kLonUnitsPerDeg);
  const std::int64_t lon0 = lon_u - (lon_rel % kLonStep[li]);
  MeshCell c;
  c.level = level;
  c.code = code_from_units(lat_u, lon_u, level);
  c.south_west = {static_cast<double>(lon0) / kLonUnitsPerDeg,
                  static_cast<double>(lat0) / kLatUnitsPerDeg};
  c.north_east = {static_cast<double>(lon0 + kLonStep[li]) / kLonUnitsPerDeg,
                  static_cast<double>(lat0 + kLatStep[li]) / kLatUnitsPerDeg};
  return c;
}

bool in_domain(LonLat p) {
  return p.lat >= 0.0 && p.lat < 66.66 && p.lon >= 100.0 && p.lon < 200.0;
}

}  // namespace

LonLat mesh_cell_size_deg(MeshLevel level) {
  const int li = level_index(level);
  return {static_cast<double>(kLonStep[li]) / kLonUnitsPerDeg,
          static_cast<double>(kLatStep[li]) / kLatUnitsPerDeg};
}

int mesh_code_digits(MeshLevel level) {
  static constexpr int digits[] = {4, 6, 8, 9, 10};
  return digits[level_index(level)];
}

const char* mesh_level_label(MeshLevel level) {
  static constexpr const char* labels[] = {"80km", "10km", "1km", "500m", "250m"};
  return labels[level_index(level)];
}

std::optional<MeshCell> mesh_cell_at(LonLat p, MeshLevel level) {
  if (!in_domain(p)) {
    return std::nullopt;
  }
  return cell_from_units(to_units(p.lat, kLatUnitsPerDeg), to_units(p.lon, kLonUnitsPerDeg), level);
}

std::optional<MeshCell> mesh_cell_from_code(std::uint64_t code) {
  const std::string s = std::to_string(code);
  MeshLevel level;
  switch (s.size()) {
    case 4:
      level = MeshLevel::first;
      break;
    case 6:
      level = MeshLevel::second;
      break;
    case 8:
      level = MeshLevel::third;
      break;
    case 9:
      level = MeshLevel::half;
      break;
    case 10:
      level = MeshLevel::quarter;
      break;
    default:
      return std::nullopt;
  }
  auto digit = [&s](std::size_t i) { return static_cast<std::int64_t>(s[i] - '0'); };
  std::int64_t lat_u = (digit(0) * 10 + digit(1)) * kLatStep[0];
  std::int64_t lon_u =
      static_cast<std::int64_t>(100 * kLonUnitsPerDeg) + (digit(2) * 10 + digit(3)) * kLonStep[0];
  if (s.size() >= 6) {
    if (digit(4) > 7 || digit(5) > 7) {
      return std::nullopt;
    }
    lat_u += digit(4) * kLatStep[1];
    lon_u += digit(5) * kLonStep[1];
  }
  if (s.size() >= 8) {
    lat_u += digit(6) * kLatStep[2];
    lon_u += digit(7) * kLonStep[2];
  }
  for (std::size_t i = 8; i < s.size(); ++i) {
    const std::int64_t m = digit(i);
    if (m < 1 || m > 4) {
      return std::nullopt;
    }
    const int li = static_cast<int>(i) - 5;  // digit 8 -> half (3), digit 9 -> quarter (4)
    lat_u += ((m - 1) / 2) * kLatStep[li];
    lon_u += ((m - 1) % 2) * kLonStep[li];
  }
  return cell_from_units(lat_u, lon_u, level);
}

std::vector<MeshCell> mesh_cells_covering(LonLat south_west, LonLat north_east, MeshLevel level) {
  std::vector<MeshCell> out;
  const auto first = mesh_cell_at(south_west, level);
  if (!first || north_east.lat < south_west.lat || north_east.lon < south_west.lon) {
    return out;
  }
  const int li = level_index(level);
  const std::int64_t lat_start =
      static_cast<std::int64_t>(std::llround(first->south_west.lat * kLatUnitsPerDeg));
  const std::int64_t lon_start =
      static_cast<std::int64_t>(std::llround(first->south_west.lon * kLonUnitsPerDeg));
  const std::int64_t lat_end = to_units(north_east.lat, kLatUnitsPerDeg);
  const std::int64_t lon_end = to_units(north_east.lon, kLonUnitsPerDeg);
  for (std::int64_t lat = lat_start; lat <= lat_end; lat += kLatStep[li]) {
    for (std::int64_t lon = lon_start; lon <= lon_end; lon += kLonStep[li]) {
      out.push_back(cell_from_units(lat, lon, level));
    }
  }
  return out;
}

}  // namespace caremap::core
