#pragma once
// Places where routes start and end: a graph node, or a snapped point part-way along a segment
// (a virtual node). A Link joins an endpoint to a graph node over part of one arc, with the
// partial cost (fraction of the arc's time and length), so a point in the middle of a long road
// gets the right time.
//
//  - departures(e): the ways to leave e: links "e -> node" (cost from e to the node);
//  - arrivals(e):   the ways to reach e: links "node -> e" (cost from the node to e).
// A forward search seeds with the departures of its origins and reads targets through their
// arrivals; a backward search the other way round. A point on a one-way street departs and
// arrives only along the allowed direction. A point at a segment end (within 1 mm) is that node.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/geometry.hpp"
#include "routing/overlay.hpp"
#include "routing/road_graph.hpp"
#include "routing/segment_index.hpp"

namespace caremap::routing {

struct Endpoint {
  NodeId node = kNone;        ///< set for a node endpoint
  SegmentId segment = kNone;  ///< set for a point on a segment
  double offset_m = 0.0;      ///< along the segment's shape
  core::XY point;             ///< position on the network
  /// The access leg from the place to `point` (routing/access.hpp), added to every link that
  /// leaves or reaches this endpoint; 0 on street networks.
  double access_time_s = 0.0;
  double access_length_m = 0.0;

  static Endpoint at_node(const RoadGraph& g, NodeId v) {
    return {v, kNone, 0.0, g.node_xy(v), 0.0, 0.0};
  }
  /// The snapped point, or the segment's end node when it lies within 1 mm of one.
  static Endpoint at(const RoadGraph& g, const Snap& snap);
};

struct Link {
  NodeId node = kNone;
  double time_s = 0.0;  ///< with the overlay's time factor
  double length_m = 0.0;
  ArcId arc = kNone;      ///< the arc travelled in part; kNone for a node endpoint
  double offset_m = 0.0;  ///< the endpoint's offset along that arc's segment
  std::uint32_t tag = 0;  ///< caller's label (source or target number)
};

/// Appends the links leaving `e` (none over closed arcs). A node endpoint gives one zero link.
void append_departures(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                       std::uint32_t tag, std::vector<Link>& out);
/// Appends the links arriving at `e` (none over closed arcs).
void append_arrivals(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                     std::uint32_t tag, std::vector<Link>& out);

/// Travel from `from` to `to` along their common segment without passing a graph node (both
/// points on one segment, the direction allowed and open); nullopt otherwise. The link's node
/// is kNone, its arc the one travelled, its offset_m that of `from`.
std::optional<Link> direct_link(const RoadGraph& g, const Endpoint& from, const Endpoint& to,
                                const Overlay* overlay);

/// The geometry of a link in travel direction: departure (endpoint -> node) or arrival.
void append_link_geometry(const RoadGraph& g, const Link& link, bool departure,
                          core::LineString& out);

}  // namespace caremap::routing
