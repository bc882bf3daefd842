#pragma once
// Many small polygons (census cells, their pieces inside each city) against one large
// multipolygon (a city with hundreds of islets, the union of 97 coverage circles, a service
// area): which part of each small polygon lies inside the large one.
//
// One Boost.Geometry overlay per small polygon would cost O(large vertices) each time (the
// overlay sections both inputs): 600 cut cells against a 30,000-vertex coastline is seconds.
// Instead:
//  - small polygons that no boundary segment of the large one crosses are wholly inside or
//    wholly outside, which one point tells (AreaLocator: an R-tree of the large one's segments);
//  - the others are split into groups whose members do not touch each other (a greedy colouring
//    of their bounding boxes; a grid of cells needs 4 to 9 groups), each group is one valid
//    MultiPolygon, and each group meets the large polygon in a single overlay; every output
//    polygon is handed back to the small polygon it lies in.
// Cost: O((n + m) log(n + m)) per group for n small and m large vertices; the groups run on
// all cores (parallel_chunks).
//
// Areas are planar (working CRS, m²).

#include <cstdint>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::analysis {

class PieceOverlay {
 public:
  /// The small polygons (not owned: they must outlive the overlay). Each must be valid; they may
  /// touch or overlap one another. O(n log n).
  explicit PieceOverlay(std::vector<const core::MultiPolygon*> pieces);

  std::size_t size() const { return m_pieces.size(); }
  /// Planar area of piece i (m²).
  double area(std::size_t i) const { return m_areas[i]; }

  /// piece_i ∩ area for every piece, in order (empty where they do not meet).
  std::vector<core::MultiPolygon> clip(const core::MultiPolygon& area) const;

  /// area(piece_i ∩ area) for every piece, in order (m²).
  std::vector<double> areas_inside(const core::MultiPolygon& area) const;

 private:
  enum class Place : std::uint8_t { outside, inside, cut };
  std::vector<Place> classify(const core::MultiPolygon& area) const;
  /// piece ∩ area for the pieces classified cut; empty elsewhere.
  std::vector<core::MultiPolygon> cut_parts(const core::MultiPolygon& area,
                                            const std::vector<Place>& place) const;

  std::vector<const core::MultiPolygon*> m_pieces;
  std::vector<double> m_areas;
  std::vector<core::Box> m_boxes;
  std::vector<std::uint32_t> m_group;  ///< pieces of one group do not touch
  std::uint32_t m_groups = 0;
};

}  // namespace caremap::analysis
