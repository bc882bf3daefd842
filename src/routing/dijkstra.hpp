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
// Complexity: O((V + E) log V) per full run, with a 4-ary heap with decrease-key.

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
  bool reached(NodeId v) const { return m_stamp[v] == m_generation && m_pos[v] == kSettled; }
  /// Cost in the search metric; kUnreachable if not reached.
  double cost(NodeId v) const { return reached(v) ? m_cost[v] : kUnreachable; }
  double time_s(NodeId v) const {
    return !reached(v) ? kUnreachable : (m_options.metric == Metric::time ? m_cost[v] : m_other[v]);
  }
  double length_m(NodeId v) const {
    return !reached(v) ? kUnreachable
                       : (m_options.metric == Metric::distance ? m_cost[v] : m_other[v]);
  }
  /// The tag of the seed whose tree holds v (valid if reached).
  std::uint32_t source(NodeId v) const { return m_source[v]; }
  /// The arc by which v was reached (forward: arc into v; backward: arc out of v), or
  /// kSeedParent | seed index for a seed node (valid if reached).
  std::uint32_t parent(NodeId v) const { return m_parent[v]; }
  /// Settled nodes in the order they were settled.
  std::span<const NodeId> settled() const { return m_settled; }

  /// The tree path's arcs between the seed and a reached node, in travel direction (forward:
  /// seed -> v; backward: v -> seed), and the index of that seed.
  std::uint32_t tree_path(NodeId v, std::vector<ArcId>& arcs) const;

 private:
  static constexpr std::uint32_t kSettled = std::numeric_limits<std::uint32_t>::max();
  struct HeapItem {
    double key;
    NodeId node;
  };

  template <bool Backward, bool WithOverlay, class OnSettle>
  void search(OnSettle& on_settle);
  void start(std::span<const Link> seeds, const SearchOptions& options);
  void relax(NodeId v, double cost, double other, std::uint32_t parent, std::uint32_t source);
  void sift_up(std::uint32_t i);
  void sift_down(std::uint32_t i);
  HeapItem pop();

  const RoadGraph* m_graph;
  SearchOptions m_options;
  std::vector<Link> m_seeds;
  std::uint32_t m_generation = 0;
  std::vector<std::uint32_t> m_stamp;
  std::vector<double> m_cost;
  std::vector<double> m_other;
  std::vector<std::uint32_t> m_parent;
  std::vector<std::uint32_t> m_source;
  std::vector<std::uint32_t> m_pos;  ///< heap position, or kSettled
  std::vector<HeapItem> m_heap;
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
  const double cutoff = m_options.cutoff;
  while (!m_heap.empty()) {
    const HeapItem top = pop();
    const NodeId u = top.node;
    m_pos[u] = kSettled;
    m_settled.push_back(u);
    if (!on_settle(u, top.key)) {
      return;
    }
    const double other_u = m_other[u];
    const std::uint32_t source_u = m_source[u];
    for (std::uint32_t i = offsets[u]; i < offsets[u + 1]; ++i) {
      const ArcId a = Backward ? in_arc[i] : i;
      const NodeId v = other_end[a];
      double w = primary[a];
      double w2 = secondary[a];
      if constexpr (WithOverlay) {
        w *= primary_factor[a];
        w2 *= secondary_factor[a];
      }
      const double c = top.key + w;
      if (!(c <= cutoff)) {
        continue;
      }
      if (m_stamp[v] == m_generation && m_pos[v] == kSettled) {
        continue;
      }
      relax(v, c, other_u + w2, a, source_u);
    }
  }
}

}  // namespace caremap::routing
