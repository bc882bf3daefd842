#include "routing/endpoint.hpp"

#include <cmath>

namespace caremap::routing {

namespace {

constexpr double kNodeTolerance_m = 1e-3;

// The partial link over arc `a` covering offsets `from_m`..`to_m` of its segment; nullopt if a
// closure lies on that part. The open part of a closed segment keeps its slowdowns.
std::optional<Link> partial(const RoadGraph& g, ArcId a, double from_m, double to_m, NodeId node,
                            double offset_m, const Overlay* overlay, std::uint32_t tag) {
  const double len = g.segment_length_m(g.arc_segment(a));
  const double share = len > 0.0 ? std::abs(to_m - from_m) / len : 0.0;
  double tf = 1.0;
  if (overlay != nullptr) {
    if (overlay->blocks(g, a, from_m, to_m)) {
      return std::nullopt;
    }
    tf = overlay->open_time_factor(a);
  }
  return Link{node, g.time_s()[a] * tf * share, g.length_m()[a] * share, a, offset_m, tag};
}

}  // namespace

Endpoint Endpoint::at(const RoadGraph& g, const Snap& snap) {
  const double len = g.segment_length_m(snap.segment);
  if (snap.offset_m <= kNodeTolerance_m) {
    return at_node(g, g.segment_from(snap.segment));
  }
  if (snap.offset_m >= len - kNodeTolerance_m) {
    return at_node(g, g.segment_to(snap.segment));
  }
  return {kNone, snap.segment, snap.offset_m, snap.point, 0.0, 0.0};
}

namespace {

// A mid-segment endpoint joins the road at both ends of its segment. Leaving it, the forward arc
// runs on to segment_to over the rest of the segment (1 - f) and the backward arc back to
// segment_from (f); arriving at it, the forward arc comes from segment_from (f) and the backward
// arc from segment_to (1 - f). An endpoint on a node is that node at cost 0.
void append_segment_links(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                          std::uint32_t tag, bool departing, std::vector<Link>& out) {
  if (e.node != kNone) {
    out.push_back({e.node, e.access_time_s, e.access_length_m, kNone, 0.0, tag});
    return;
  }
  const std::size_t first = out.size();
  const double len = g.segment_length_m(e.segment);
  const double o = e.offset_m;
  const NodeId from = g.segment_from(e.segment);
  const NodeId to = g.segment_to(e.segment);
  // The forward arc runs from offset 0 to len: leaving the place over it covers o..len (to
  // segment_to), arriving over it 0..o (from segment_from); the backward arc the other way round.
  if (const ArcId a = g.segment_forward_arc(e.segment); a != kNone) {
    if (auto l = departing ? partial(g, a, o, len, to, o, overlay, tag)
                           : partial(g, a, 0.0, o, from, o, overlay, tag)) {
      out.push_back(*l);
    }
  }
  if (const ArcId a = g.segment_backward_arc(e.segment); a != kNone) {
    if (auto l = departing ? partial(g, a, 0.0, o, from, o, overlay, tag)
                           : partial(g, a, o, len, to, o, overlay, tag)) {
      out.push_back(*l);
    }
  }
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].time_s += e.access_time_s;
    out[i].length_m += e.access_length_m;
  }
}

}  // namespace

void append_departures(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                       std::uint32_t tag, std::vector<Link>& out) {
  append_segment_links(g, e, overlay, tag, true, out);
}

void append_arrivals(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                     std::uint32_t tag, std::vector<Link>& out) {
  append_segment_links(g, e, overlay, tag, false, out);
}

std::optional<Link> direct_link(const RoadGraph& g, const Endpoint& from, const Endpoint& to,
                                const Overlay* overlay) {
  if (from.segment == kNone || from.segment != to.segment) {
    return std::nullopt;
  }
  const ArcId a = to.offset_m >= from.offset_m ? g.segment_forward_arc(from.segment)
                                               : g.segment_backward_arc(from.segment);
  if (a == kNone) {
    return std::nullopt;
  }
  auto link = partial(g, a, from.offset_m, to.offset_m, kNone, from.offset_m, overlay, 0);
  if (link) {
    link->time_s += from.access_time_s + to.access_time_s;
    link->length_m += from.access_length_m + to.access_length_m;
  }
  return link;
}

void append_link_geometry(const RoadGraph& g, const Link& link, bool departure,
                          core::LineString& out) {
  if (link.arc == kNone) {
    if (link.node != kNone && (out.empty() || !(out.back() == g.node_xy(link.node)))) {
      out.push_back(g.node_xy(link.node));
    }
    return;
  }
  const SegmentId s = g.arc_segment(link.arc);
  // Departing over the forward arc ends at the segment's last point, arriving over it starts
  // at the first; the backward arc the other way round.
  const bool at_end = departure == g.arc_forward(link.arc);
  const double node_offset = at_end ? g.segment_length_m(s) : 0.0;
  if (departure) {
    append_segment_part(g, s, link.offset_m, node_offset, out);
  } else {
    append_segment_part(g, s, node_offset, link.offset_m, out);
  }
}

}  // namespace caremap::routing
