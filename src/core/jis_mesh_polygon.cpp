#include "core/jis_mesh_polygon.hpp"

#include <boost/geometry.hpp>

namespace caremap::core {

namespace {

// Points per edge: a 1 km cell's projected edge bows by well under a millimetre, a 10 km
// (second-level) cell's by a few centimetres, an 80 km (first-level) cell's by metres.
int points_per_edge(MeshLevel level) {
  switch (level) {
    case MeshLevel::first:
      return 16;
    case MeshLevel::second:
      return 4;
    default:
      return 1;
  }
}

}  // namespace

std::array<LonLat, 4> mesh_cell_corners(const MeshCell& cell) {
  return {cell.south_west, LonLat{cell.south_west.lon, cell.north_east.lat}, cell.north_east,
          LonLat{cell.north_east.lon, cell.south_west.lat}};
}

Polygon mesh_cell_polygon(const MeshCell& cell, Projector& projector) {
  const std::array<LonLat, 4> corners = mesh_cell_corners(cell);
  const int n = points_per_edge(cell.level);
  Polygon p;
  p.outer().reserve(4 * static_cast<std::size_t>(n) + 1);
  for (std::size_t i = 0; i < corners.size(); ++i) {
    const LonLat a = corners[i];
    const LonLat b = corners[(i + 1) % corners.size()];
    for (int k = 0; k < n; ++k) {
      const double t = static_cast<double>(k) / n;
      p.outer().push_back(
          projector.forward({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)}));
    }
  }
  p.outer().push_back(p.outer().front());
  // The corners are clockwise in longitude/latitude; a projection used for Japan keeps the
  // orientation, but correct() makes the ring valid whatever the projector does.
  boost::geometry::correct(p);
  return p;
}

std::optional<Polygon> mesh_code_polygon(std::uint64_t code, Projector& projector) {
  const auto cell = mesh_cell_from_code(code);
  if (!cell) {
    return std::nullopt;
  }
  return mesh_cell_polygon(*cell, projector);
}

}  // namespace caremap::core
