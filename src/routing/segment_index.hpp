#pragma once
// A static R-tree over every straight piece of every segment shape, for snapping points onto
// the road network and for finding the roads a closure polygon or line touches.
//
// Built once from a RoadGraph, O(P log P) for P shape pieces; queries are const and thread-safe.
// The index refers to the graph it was built from; the caller keeps the graph alive.

#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

/// A point placed on the network.
struct Snap {
  core::XY input;         ///< the point as given
  core::XY point;         ///< the nearest point on the segment
  core::Meters distance;  ///< from input to point
  SegmentId segment = kNone;
  double offset_m = 0.0;  ///< along the segment's shape from its first point
  double fraction = 0.0;  ///< offset_m / segment length (0 for a zero-length segment)
};

/// The default snap distance: farther points are reported, not snapped.
inline constexpr core::Meters kDefaultSnapDistance{500.0};

class SegmentIndex {
 public:
  /// (piece, global index of the piece's first point in graph.arrays().points, segment)
  using Value = std::tuple<core::Segment, std::uint32_t, SegmentId>;

  SegmentIndex() = default;
  explicit SegmentIndex(const RoadGraph& graph);

  const RoadGraph& graph() const { return *m_graph; }

  /// The nearest point of the network to `p` within `max_distance` (inclusive); nullopt if none.
  /// Ties go to the smaller segment id. Window queries growing from 64 m: O(log P + pieces in
  /// the final window) expected.
  std::optional<Snap> snap(core::XY p, core::Meters max_distance = kDefaultSnapDistance) const;

  /// Pieces whose bounding box intersects `box` (candidates, to be tested exactly).
  void pieces_in_box(const core::Box& box, std::vector<Value>& out) const;

 private:
  const RoadGraph* m_graph = nullptr;
  boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_tree;
};

/// Snaps every point; a point farther than `max_distance` from every road gets nullopt and a
/// "snap_too_far" warning naming `what` (e.g. "demand") and its 1-based position as the row.
std::vector<std::optional<Snap>> snap_points(const SegmentIndex& index,
                                             std::span<const core::XY> points,
                                             core::Meters max_distance, const std::string& what,
                                             core::Diagnostics& diagnostics);

}  // namespace caremap::routing
