#pragma once
// JIS X 0410 mesh cells as polygons: the shape of a census cell from its code, anywhere in
// Japan, at every level (1 km, 500 m and 250 m cells are what census statistics use).
//
// A cell is a box in JGD2011 longitude/latitude (core/jis_mesh.hpp). In a projected working CRS
// its edges are slightly curved (a parallel in a transverse Mercator projection); for cells of
// 1 km or less the chord between the projected corners is within a millimetre of the curve, so
// the polygon is the quadrilateral through the four projected corners. Larger cells (second and
// first level) get intermediate points along each edge so the polygon stays within a few
// centimetres of the true cell.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "core/jis_mesh.hpp"
#include "core/projector.hpp"

namespace caremap::core {

/// The four corners of a cell in longitude/latitude, clockwise from the south-west:
/// south-west, north-west, north-east, south-east.
std::array<LonLat, 4> mesh_cell_corners(const MeshCell& cell);

/// The cell as a valid polygon in the working CRS (clockwise outer ring, closed), its corners
/// projected with `projector`. O(1) projector calls per cell (4 for cells of 1 km or less).
Polygon mesh_cell_polygon(const MeshCell& cell, Projector& projector);

/// mesh_cell_polygon for many cells, their points projected in one Projector::forward_in_place
/// call: the same polygons, in the order of `cells`. What a census file of thousands of cells
/// uses.
std::vector<Polygon> mesh_cell_polygons(std::span<const MeshCell> cells, Projector& projector);

/// The polygon of the cell with this code (4 to 10 digits); nullopt for a malformed code.
std::optional<Polygon> mesh_code_polygon(std::uint64_t code, Projector& projector);

}  // namespace caremap::core
