#include "routing/dijkstra.hpp"

#include <algorithm>

namespace caremap::routing {

Dijkstra::Dijkstra(const RoadGraph& graph)
    : m_graph(&graph), m_state(graph.node_count(), NodeState{0.0, 0.0, 0, 0, 0, 0}) {
  m_heap_key.reserve(64);
  m_heap_node.reserve(64);
  m_settled.reserve(64);
}

void Dijkstra::run(std::span<const Link> seeds, const SearchOptions& options) {
  run(seeds, options, [](NodeId, double) { return true; });
}

void Dijkstra::start(std::span<const Link> seeds, const SearchOptions& options) {
  m_options = options;
  if (++m_generation == 0) {
    // Wrapped after 2^32 runs: clear the stamps once so stale ones cannot match.
    for (NodeState& s : m_state) {
      s.stamp = 0;
    }
    m_generation = 1;
  }
  m_heap_key.clear();
  m_heap_node.clear();
  m_settled.clear();
  m_seeds.assign(seeds.begin(), seeds.end());
  const bool by_time = options.metric == Metric::time;
  for (std::uint32_t i = 0; i < m_seeds.size(); ++i) {
    const Link& s = m_seeds[i];
    const double c = by_time ? s.time_s : s.length_m;
    const double other = by_time ? s.length_m : s.time_s;
    if (s.node == kNone || !(c <= options.cutoff) || c == kUnreachable) {
      continue;
    }
    relax(s.node, c, other, kSeedParent | i, s.tag);
  }
}

std::uint32_t Dijkstra::tree_path(NodeId v, std::vector<ArcId>& arcs) const {
  arcs.clear();
  const bool backward = m_options.direction == Direction::backward;
  const auto tail = m_graph->tail();
  const auto head = m_graph->head();
  while ((m_state[v].parent & kSeedParent) == 0) {
    const ArcId a = m_state[v].parent;
    arcs.push_back(a);
    v = backward ? head[a] : tail[a];
  }
  if (!backward) {
    std::reverse(arcs.begin(), arcs.end());
  }
  return m_state[v].parent & ~kSeedParent;
}

}  // namespace caremap::routing
