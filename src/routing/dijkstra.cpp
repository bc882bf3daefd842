#include "routing/dijkstra.hpp"

#include <algorithm>

namespace caremap::routing {

namespace {
constexpr std::uint32_t kArity = 4;
}

Dijkstra::Dijkstra(const RoadGraph& graph)
    : m_graph(&graph),
      m_stamp(graph.node_count(), 0),
      m_cost(graph.node_count()),
      m_other(graph.node_count()),
      m_parent(graph.node_count()),
      m_source(graph.node_count()),
      m_pos(graph.node_count()) {
  m_heap.reserve(64);
  m_settled.reserve(64);
}

void Dijkstra::run(std::span<const Link> seeds, const SearchOptions& options) {
  run(seeds, options, [](NodeId, double) { return true; });
}

void Dijkstra::start(std::span<const Link> seeds, const SearchOptions& options) {
  m_options = options;
  if (++m_generation == 0) {
    // Wrapped after 2^32 runs: clear the stamps once so stale ones cannot match.
    std::fill(m_stamp.begin(), m_stamp.end(), 0);
    m_generation = 1;
  }
  m_heap.clear();
  m_settled.clear();
  m_seeds.assign(seeds.begin(), seeds.end());
  const bool by_time = options.metric == Metric::time;
  for (std::uint32_t i = 0; i < m_seeds.size(); ++i) {
    const Link& s = m_seeds[i];
    const double c = by_time ? s.time_s : s.length_m;
    const double other = by_time ? s.length_m : s.time_s;
    if (s.node == kNone || !(c <= options.cutoff)) {
      continue;
    }
    relax(s.node, c, other, kSeedParent | i, s.tag);
  }
}

void Dijkstra::relax(NodeId v, double cost, double other, std::uint32_t parent,
                     std::uint32_t source) {
  if (m_stamp[v] != m_generation) {
    m_stamp[v] = m_generation;
    m_cost[v] = cost;
    m_other[v] = other;
    m_parent[v] = parent;
    m_source[v] = source;
    m_pos[v] = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back({cost, v});
    sift_up(m_pos[v]);
  } else if (cost < m_cost[v]) {
    m_cost[v] = cost;
    m_other[v] = other;
    m_parent[v] = parent;
    m_source[v] = source;
    m_heap[m_pos[v]].key = cost;
    sift_up(m_pos[v]);
  }
}

void Dijkstra::sift_up(std::uint32_t i) {
  const HeapItem item = m_heap[i];
  while (i > 0) {
    const std::uint32_t p = (i - 1) / kArity;
    if (!(item.key < m_heap[p].key)) {
      break;
    }
    m_heap[i] = m_heap[p];
    m_pos[m_heap[i].node] = i;
    i = p;
  }
  m_heap[i] = item;
  m_pos[item.node] = i;
}

void Dijkstra::sift_down(std::uint32_t i) {
  const HeapItem item = m_heap[i];
  const auto n = static_cast<std::uint32_t>(m_heap.size());
  while (true) {
    const std::uint32_t first = i * kArity + 1;
    if (first >= n) {
      break;
    }
    const std::uint32_t last = std::min(first + kArity, n);
    std::uint32_t best = first;
    for (std::uint32_t c = first + 1; c < last; ++c) {
      if (m_heap[c].key < m_heap[best].key) {
        best = c;
      }
    }
    if (!(m_heap[best].key < item.key)) {
      break;
    }
    m_heap[i] = m_heap[best];
    m_pos[m_heap[i].node] = i;
    i = best;
  }
  m_heap[i] = item;
  m_pos[item.node] = i;
}

Dijkstra::HeapItem Dijkstra::pop() {
  const HeapItem top = m_heap.front();
  m_heap.front() = m_heap.back();
  m_heap.pop_back();
  if (!m_heap.empty()) {
    sift_down(0);
  }
  return top;
}

std::uint32_t Dijkstra::tree_path(NodeId v, std::vector<ArcId>& arcs) const {
  arcs.clear();
  const bool backward = m_options.direction == Direction::backward;
  const auto tail = m_graph->tail();
  const auto head = m_graph->head();
  while ((m_parent[v] & kSeedParent) == 0) {
    const ArcId a = m_parent[v];
    arcs.push_back(a);
    v = backward ? head[a] : tail[a];
  }
  if (!backward) {
    std::reverse(arcs.begin(), arcs.end());
  }
  return m_parent[v] & ~kSeedParent;
}

}  // namespace caremap::routing
