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
//  For these three the overlay also keeps where along the segment the barrier lies (its closed
//  span): no route passes through a closed segment, but a place on its dry part (a patient's
//  house on a road flooded 100 m further on) still leaves, and is reached, from the open end.
//  - closed OSM way ids and closed arc ids;
//  - slowdown areas with a factor: a segment partly inside gets 1 + (factor - 1) x (share of
//    its length inside), so a long road crossing the corner of the area is slowed only in
//    proportion. Several slowdowns on one segment multiply.
// Closures win over slowdowns (a closed arc costs +inf); the open part of a closed segment keeps
// its slowdown (open_time_factor). Cost: O(candidates x shape points) per geometry.

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
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

/// The part of a segment a barrier closes, in metres along its shape from its first point.
struct ClosedSpan {
  double from_m = 0.0;
  double to_m = 0.0;
};

class Overlay {
 public:
  Overlay() = default;
  /// Every arc open at factor 1.
  explicit Overlay(const RoadGraph& graph);

  std::span<const double> time_factor() const { return m_time_factor; }
  /// The slowdown factor of arc `a` whether or not it is closed: the speed on the open part of
  /// a segment a barrier closes further on.
  double open_time_factor(ArcId a) const { return m_slow_factor[a]; }
  std::span<const double> length_factor() const { return m_length_factor; }
  bool closed(ArcId a) const { return m_length_factor[a] != 1.0; }
  std::size_t arc_count() const { return m_time_factor.size(); }
  /// Number of closed arcs.
  std::size_t closed_count() const;

  /// Where along segment `s` its closure lies; the whole segment when a way or arc id closed it,
  /// nullopt when it is open.
  std::optional<ClosedSpan> closed_span(const RoadGraph& graph, SegmentId s) const;
  /// Whether moving over arc `a` between offsets `from_m` and `to_m` of its segment (either
  /// order; a part of the arc, as a trip to or from a place on the segment does) meets its
  /// closure. False for an open arc.
  bool blocks(const RoadGraph& graph, ArcId a, double from_m, double to_m) const;

  /// Closes one direction, whole.
  void close_arc(ArcId a);
  /// Closes both arcs of a segment, whole.
  void close_segment(const RoadGraph& graph, SegmentId s);
  /// Closes both arcs of a segment for travel through it, the closure lying between the offsets
  /// (a point for a cut line); spans of several barriers on one segment merge into their hull.
  void close_segment_span(const RoadGraph& graph, SegmentId s, ClosedSpan span);
  /// Multiplies the time factor of both arcs of a segment (closed arcs keep +inf, and the
  /// factor for their open part).
  void scale_segment(const RoadGraph& graph, SegmentId s, double factor);

  /// Keeps a barrier area or line for legs off the network (access and direct legs).
  void add_leg_barrier(core::Geometry barrier);
  /// Whether the straight leg from -> to crosses or touches a closed area or line (a flooded
  /// zone, a cut bridge): such a leg is not used. O(barriers x their vertices).
  bool blocks_leg(core::XY from, core::XY to) const;

 private:
  std::vector<double> m_time_factor;
  std::vector<double> m_length_factor;
  std::vector<double> m_slow_factor;  // slowdowns alone, kept under closures
  std::vector<std::uint8_t> m_whole;  // per arc: closed end to end (way or arc id)
  std::unordered_map<SegmentId, ClosedSpan> m_spans;
  std::vector<core::Geometry> m_leg_barriers;
};

/// Builds the overlay of `closures` on the index's graph. Throws core::ArgumentError for a
/// slowdown factor that is not finite and positive or an arc id out of range. A closed way id
/// that is not in the graph, a point barrier with no road near it and a barrier without
/// geometry are warnings ("closure_way_not_found", "closure_point_not_on_road",
/// "closure_without_geometry").
Overlay build_overlay(const SegmentIndex& index, const Closures& closures,
                      core::Diagnostics& diagnostics);

}  // namespace caremap::routing
