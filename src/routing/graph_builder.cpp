#include "routing/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace caremap::routing {

namespace {

struct PendingArc {
  NodeId tail = 0;
  NodeId head = 0;
  double time_s = 0.0;
  double length_m = 0.0;
  SegmentId segment = 0;
  std::uint8_t forward = 1;
};

}  // namespace

void GraphBuilder::add_way(std::int64_t way_id, std::span<const std::int64_t> nodes,
                           const WayRule& rule) {
  if (!(rule.forward_kmh > 0.0) && !(rule.backward_kmh > 0.0)) {
    return;
  }
  const auto first = static_cast<std::uint32_t>(m_refs.size());
  for (const std::int64_t id : nodes) {
    if (m_refs.size() == first || m_refs.back() != id) {
      m_refs.push_back(id);
    }
  }
  const auto count = static_cast<std::uint32_t>(m_refs.size() - first);
  if (count < 2) {
    m_refs.resize(first);
    return;
  }
  m_ways.push_back({way_id, first, count, rule});
  m_node_ids.clear();  // referenced set changed
}

std::vector<std::int64_t> GraphBuilder::referenced_nodes() const {
  std::vector<std::int64_t> ids(m_refs);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

void GraphBuilder::prepare_nodes() {
  if (!m_node_ids.empty() || m_refs.empty()) {
    return;
  }
  m_node_ids = referenced_nodes();
  m_node_xy.assign(m_node_ids.size(), core::XY{});
  m_node_known.assign(m_node_ids.size(), 0);
}

void GraphBuilder::set_node(std::int64_t node_id, core::XY position) {
  prepare_nodes();
  const auto it = std::lower_bound(m_node_ids.begin(), m_node_ids.end(), node_id);
  if (it == m_node_ids.end() || *it != node_id) {
    return;
  }
  const auto i = static_cast<std::size_t>(it - m_node_ids.begin());
  m_node_xy[i] = position;
  m_node_known[i] = 1;
}

RoadGraph GraphBuilder::build(GraphInfo info, core::Diagnostics& diagnostics) {
  prepare_nodes();
  // Local index (into m_node_ids) of every reference.
  std::vector<std::uint32_t> local(m_refs.size());
  for (std::size_t i = 0; i < m_refs.size(); ++i) {
    local[i] = static_cast<std::uint32_t>(
        std::lower_bound(m_node_ids.begin(), m_node_ids.end(), m_refs[i]) - m_node_ids.begin());
  }
  // A node is a graph node if it ends a run of known positions or is used more than once.
  std::vector<std::uint32_t> uses(m_node_ids.size(), 0);
  std::vector<std::uint8_t> is_end(m_node_ids.size(), 0);
  for (const Way& w : m_ways) {
    bool missing = false;
    for (std::uint32_t k = 0; k < w.ref_count; ++k) {
      const std::uint32_t i = local[w.first_ref + k];
      if (!m_node_known[i]) {
        missing = true;
        continue;
      }
      ++uses[i];
      const bool first = k == 0 || !m_node_known[local[w.first_ref + k - 1]];
      const bool last = k + 1 == w.ref_count || !m_node_known[local[w.first_ref + k + 1]];
      if (first || last) {
        is_end[i] = 1;
      }
    }
    if (missing) {
      diagnostics.add(
          {core::Severity::warning,
           "missing_node_location",
           info.source,
           std::nullopt,
           {},
           "way " + std::to_string(w.id) + " refers to nodes without a position; cut there"});
    }
  }
  GraphArrays g;
  std::vector<NodeId> graph_node(m_node_ids.size(), kNone);
  std::vector<PendingArc> arcs;
  auto node_of = [&](std::uint32_t i) {
    if (graph_node[i] == kNone) {
      graph_node[i] = static_cast<NodeId>(g.node_xy.size());
      g.node_xy.push_back(m_node_xy[i]);
      g.node_osm_id.push_back(m_node_ids[i]);
    }
    return graph_node[i];
  };
  g.segment_first_point.push_back(0);
  for (const Way& w : m_ways) {
    std::uint32_t start = kNone;  // position in the way of the current segment's first node
    for (std::uint32_t k = 0; k < w.ref_count; ++k) {
      const std::uint32_t i = local[w.first_ref + k];
      if (!m_node_known[i]) {
        start = kNone;
        continue;
      }
      if (start == kNone) {
        start = k;
        continue;
      }
      if (!(is_end[i] || uses[i] > 1)) {
        continue;
      }
      // Segment from position `start` to `k` in this way.
      const NodeId from = node_of(local[w.first_ref + start]);
      const NodeId to = node_of(i);
      const auto seg = static_cast<SegmentId>(g.segment_way_id.size());
      double length = 0.0;
      for (std::uint32_t q = start; q <= k; ++q) {
        const core::XY p = m_node_xy[local[w.first_ref + q]];
        if (q > start) {
          length += std::hypot(p.x - g.points.back().x, p.y - g.points.back().y);
        }
        g.points.push_back(p);
      }
      g.segment_first_point.push_back(static_cast<std::uint32_t>(g.points.size()));
      g.segment_way_id.push_back(w.id);
      g.segment_from.push_back(from);
      g.segment_to.push_back(to);
      if (w.rule.forward_kmh > 0.0) {
        arcs.push_back({from, to, length / (w.rule.forward_kmh / 3.6), length, seg, 1});
      }
      if (w.rule.backward_kmh > 0.0) {
        arcs.push_back({to, from, length / (w.rule.backward_kmh / 3.6), length, seg, 0});
      }
      start = k;
    }
  }
  // Counting sort of the arcs by tail; stable, so arcs of a node keep way order.
  const std::size_t n = g.node_xy.size();
  g.first_out.assign(n + 1, 0);
  for (const PendingArc& a : arcs) {
    ++g.first_out[a.tail + 1];
  }
  for (std::size_t v = 0; v < n; ++v) {
    g.first_out[v + 1] += g.first_out[v];
  }
  const std::size_t m = arcs.size();
  g.head.resize(m);
  g.time_s.resize(m);
  g.length_m.resize(m);
  g.arc_segment.resize(m);
  g.arc_forward.resize(m);
  std::vector<std::uint32_t> fill(g.first_out.begin(), g.first_out.end() - 1);
  for (const PendingArc& a : arcs) {
    const std::uint32_t slot = fill[a.tail]++;
    g.head[slot] = a.head;
    g.time_s[slot] = a.time_s;
    g.length_m[slot] = a.length_m;
    g.arc_segment[slot] = a.segment;
    g.arc_forward[slot] = a.forward;
  }
  return RoadGraph(std::move(g), std::move(info));
}

}  // namespace caremap::routing
