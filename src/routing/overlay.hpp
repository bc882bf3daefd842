#pragma once
// Road closures and slowdowns applied at query time, without rebuilding the graph: an Overlay
// holds one time factor per arc (1 = unchanged, 2 = half speed, +inf = closed) and one length
// factor per arc (1 or +inf: closures only; distances do not change with speed). Queries take
// an optional `const Overlay*`; with none every arc is open at its normal cost.
//
// Built from working-CRS geometries through the SegmentIndex:
//  - barrier areas (Polygon / MultiPolygon, e.g. a flood zone): every segment with any part
//    inside or on the boundary is closed in both directions;
//  - barrier lines (LineString / MultiLineString, e.g. a cut across a bridge): every segment
//    the line crosses or touches is closed;
//  - barrier points (XY / MultiPoint, e.g. a collapsed culvert): the segment nearest to the
//    point within `point_barrier_distance` is closed;
//  - closed OSM way ids and closed arc ids;
//  - slowdown areas with a factor: a segment partly inside gets 1 + (factor - 1) x (share of
//    its length inside), so a long road crossing the corner of the area is slowed only in
//    proportion. Several slowdowns on one segment multiply.
// Closures win over slowdowns. Cost: O(candidates x shape points) per geometry.

#include <cstdint>
#include <span>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "routing/road_graph.hpp"
#include "routing/segment_index.hpp"

namespace caremap::routing {

struct Slowdown {
  core::MultiPolygon area;
  double factor = 2.0;  ///< time multiplier inside the area; finite and > 0
};

struct Closures {
  std::vector<core::Geometry> barriers;   ///< areas, lines or points, as described above
  std::vector<std::int64_t> closed_ways;  ///< OSM way ids (both directions)
  std::vector<ArcId> closed_arcs;         ///< single directions
  std::vector<Slowdown> slowdowns;
  core::Meters point_barrier_distance{25.0};
};

class Overlay {
 public:
  Overlay() = default;
  /// Every arc open at factor 1.
  explicit Overlay(const RoadGraph& graph);

  std::span<const double> time_factor() const { return m_time_factor; }
  std::span<const double> length_factor() const { return m_length_factor; }
  bool closed(ArcId a) const { return m_length_factor[a] != 1.0; }
  std::size_t arc_count() const { return m_time_factor.size(); }
  /// Number of closed arcs.
  std::size_t closed_count() const;

  void close_arc(ArcId a);
  /// Closes both arcs of a segment.
  void close_segment(const RoadGraph& graph, SegmentId s);
  /// Multiplies the time factor of both arcs of a segment (ignored for closed arcs).
  void scale_segment(const RoadGraph& graph, SegmentId s, double factor);

 private:
  std::vector<double> m_time_factor;
  std::vector<double> m_length_factor;
};

/// Builds the overlay of `closures` on the index's graph. Throws core::ArgumentError for a
/// slowdown factor that is not finite and positive or an arc id out of range. A closed way id
/// that is not in the graph, a point barrier with no road near it and a barrier without
/// geometry are warnings ("closure_way_not_found", "closure_point_not_on_road",
/// "closure_without_geometry").
Overlay build_overlay(const SegmentIndex& index, const Closures& closures,
                      core::Diagnostics& diagnostics);

}  // namespace caremap::routing
