#pragma once
// Coverage counted on the JIS X 0410 grid squares (地域メッシュ), the cells census and population
// projections are published on, so a planner can join "facilities in reach" with "people".
//
// Cells are defined in JGD2011 longitude/latitude (core/jis_mesh.hpp); each cell becomes the
// quadrilateral through its four projected corners (for 500 m and 250 m cells the projected edges
// are straight to well under a millimetre). A cell's count is the number of facilities whose disc
// contains the cell's centre, where the centre is the midpoint in longitude/latitude projected
// to the working CRS; it is not the share of the cell within reach.

#include <cstddef>
#include <span>
#include <string>

#include "analysis/circle_polygons.hpp"
#include "core/diagnostics.hpp"
#include "core/jis_mesh.hpp"
#include "core/layer.hpp"
#include "core/projector.hpp"

namespace caremap::analysis {

/// An area the mesh is cut for (a city), working CRS.
struct NamedArea {
  std::string name;
  const core::MultiPolygon* geometry = nullptr;
};

struct MeshCounts {
  std::size_t cells = 0;   ///< cells returned
  std::size_t none = 0;    ///< level 0: no facility in reach of the centre
  std::size_t single = 0;  ///< level 1: exactly one
  std::size_t backup = 0;  ///< level 2: two or more
};

/// Every cell of `level` that shares area with at least one area, ordered by mesh code, as a
/// layer of category mesh with fields mesh_code (text, 4-10 digits), city (the area holding the
/// cell centre, else the first area, in the given order, the cell overlaps),
/// facilities_in_reach (integer), level (integer 0 none / 1 single / 2 two or more) and
/// level_label ("none", "single", "backup"). A cell that only touches a boundary along an edge
/// or at a corner, or overlaps it by less than a millimetre, is left out. Candidate cells come
/// from each area part's longitude/latitude box, so open sea between islands costs nothing.
/// O(cells x (log n + boundary segments near the cell)) for n boundary vertices (AreaLocator).
core::Layer coverage_mesh(std::span<const NamedArea> areas, std::span<const Disc> facilities,
                          core::Projector& projector, core::MeshLevel level, MeshCounts& counts,
                          core::Diagnostics& diagnostics);

}  // namespace caremap::analysis
