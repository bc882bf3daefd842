#pragma once
// A uniform grid over a layer's point symbols, for culling on the CPU: which instances can touch
// the visible box. Drawing only those keeps a national layer of 20,000 facilities from costing
// vertex work (and a software rasteriser's binning) when the view shows one city.
//
// Coordinates are the mesh's origin-relative float metres. Building is O(n); a query is
// O(cells touched + hits + hits log hits) and returns instance indices in ascending order, so the
// culled draw keeps the layer's drawing order (which symbol lies on top of which).

#include <cstdint>
#include <span>
#include <vector>

#include "render/layer_mesh.hpp"

namespace caremap::render {

/// An axis-aligned box in origin-relative metres.
struct LocalBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class PointGrid {
 public:
  PointGrid() = default;
  /// Takes the points; about `points_per_cell` of them per cell on average (at least one cell).
  explicit PointGrid(std::vector<PointInstance> points, std::size_t points_per_cell = 32);

  const std::vector<PointInstance>& points() const { return m_points; }

  /// The bounds of all points (empty box at 0 when there are none).
  const LocalBox& bounds() const { return m_bounds; }
  std::size_t size() const { return m_count; }

  /// Indices of the points inside `box` (borders included), ascending. Cells are tested as a
  /// whole and points in partly covered cells one by one.
  std::vector<std::uint32_t> query(const LocalBox& box) const;

 private:
  std::vector<PointInstance> m_points;
  LocalBox m_bounds;
  std::size_t m_count = 0;
  int m_cols = 1;
  int m_rows = 1;
  float m_cell_w = 1;
  float m_cell_h = 1;
  std::vector<std::uint32_t> m_cell_start;  ///< m_cols * m_rows + 1 offsets into m_items
  std::vector<std::uint32_t> m_items;       ///< point indices grouped by cell, ascending in each
};

/// Overview thinning: a point is hidden when a later point (drawn on top) of the same symbol
/// class lies in the same `cell_m`-sized square (one output pixel), since that symbol covers it
/// up to a sliver under a pixel. Cells are anchored at the origin, so the result does not change
/// while the view pans. Returns one flag per point, 1 = draw. O(n) expected.
std::vector<std::uint8_t> thin_overlapping(std::span<const PointInstance> points, float cell_m);

}  // namespace caremap::render
