#pragma once
// Dijkstra's algorithm on the RoadGraph as a reusable query object: one per thread. Its arrays
// are sized to the graph once; each run bumps a generation counter instead of clearing them, and
// the heap keeps its capacity, so a run allocates nothing after the first.
//
// One run serves every query shape:
//  - one-to-all with a cutoff: run(seeds, options) settles every node whose cost is <= cutoff;
//  - multi-source: seeds from many origins, each Link tagged with its origin; source(v) tells
//    which origin's tree holds v (the nearest origin to v);
//  - early exit: run(seeds, options, on_settle) stops when on_settle(v, cost) returns false;
//  - backward searches (Direction::backward) follow arcs in reverse, so cost(v) is the cost
//    from v to the seeds: "time from every node to the nearest hospital".
// The cost is travel time (Metric::time, seconds) or length (Metric::distance, metres); the other
// quantity is accumulated along the same tree (time_s(v), length_m(v)). An Overlay multiplies
// times and closes arcs. Nothing here depends on the travel profile.
//
// Complexity: O((V + E) log V) per full run, with a 4-ary heap with decrease-key; a run with a
// cutoff costs O((V' + E') log V') for the V' nodes settled and E' arcs scanned.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "routing/endpoint.hpp"
#include "routing/overlay.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

enum class Metric : std::uint8_t { time, distance };
enum class Direction : std::uint8_t { forward, backward };

inline constexpr double kUnreachable = std::numeric_limits<double>::infinity();

struct SearchOptions {
  Metric metric = Metric::time;
  Direction direction = Direction::forward;
  /// Nodes costlier than this (seconds or metres, by metric) are not settled.
  double cutoff = kUnreachable;
  const Overlay* overlay = nullptr;  ///< closures and slowdowns; null = none
};

class Dijkstra {
 public:
  /// Marks a parent that is a seed: parent(v) = kSeedParent | seed index.
  static constexpr std::uint32_t kSeedParent = 0x80000000u;

  explicit Dijkstra(const RoadGraph& graph);

  const RoadGraph& graph() const { return *m_graph; }

  /// Runs to completion (or to the cutoff). Seeds with a cost above the cutoff are ignored.
  void run(std::span<const Link> seeds, const SearchOptions& options);

  /// As run(), calling on_settle(NodeId v, double cost) for every settled node in cost order;
  /// the search stops when it returns false (v is settled already).
  template <class OnSettle>
  void run(std::span<const Link> seeds, const SearchOptions& options, OnSettle&& on_settle);

  const SearchOptions& options() const { return m_options; }
  /// The seeds of the last run (a copy; links index into it through parent()).
  std::span<const Link> seeds() const { return m_seeds; }

  /// Settled in the last run.
  bool reached(NodeId v) const {
    return m_state[v].stamp == m_generation && m_state[v].pos == kSettled;
  }
  /// Cost in the search metric; kUnreachable if not reached.
  double cost(NodeId v) const { return reached(v) ? m_state[v].cost : kUnreachable; }
  double time_s(NodeId v) const {
    return !reached(v) ? kUnreachable
                       : (m_options.metric == Metric::time ? m_state[v].cost : m_state[v].other);
  }
  double length_m(NodeId v) const {
    return !reached(v)
               ? kUnreachable
               : (m_options.metric == Metric::distance ? m_state[v].cost : m_state[v].other);
  }
  /// The tag of the seed whose tree holds v (valid if reached).
  std::uint32_t source(NodeId v) const { return m_state[v].source; }
  /// The arc by which v was reached (forward: arc into v; backward: arc out of v), or
  /// kSeedParent | seed index for a seed node (valid if reached).
  std::uint32_t parent(NodeId v) const { return m_state[v].parent; }
  /// Settled nodes in the order they were settled.
  std::span<const NodeId> settled() const { return m_settled; }

  /// The tree path's arcs between the seed and a reached node, in travel direction (forward:
  /// seed -> v; backward: v -> seed), and the index of that seed.
  std::uint32_t tree_path(NodeId v, std::vector<ArcId>& arcs) const;

 private:
  static constexpr std::uint32_t kSettled = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kArity = 4;
  // Everything a relaxation touches for one node, in one 32-byte record (one cache line holds
  // two), instead of six parallel arrays.
  struct NodeState {
    double cost;           ///< tentative or final cost in the search metric
    double other;          ///< the other quantity along the same path
    std::uint32_t stamp;   ///< == m_generation: the fields are from this run
    std::uint32_t pos;     ///< heap position, or kSettled
    std::uint32_t parent;  ///< arc, or kSeedParent | seed index
    std::uint32_t source;  ///< the seed's tag
  };
  struct HeapItem {
    double key;
    NodeId node;
  };

  template <bool Backward, bool WithOverlay, class OnSettle>
  void search(OnSettle& on_settle);
  void start(std::span<const Link> seeds, const SearchOptions& options);
  void relax(NodeId v, double cost, double other, std::uint32_t parent, std::uint32_t source);
  void sift_up(std::uint32_t i, HeapItem item);
  void sift_down(std::uint32_t i, HeapItem item);
  /// Puts `node` with `key` at heap slot i and records the slot in the node's state.
  void place(std::uint32_t i, double key, NodeId node);
  HeapItem pop();

  const RoadGraph* m_graph;
  SearchOptions m_options;
  std::vector<Link> m_seeds;
  std::uint32_t m_generation = 0;
  std::vector<NodeState> m_state;
  // The heap as two parallel arrays (keys, nodes) rather than one of 16-byte items: every load
  // then reads exactly what one earlier store wrote. A whole-item load of an item just written
  // field by field defeats store-to-load forwarding and cost a quarter of the run time.
  std::vector<double> m_heap_key;
  std::vector<NodeId> m_heap_node;
  std::vector<NodeId> m_settled;
};

// ---- implementation of the template members ----

template <class OnSettle>
void Dijkstra::run(std::span<const Link> seeds, const SearchOptions& options,
                   OnSettle&& on_settle) {
  start(seeds, options);
  const bool backward = options.direction == Direction::backward;
  const bool overlay = options.overlay != nullptr;
  if (backward) {
    overlay ? search<true, true>(on_settle) : search<true, false>(on_settle);
  } else {
    overlay ? search<false, true>(on_settle) : search<false, false>(on_settle);
  }
}

template <bool Backward, bool WithOverlay, class OnSettle>
void Dijkstra::search(OnSettle& on_settle) {
  const RoadGraph& g = *m_graph;
  const bool by_time = m_options.metric == Metric::time;
  const double* primary = by_time ? g.time_s().data() : g.length_m().data();
  const double* secondary = by_time ? g.length_m().data() : g.time_s().data();
  const double* primary_factor = nullptr;
  const double* secondary_factor = nullptr;
  if constexpr (WithOverlay) {
    primary_factor = by_time ? m_options.overlay->time_factor().data()
                             : m_options.overlay->length_factor().data();
    secondary_factor = by_time ? m_options.overlay->length_factor().data()
                               : m_options.overlay->time_factor().data();
  }
  const std::uint32_t* offsets = Backward ? g.first_in().data() : g.first_out().data();
  const NodeId* other_end = Backward ? g.tail().data() : g.head().data();
  const ArcId* in_arc = g.in_arc().data();
  // A closed arc costs +inf, and "no cutoff" is +inf too: cap the cutoff at the largest finite
  // cost so that closed arcs are never taken (otherwise everything behind a closure would be
  // settled, "reached", at an infinite cost).
  const double cutoff = std::min(m_options.cutoff, std::numeric_limits<double>::max());
  while (!m_heap_key.empty()) {
    const HeapItem top = pop();
    const NodeId u = top.node;
    NodeState& su = m_state[u];
    su.pos = kSettled;
    m_settled.push_back(u);
    if (!on_settle(u, top.key)) {
      return;
    }
    const double other_u = su.other;
    const std::uint32_t source_u = su.source;
    const std::uint32_t end = offsets[u + 1];
    for (std::uint32_t i = offsets[u]; i < end; ++i) {
      const ArcId a = Backward ? in_arc[i] : i;
      double w = primary[a];
      if constexpr (WithOverlay) {
        w *= primary_factor[a];
      }
      const double c = top.key + w;
      if (!(c <= cutoff)) {
        continue;
      }
      double w2 = secondary[a];
      if constexpr (WithOverlay) {
        w2 *= secondary_factor[a];
      }
      // No "settled?" test: costs are non-negative, so a settled node's cost is <= top.key <= c
      // and relax() leaves it alone.
      relax(other_end[a], c, other_u + w2, a, source_u);
    }
  }
}

// relax, sift_up, sift_down and pop run once per arc or node: inline, so that the search loop
// is one function.

inline void Dijkstra::relax(NodeId v, double cost, double other, std::uint32_t parent,
                            std::uint32_t source) {
  NodeState& s = m_state[v];
  if (s.stamp != m_generation) {
    s = {cost, other, m_generation, static_cast<std::uint32_t>(m_heap_key.size()), parent, source};
    m_heap_key.push_back(cost);
    m_heap_node.push_back(v);
    sift_up(s.pos, {cost, v});
  } else if (cost < s.cost) {
    s.cost = cost;
    s.other = other;
    s.parent = parent;
    s.source = source;
    sift_up(s.pos, {cost, v});
  }
}

inline void Dijkstra::sift_up(std::uint32_t i, const HeapItem item) {
  double* key = m_heap_key.data();
  NodeId* node = m_heap_node.data();
  while (i > 0) {
    const std::uint32_t p = (i - 1) / kArity;
    if (!(item.key < key[p])) {
      break;
    }
    place(i, key[p], node[p]);
    i = p;
  }
  place(i, item.key, item.node);
}

inline void Dijkstra::sift_down(std::uint32_t i, const HeapItem item) {
  double* key = m_heap_key.data();
  NodeId* node = m_heap_node.data();
  const auto n = static_cast<std::uint32_t>(m_heap_key.size());
  while (true) {
    const std::uint32_t first = i * kArity + 1;
    if (first >= n) {
      break;
    }
    const std::uint32_t last = first + kArity < n ? first + kArity : n;
    std::uint32_t best = first;
    double best_key = key[first];
    for (std::uint32_t c = first + 1; c < last; ++c) {
      if (key[c] < best_key) {
        best = c;
        best_key = key[c];
      }
    }
    if (!(best_key < item.key)) {
      break;
    }
    place(i, best_key, node[best]);
    i = best;
  }
  place(i, item.key, item.node);
}

inline void Dijkstra::place(std::uint32_t i, double key, NodeId node) {
  m_heap_key[i] = key;
  m_heap_node[i] = node;
  m_state[node].pos = i;
}

inline Dijkstra::HeapItem Dijkstra::pop() {
  const HeapItem top{m_heap_key.front(), m_heap_node.front()};
  const HeapItem last{m_heap_key.back(), m_heap_node.back()};
  m_heap_key.pop_back();
  m_heap_node.pop_back();
  if (!m_heap_key.empty()) {
    sift_down(0, last);
  }
  return top;
}

}  // namespace caremap::routing
