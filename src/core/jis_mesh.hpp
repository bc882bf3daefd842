#pragma once
// The standard Japanese grid squares, JIS X 0410 地域メッシュ. Census and projection statistics
// (人口, 世帯) are published on these cells, so results counted on the same cells join with them.
//
// Cells are defined in geographic coordinates (JGD2011 latitude/longitude), not metres:
//   level     code digits  cell size (lat x lon)   about
//   first     4            40'    x 1°              80 km
//   second    6            5'     x 7'30"           10 km
//   third     8            30"    x 45"             1 km
//   half      9            15"    x 22.5"           500 m
//   quarter   10           7.5"   x 11.25"          250 m
// Half and quarter cells number their sub-squares 1 = south-west, 2 = south-east, 3 = north-west,
// 4 = north-east.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::core {

enum class MeshLevel { first, second, third, half, quarter };

struct MeshCell {
  std::uint64_t code = 0;
  MeshLevel level = MeshLevel::third;
  LonLat south_west;
  LonLat north_east;

  LonLat center() const {
    return {(south_west.lon + north_east.lon) / 2, (south_west.lat + north_east.lat) / 2};
  }
};

/// Size of a cell of `level` in degrees: {longitude step, latitude step}.
LonLat mesh_cell_size_deg(MeshLevel level);

/// Number of digits of a code at `level` (4, 6, 8, 9, 10).
int mesh_code_digits(MeshLevel level);

/// Nominal size for display: "500m", "250m", "1km", ...
const char* mesh_level_label(MeshLevel level);

/// The cell holding `p`. Points on a cell's south or west edge belong to that cell.
/// Valid for Japan's extent (latitude 20..66.7°, longitude 100..199°); nullopt outside.
std::optional<MeshCell> mesh_cell_at(LonLat p, MeshLevel level);

/// The cell with this code; the level is read from the number of digits. nullopt for a code
/// that is not well formed (wrong length, a sub-square digit outside 1..4, a 2nd-level digit > 7).
std::optional<MeshCell> mesh_cell_from_code(std::uint64_t code);

/// Every cell of `level` that intersects the box [south_west, north_east], row by row from the
/// south-west. Complexity: proportional to the number of cells returned.
std::vector<MeshCell> mesh_cells_covering(LonLat south_west, LonLat north_east, MeshLevel level);

}  // namespace caremap::core
