#include "routing/target_search.hpp"

#include <algorithm>

namespace caremap::routing {

TargetSet::TargetSet(const RoadGraph& graph, std::span<const std::optional<Endpoint>> targets,
                     Direction direction, const Overlay* overlay)
    : m_direction(direction), m_overlay(overlay), m_targets(targets.begin(), targets.end()) {
  m_first_link.reserve(m_targets.size() + 1);
  m_first_link.push_back(0);
  for (std::uint32_t t = 0; t < m_targets.size(); ++t) {
    if (const auto& e = m_targets[t]) {
      // A forward search arrives at its targets; a backward one reads where they depart.
      if (direction == Direction::forward) {
        append_arrivals(graph, *e, overlay, t, m_links);
      } else {
        append_departures(graph, *e, overlay, t, m_links);
      }
      if (e->segment != kNone) {
        m_on_segment.emplace_back(e->segment, t);
      }
    }
    m_first_link.push_back(static_cast<std::uint32_t>(m_links.size()));
  }
  m_node_first.assign(graph.node_count() + 1, 0);
  for (const Link& l : m_links) {
    ++m_node_first[l.node + 1];
  }
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    m_node_first[v + 1] += m_node_first[v];
  }
  m_node_links.resize(m_links.size());
  std::vector<std::uint32_t> fill(m_node_first.begin(), m_node_first.end() - 1);
  for (std::uint32_t i = 0; i < m_links.size(); ++i) {
    m_node_links[fill[m_links[i].node]++] = i;
  }
  std::sort(m_on_segment.begin(), m_on_segment.end());
  m_on_segment_targets.reserve(m_on_segment.size());
  for (const auto& p : m_on_segment) {
    m_on_segment_targets.push_back(p.second);
  }
}

std::span<const std::uint32_t> TargetSet::targets_on(SegmentId s) const {
  const auto lo = std::lower_bound(m_on_segment.begin(), m_on_segment.end(),
                                   std::pair<SegmentId, std::uint32_t>{s, 0});
  auto hi = lo;
  while (hi != m_on_segment.end() && hi->first == s) {
    ++hi;
  }
  const auto first = static_cast<std::size_t>(lo - m_on_segment.begin());
  return std::span<const std::uint32_t>(m_on_segment_targets)
      .subspan(first, static_cast<std::size_t>(hi - lo));
}

TargetSearch::TargetSearch(const RoadGraph& graph, const TargetSet& targets)
    : m_graph(&graph),
      m_targets(&targets),
      m_query(graph),
      m_stamp(targets.size(), 0),
      m_best(targets.size()) {}

void TargetSearch::offer(std::uint32_t target, double cost, double time_s, double length_m,
                         const Link& link, bool direct) {
  if (m_stamp[target] != m_generation) {
    m_stamp[target] = m_generation;
    m_best[target] = {target, cost, time_s, length_m, link, direct};
    m_touched.push_back(target);
  } else if (cost < m_best[target].cost) {
    m_best[target] = {target, cost, time_s, length_m, link, direct};
  }
}

std::span<const TargetHit> TargetSearch::run(const Endpoint& root, std::size_t k,
                                             SearchOptions options) {
  const RoadGraph& g = *m_graph;
  const TargetSet& ts = *m_targets;
  const bool forward = ts.direction() == Direction::forward;
  options.direction = ts.direction();
  options.overlay = ts.overlay();
  const bool by_time = options.metric == Metric::time;
  if (++m_generation == 0) {
    std::fill(m_stamp.begin(), m_stamp.end(), 0);
    m_generation = 1;
  }
  m_root = root;
  m_touched.clear();
  m_hits.clear();
  m_seeds.clear();
  if (forward) {
    append_departures(g, root, options.overlay, 0, m_seeds);
  } else {
    append_arrivals(g, root, options.overlay, 0, m_seeds);
  }
  if (root.segment != kNone) {
    for (const std::uint32_t t : ts.targets_on(root.segment)) {
      const auto link = forward ? direct_link(g, root, *ts.target(t), options.overlay)
                                : direct_link(g, *ts.target(t), root, options.overlay);
      if (link) {
        const double c = by_time ? link->time_s : link->length_m;
        if (c <= options.cutoff) {
          offer(t, c, link->time_s, link->length_m, *link, true);
        }
      }
    }
  }
  if (k == 0 || k >= ts.size()) {
    m_query.run(m_seeds, options);
    for (std::uint32_t t = 0; t < ts.size(); ++t) {
      const Arrival a = best_arrival(m_query, ts.links(t));
      if (a.reached()) {
        offer(t, a.cost, a.time_s, a.length_m, a.link, false);
      }
    }
  } else {
    double threshold = kUnreachable;
    auto update_threshold = [&] {
      if (m_touched.size() < k) {
        return;
      }
      m_kth.clear();
      for (const std::uint32_t t : m_touched) {
        m_kth.push_back(m_best[t].cost);
      }
      std::nth_element(m_kth.begin(), m_kth.begin() + static_cast<std::ptrdiff_t>(k - 1),
                       m_kth.end());
      threshold = m_kth[k - 1];
    };
    update_threshold();
    m_query.run(m_seeds, options, [&](NodeId v, double cost) {
      // Every later candidate costs at least `cost`: once past the k-th best, stop.
      if (cost > threshold) {
        return false;
      }
      const auto span = ts.links_at(v);
      if (span.empty()) {
        return true;
      }
      const double t0 = m_query.time_s(v);
      const double d0 = m_query.length_m(v);
      for (const std::uint32_t i : span) {
        const Link& l = ts.link(i);
        const double t = t0 + l.time_s;
        const double d = d0 + l.length_m;
        const double c = by_time ? t : d;
        if (c <= options.cutoff) {
          offer(l.tag, c, t, d, l, false);
        }
      }
      update_threshold();
      return true;
    });
  }
  for (const std::uint32_t t : m_touched) {
    m_hits.push_back(m_best[t]);
  }
  std::sort(m_hits.begin(), m_hits.end(), [](const TargetHit& a, const TargetHit& b) {
    return a.cost < b.cost || (a.cost == b.cost && a.target < b.target);
  });
  if (k != 0 && m_hits.size() > k) {
    m_hits.resize(k);
  }
  return m_hits;
}

Route TargetSearch::route(const TargetHit& hit) const {
  const RoadGraph& g = *m_graph;
  if (hit.direct) {
    const bool forward = m_targets->direction() == Direction::forward;
    return direct_route(g, hit.link, forward ? *m_targets->target(hit.target) : m_root);
  }
  Arrival a;
  a.cost = hit.cost;
  a.time_s = hit.time_s;
  a.length_m = hit.length_m;
  a.link = hit.link;
  return build_route(m_query, a);
}

}  // namespace caremap::routing
