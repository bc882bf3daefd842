#pragma once
// The road graph: flat arrays in compressed sparse row (CSR) form, built once, then shared
// read-only (const, thread-safe) by every query.
//
// Model. A graph node is an OpenStreetMap node where routable ways meet or end; the OSM nodes in
// between are not graph nodes but shape points. A *segment* is the piece of one OSM way between
// two graph nodes, with its full shape (working-CRS polyline, first point = from node, last point
// = to node). A segment carries up to two *arcs* (directed edges): forward (from -> to, the
// way's node order) and backward; a one-way street has one. Arcs are sorted by tail node
// (first_out / head); the reverse adjacency (first_in / in_arc) serves backward searches.
//
// Units: node and shape coordinates in the working CRS (metres); length_m is the planar length
// of the shape in that CRS (scale error below 0.04 % in UTM, 0.01 % in Japan's plane
// rectangular zones); time_s = length_m / speed. Both arcs of a segment share its length but may
// differ in time (maxspeed:forward/backward).
//
// Memory: about 60 bytes per arc, 20 per node, 16 per shape point.

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::routing {

using NodeId = std::uint32_t;
using ArcId = std::uint32_t;
using SegmentId = std::uint32_t;
/// "No node / arc / segment".
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// The stored arrays (what the cache writes); derived arrays are rebuilt by RoadGraph.
struct GraphArrays {
  std::vector<core::XY> node_xy;                   ///< per node, working CRS
  std::vector<std::int64_t> node_osm_id;           ///< per node (fixtures use their own ids)
  std::vector<std::uint32_t> first_out;            ///< node_count + 1 offsets into the arc arrays
  std::vector<NodeId> head;                        ///< per arc
  std::vector<double> time_s;                      ///< per arc, seconds, >= 0
  std::vector<double> length_m;                    ///< per arc, metres, >= 0 (its segment's length)
  std::vector<SegmentId> arc_segment;              ///< per arc
  std::vector<std::uint8_t> arc_forward;           ///< per arc: 1 = along the segment's shape
  std::vector<std::uint32_t> segment_first_point;  ///< segment_count + 1 offsets into points
  std::vector<core::XY> points;                    ///< shapes of all segments, concatenated
  std::vector<std::int64_t> segment_way_id;        ///< per segment, the OSM way id
  std::vector<NodeId> segment_from;                ///< per segment, node at its first point
  std::vector<NodeId> segment_to;                  ///< per segment, node at its last point

  friend bool operator==(const GraphArrays&, const GraphArrays&) = default;
};

/// What joining a line layer's lines into a graph did (routing/line_graph.hpp), for `caremap
/// network build` and the viewer's network status. Kept with the graph and in its cache, so a
/// graph read from the cache reports the same as one built now. All zero for OSM graphs.
struct LineGraphStats {
  std::size_t lines = 0;             ///< line parts read
  std::size_t vertices = 0;          ///< vertices read (consecutive duplicates not counted)
  std::size_t merged_vertices = 0;   ///< vertices joined to another by the tolerance
  std::size_t node_field_joins = 0;  ///< line ends joined by equal from/to node ids
  std::size_t t_junctions = 0;       ///< lines split where another line's end lies on them

  friend bool operator==(const LineGraphStats&, const LineGraphStats&) = default;
};

/// Where a graph came from (for provenance and cache validation) and how it was built.
struct GraphInfo {
  std::string source;   ///< OSM file path or fixture name
  std::string profile;  ///< profile name
  std::uint64_t profile_hash = 0;
  std::string crs;            ///< working CRS definition, e.g. "EPSG:6670"
  LineGraphStats line_stats;  ///< line-layer graphs only

  friend bool operator==(const GraphInfo&, const GraphInfo&) = default;
};

class RoadGraph {
 public:
  RoadGraph() = default;
  /// Takes the arrays and checks every invariant (sizes, offsets monotone, ids in range, arcs
  /// consistent with their segment's end nodes, finite non-negative costs); throws
  /// core::InputError (naming info.source) if one fails. O(nodes + arcs + points).
  RoadGraph(GraphArrays arrays, GraphInfo info);

  const GraphArrays& arrays() const { return m_a; }
  const GraphInfo& info() const { return m_info; }

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(m_a.node_xy.size()); }
  std::uint32_t arc_count() const { return static_cast<std::uint32_t>(m_a.head.size()); }
  std::uint32_t segment_count() const {
    return static_cast<std::uint32_t>(m_a.segment_way_id.size());
  }

  // Forward adjacency: the arcs leaving v are [first_out[v], first_out[v + 1]).
  std::span<const std::uint32_t> first_out() const { return m_a.first_out; }
  std::span<const NodeId> head() const { return m_a.head; }
  std::span<const NodeId> tail() const { return m_tail; }
  std::span<const double> time_s() const { return m_a.time_s; }
  std::span<const double> length_m() const { return m_a.length_m; }
  // Reverse adjacency: the arcs entering v are in_arc[first_in[v] .. first_in[v + 1]).
  std::span<const std::uint32_t> first_in() const { return m_first_in; }
  std::span<const ArcId> in_arc() const { return m_in_arc; }

  core::XY node_xy(NodeId v) const { return m_a.node_xy[v]; }
  std::int64_t node_osm_id(NodeId v) const { return m_a.node_osm_id[v]; }

  SegmentId arc_segment(ArcId a) const { return m_a.arc_segment[a]; }
  bool arc_forward(ArcId a) const { return m_a.arc_forward[a] != 0; }
  /// The OSM way the arc belongs to.
  std::int64_t way_id(ArcId a) const { return m_a.segment_way_id[m_a.arc_segment[a]]; }

  std::span<const core::XY> segment_points(SegmentId s) const {
    return std::span<const core::XY>(m_a.points)
        .subspan(m_a.segment_first_point[s],
                 m_a.segment_first_point[s + 1] - m_a.segment_first_point[s]);
  }
  /// Global index of the segment's first shape point in arrays().points.
  std::uint32_t segment_first_point(SegmentId s) const { return m_a.segment_first_point[s]; }
  double segment_length_m(SegmentId s) const { return m_segment_length_m[s]; }
  std::int64_t segment_way_id(SegmentId s) const { return m_a.segment_way_id[s]; }
  NodeId segment_from(SegmentId s) const { return m_a.segment_from[s]; }
  NodeId segment_to(SegmentId s) const { return m_a.segment_to[s]; }
  /// The arc from -> to of a segment, kNone if that direction is closed.
  ArcId segment_forward_arc(SegmentId s) const { return m_segment_forward_arc[s]; }
  /// The arc to -> from of a segment, kNone if that direction is closed.
  ArcId segment_backward_arc(SegmentId s) const { return m_segment_backward_arc[s]; }

 private:
  GraphArrays m_a;
  GraphInfo m_info;
  std::vector<NodeId> m_tail;
  std::vector<std::uint32_t> m_first_in;
  std::vector<ArcId> m_in_arc;
  std::vector<double> m_segment_length_m;
  std::vector<ArcId> m_segment_forward_arc;
  std::vector<ArcId> m_segment_backward_arc;
};

/// Appends to `out` the part of segment `s` between the offsets `from_m` and `to_m` (metres from
/// its first point, clamped to [0, length]); reversed when from_m > to_m. Consecutive duplicate
/// points are not appended twice. O(shape points of s).
void append_segment_part(const RoadGraph& g, SegmentId s, double from_m, double to_m,
                         core::LineString& out);

/// The point at `offset_m` metres along segment `s` (clamped to its ends).
core::XY point_along_segment(const RoadGraph& g, SegmentId s, double offset_m);

/// The whole shape of an arc in travel direction.
core::LineString arc_geometry(const RoadGraph& g, ArcId a);

}  // namespace caremap::routing
