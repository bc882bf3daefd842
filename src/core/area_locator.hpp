#pragma once
// Point-in-area and box-touches-boundary queries against a few large multipolygons (cities with
// hundreds of islets and tens of thousands of vertices), answered through an R-tree of their
// boundary segments instead of walking every vertex: O(log n + k) per query where k is the
// number of segments near the query, against O(n) for boost::geometry::covered_by on the polygon.
// In core because both the analyses (cities, coverage pieces) and routing (the land parts a leg
// may cross) ask it.

#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::core {

class AreaLocator {
 public:
  AreaLocator() = default;
  /// Indexes every ring segment of every area. The areas must be valid (non-overlapping parts)
  /// need not outlive the locator (segments are copied). O(n log n) in the number of vertices.
  explicit AreaLocator(std::span<const core::MultiPolygon* const> areas);
  /// One area per polygon (the parts of a boundary layer, each its own area).
  explicit AreaLocator(std::span<const core::Polygon> areas);

  /// The first area (in the given order) whose interior holds `p`, by even-odd crossing count of
  /// a ray towards +x. A point exactly on a boundary may go either way.
  std::optional<std::size_t> area_containing(core::XY p) const;

  /// Appends to `out` (sorted, unique) every area whose boundary intersects the polygon `q`
  /// (touching or inside it). An area not reported either contains q entirely or misses it.
  void areas_with_boundary_in(const core::Polygon& q, std::vector<std::size_t>& out) const;

 private:
  using Value = std::pair<core::Segment, std::uint32_t>;  // segment, area
  void add_polygon(const core::Polygon& polygon, std::uint32_t area, std::vector<Value>& out);
  boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_segments;
  std::size_t m_areas = 0;
  double m_max_x = 0.0;
};

}  // namespace caremap::core
