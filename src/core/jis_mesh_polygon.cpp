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

namespace {

// The cell's boundary points in longitude/latitude (as XY: x = lon), clockwise from the
// south-west corner, without the closing point.
void append_edge_points(const MeshCell& cell, std::vector<XY>& out) {
  const std::array<LonLat, 4> corners = mesh_cell_corners(cell);
  const int n = points_per_edge(cell.level);
  for (std::size_t i = 0; i < corners.size(); ++i) {
    const LonLat a = corners[i];
    const LonLat b = corners[(i + 1) % corners.size()];
    for (int k = 0; k < n; ++k) {
      const double t = static_cast<double>(k) / n;
      out.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
    }
  }
}

Polygon closed_polygon(std::span<const XY> projected) {
  Polygon p;
  p.outer().reserve(projected.size() + 1);
  p.outer().assign(projected.begin(), projected.end());
  p.outer().push_back(p.outer().front());
  // The corners are clockwise in longitude/latitude; a projection used for Japan keeps the
  // orientation, but correct() makes the ring valid whatever the projector does.
  boost::geometry::correct(p);
  return p;
}

}  // namespace

std::vector<Polygon> mesh_cell_polygons(std::span<const MeshCell> cells, Projector& projector) {
  std::vector<XY> points;
  std::vector<std::size_t> starts;
  starts.reserve(cells.size() + 1);
  for (const MeshCell& cell : cells) {
    starts.push_back(points.size());
    append_edge_points(cell, points);
  }
  starts.push_back(points.size());
  projector.forward_in_place(points);
  std::vector<Polygon> polygons;
  polygons.reserve(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    polygons.push_back(
        closed_polygon(std::span<const XY>(points).subspan(starts[i], starts[i + 1] - starts[i])));
  }
  return polygons;
}

Polygon mesh_cell_polygon(const MeshCell& cell, Projector& projector) {
  return mesh_cell_polygons(std::span<const MeshCell>(&cell, 1), projector).front();
}

std::optional<Polygon> mesh_code_polygon(std::uint64_t code, Projector& projector) {
  const auto cell = mesh_cell_from_code(code);
  if (!cell) {
    return std::nullopt;
  }
  return mesh_cell_polygon(*cell, projector);
}

}  // namespace caremap::core
