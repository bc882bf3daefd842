#include "routing/route.hpp"

namespace caremap::routing {

Arrival best_arrival(const Dijkstra& q, std::span<const Link> links) {
  Arrival best;
  const bool by_time = q.options().metric == Metric::time;
  for (const Link& l : links) {
    if (!q.reached(l.node)) {
      continue;
    }
    const double t = q.time_s(l.node) + l.time_s;
    const double d = q.length_m(l.node) + l.length_m;
    const double c = by_time ? t : d;
    if (c < best.cost && c <= q.options().cutoff) {
      best = {c, t, d, q.source(l.node), l};
    }
  }
  return best;
}

Route build_route(const Dijkstra& q, const Arrival& arrival) {
  const RoadGraph& g = q.graph();
  Route r;
  r.time_s = arrival.time_s;
  r.length_m = arrival.length_m;
  const std::uint32_t seed = q.tree_path(arrival.link.node, r.arcs);
  const Link& root = q.seeds()[seed];
  const bool backward = q.options().direction == Direction::backward;
  // Forward: root departs, tree arcs, arrival link arrives. Backward: the arrival link departs
  // from the other endpoint, tree arcs lead to the seed, the seed link arrives at the root.
  append_link_geometry(g, backward ? arrival.link : root, true, r.geometry);
  for (const ArcId a : r.arcs) {
    const SegmentId s = g.arc_segment(a);
    const double len = g.segment_length_m(s);
    append_segment_part(g, s, g.arc_forward(a) ? 0.0 : len, g.arc_forward(a) ? len : 0.0,
                        r.geometry);
  }
  append_link_geometry(g, backward ? root : arrival.link, false, r.geometry);
  if (r.geometry.size() == 1) {
    r.geometry.push_back(r.geometry.front());
  }
  return r;
}

Route direct_route(const RoadGraph& g, const Link& direct, const Endpoint& to) {
  Route r;
  r.time_s = direct.time_s;
  r.length_m = direct.length_m;
  append_segment_part(g, g.arc_segment(direct.arc), direct.offset_m, to.offset_m, r.geometry);
  if (r.geometry.size() == 1) {
    r.geometry.push_back(r.geometry.front());
  }
  return r;
}

std::optional<Route> shortest_route(Dijkstra& q, const Endpoint& from, const Endpoint& to,
                                    SearchOptions options, bool with_geometry) {
  const RoadGraph& g = q.graph();
  options.direction = Direction::forward;
  std::vector<Link> seeds;
  std::vector<Link> arrivals;
  append_departures(g, from, options.overlay, 0, seeds);
  append_arrivals(g, to, options.overlay, 0, arrivals);
  const bool by_time = options.metric == Metric::time;
  double best = kUnreachable;
  std::optional<Link> direct = direct_link(g, from, to, options.overlay);
  if (direct) {
    const double c = by_time ? direct->time_s : direct->length_m;
    if (c <= options.cutoff) {
      best = c;
    } else {
      direct.reset();
    }
  }
  q.run(seeds, options, [&](NodeId v, double cost) {
    if (cost >= best) {
      return false;
    }
    for (const Link& l : arrivals) {
      if (l.node == v) {
        const double c = cost + (by_time ? l.time_s : l.length_m);
        if (c < best && c <= options.cutoff) {
          best = c;
        }
      }
    }
    return true;
  });
  if (!(best < kUnreachable)) {
    return std::nullopt;
  }
  const Arrival via_graph = best_arrival(q, arrivals);
  if (direct && !(via_graph.cost < (by_time ? direct->time_s : direct->length_m))) {
    Route r = direct_route(g, *direct, to);
    if (!with_geometry) {
      r.geometry.clear();
    }
    return r;
  }
  if (!with_geometry) {
    Route r;
    r.time_s = via_graph.time_s;
    r.length_m = via_graph.length_m;
    q.tree_path(via_graph.link.node, r.arcs);
    return r;
  }
  return build_route(q, via_graph);
}

}  // namespace caremap::routing
