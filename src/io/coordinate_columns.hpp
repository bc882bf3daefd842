#pragma once
// Finding the coordinate columns of a CSV table by their names.

#include <optional>
#include <span>
#include <string>

namespace caremap::io {

struct CoordinateColumns {
  std::string x;  ///< longitude / easting column
  std::string y;  ///< latitude / northing column
};

/// The x/y column pair among `names`, by exact name (ASCII case-insensitive, spaces trimmed), in
/// this order: lon/lat, lng/lat, long/lat, longitude/latitude, x/y, 経度/緯度,
/// 所在地座標（経度）/所在地座標（緯度）; failing those, the only column containing "経度" with the
/// only one containing "緯度", or the only one containing "longitude" with the only one containing
/// "latitude". nullopt if none is found. O(names).
std::optional<CoordinateColumns> detect_coordinate_columns(std::span<const std::string> names);

}  // namespace caremap::io
