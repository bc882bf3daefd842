#include "routing/endpoint.hpp"

namespace caremap::routing {

namespace {

constexpr double kNodeTolerance_m = 1e-3;

// The partial link over arc `a` covering `share` of it; nullopt if the arc is closed.
std::optional<Link> partial(const RoadGraph& g, ArcId a, double share, NodeId node, double offset_m,
                            const Overlay* overlay, std::uint32_t tag) {
  double tf = 1.0;
  if (overlay != nullptr) {
    if (overlay->closed(a)) {
      return std::nullopt;
    }
    tf = overlay->time_factor()[a];
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
  return {kNone, snap.segment, snap.offset_m, snap.point};
}

namespace {

// A mid-segment endpoint joins the road at both ends of its segment. Leaving it, the forward arc
// runs on to segment_to over the rest of the segment (1 - f) and the backward arc back to
// segment_from (f); arriving at it, the forward arc comes from segment_from (f) and the backward
// arc from segment_to (1 - f). An endpoint on a node is that node at cost 0.
void append_segment_links(const RoadGraph& g, const Endpoint& e, const Overlay* overlay,
                          std::uint32_t tag, bool departing, std::vector<Link>& out) {
  if (e.node != kNone) {
    out.push_back({e.node, 0.0, 0.0, kNone, 0.0, tag});
    return;
  }
  const double len = g.segment_length_m(e.segment);
  const double f = len > 0.0 ? e.offset_m / len : 0.0;
  const NodeId from = g.segment_from(e.segment);
  const NodeId to = g.segment_to(e.segment);
  if (const ArcId a = g.segment_forward_arc(e.segment); a != kNone) {
    if (auto l = partial(g, a, departing ? 1.0 - f : f, departing ? to : from, e.offset_m, overlay,
                         tag)) {
      out.push_back(*l);
    }
  }
  if (const ArcId a = g.segment_backward_arc(e.segment); a != kNone) {
    if (auto l = partial(g, a, departing ? f : 1.0 - f, departing ? from : to, e.offset_m, overlay,
                         tag)) {
      out.push_back(*l);
    }
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
  const double len = g.segment_length_m(from.segment);
  const double share = len > 0.0 ? std::abs(to.offset_m - from.offset_m) / len : 0.0;
  const ArcId a = to.offset_m >= from.offset_m ? g.segment_forward_arc(from.segment)
                                               : g.segment_backward_arc(from.segment);
  if (a == kNone) {
    return std::nullopt;
  }
  return partial(g, a, share, kNone, from.offset_m, overlay, 0);
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
