#pragma once
// A static spatial index over any geometry: a bulk-loaded Boost.Geometry R-tree of
// (bounding box, FeatureId). Queries return candidates by box and then test the exact geometry,
// so results are exact. Used for hit-testing in the viewer, point-in-polygon lookups (which city
// is this place in) and window queries.
//
// Built once, O(n log n); queries are const and thread-safe. The index refers to the layer it was
// built from by FeatureId only; the caller keeps the layer alive and unchanged.

#include <boost/geometry/index/rtree.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "core/geometry.hpp"
#include "core/layer.hpp"
#include "index/point_index.hpp"

namespace caremap::index {

class LayerIndex {
 public:
  using Value = std::pair<core::Box, core::FeatureId>;

  LayerIndex() = default;
  explicit LayerIndex(const core::Layer& layer);

  std::size_t size() const { return m_tree.size(); }

  /// Features whose bounding box intersects `box` (candidates, not exact).
  std::vector<core::FeatureId> candidates(const core::Box& box) const;

  /// Features whose geometry contains or touches the point (polygons), in FeatureId order.
  std::vector<core::FeatureId> containing(const core::Layer& layer, core::XY p) const;

  /// The feature nearest to `p` by exact geometry distance, within `max_distance`.
  /// For points this is the point distance, for lines the distance to the line, 0 inside polygons.
  std::optional<NearestHit> nearest(const core::Layer& layer, core::XY p,
                                    core::Meters max_distance) const;

 private:
  boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_tree;
};

/// Exact distance from `p` to a geometry (0 inside a polygon); nullopt for no geometry.
std::optional<core::Meters> distance_to(const core::Geometry& g, core::XY p);

}  // namespace caremap::index
