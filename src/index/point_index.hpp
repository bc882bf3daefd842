#pragma once
// A static spatial index over points: a bulk-loaded (packed) Boost.Geometry R-tree of (XY, id).
// Used for nearest-facility queries, where every value is a point and exact point distances
// make the search cheaper than over boxes.
//
// Built once, O(n log n); queries are const and safe from many threads at once.

#include <boost/function_output_iterator.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::index {

struct NearestHit {
  core::FeatureId id;
  core::Meters distance;
};

class PointIndex {
 public:
  using Value = std::pair<core::XY, core::FeatureId>;

  PointIndex() = default;
  /// Bulk-loads the given points.
  explicit PointIndex(std::vector<Value> points);

  /// Indexes the representative point of each feature of `layer` accepted by `keep`
  /// (all features with a geometry if `keep` is empty).
  static PointIndex of_layer(const core::Layer& layer,
                             const std::function<bool(const core::Feature&)>& keep = {});

  std::size_t size() const { return m_tree.size(); }
  bool empty() const { return m_tree.empty(); }

  /// The k nearest points to `p`, nearest first; fewer if the index holds fewer.
  /// Ties are broken by FeatureId so results are reproducible. O(log n + k) expected.
  std::vector<NearestHit> nearest(core::XY p, std::size_t k) const;

  /// Same as nearest(p, k) but writes into `out` (cleared first) to avoid allocation in loops.
  void nearest(core::XY p, std::size_t k, std::vector<NearestHit>& out) const;

  /// The single nearest point, nullopt if the index is empty.
  std::optional<NearestHit> nearest_one(core::XY p) const;

  /// Every point within `radius` of `p` (inclusive), in no particular order.
  std::vector<NearestHit> within(core::XY p, core::Meters radius) const;

  /// Every point inside the box (inclusive).
  std::vector<core::FeatureId> in_box(const core::Box& box) const;

  /// Calls `visit(const Value&)` for every point inside the box (inclusive), without allocating.
  template <class Visit>
  void for_each_in_box(const core::Box& box, Visit&& visit) const {
    m_tree.query(boost::geometry::index::covered_by(box),
                 boost::make_function_output_iterator([&visit](const Value& v) { visit(v); }));
  }

  /// Calls `visit(const Value&)` for the k nearest points to `p` (in no particular order).
  template <class Visit>
  void for_each_nearest(core::XY p, std::size_t k, Visit&& visit) const {
    m_tree.query(boost::geometry::index::nearest(p, static_cast<unsigned>(k)),
                 boost::make_function_output_iterator([&visit](const Value& v) { visit(v); }));
  }

 private:
  // Packed R-tree with nodes of 16: the bulk-load constructor uses the STR-like packing algorithm,
  // which gives near-optimal trees for static data.
  boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_tree;
};

}  // namespace caremap::index
