#pragma once
// "Which nodes are within this cost of the seeds?": every graph node whose network cost from
// (forward) or to (backward) the seeds is at most a limit, with that cost and the arc it was
// reached by. These are the rows pgRouting's pgr_drivingDistance returns (start, node, edge,
// agg_cost), without any geometry: the query for callers that need reached nodes only (and the
// like-for-like comparison with pgRouting in bench/routing). analysis::service_area does not use
// it: it needs the partly reached road pieces too, which it interpolates from its own Dijkstra.
//
// ReachSearch is the reusable query object (one per thread, like Dijkstra): it keeps one
// Dijkstra sized to the graph, so a run allocates nothing once `out` and the search have grown
// to the largest answer. reached_within() is the one-shot form.
//
// Units: cost in seconds (Metric::time) or metres (Metric::distance), with the overlay's
// factors applied (closed arcs are never used). Seeds carry their own start cost (Link::time_s
// or Link::length_m), so a snapped point part-way along a road starts at the cost of its link.
//
// Complexity: O((V' + E') log V') per run, V' and E' the nodes settled and arcs scanned, i.e.
// proportional to the answer, not to the graph (after the O(V) set-up of the query object).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "routing/dijkstra.hpp"
#include "routing/endpoint.hpp"
#include "routing/overlay.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

/// One reached node.
struct Reached {
  NodeId node = kNone;
  /// The last arc of the node's shortest path (forward: the arc into `node`; backward: the arc
  /// out of it), or kNone when `node` is reached at the cost of one of the seed links.
  ArcId pred_arc = kNone;
  /// The Link::tag of the seed whose tree holds the node (the nearest seed).
  std::uint32_t source = 0;
  /// Aggregate cost from (forward) or to (backward) the nearest seed, seconds or metres.
  double cost = 0.0;

  friend bool operator==(const Reached&, const Reached&) = default;
};

struct ReachOptions {
  Metric metric = Metric::distance;
  Direction direction = Direction::forward;
  /// Inclusive: nodes with cost <= limit are reached (seconds or metres, by metric).
  double limit = kUnreachable;
  const Overlay* overlay = nullptr;  ///< closures and slowdowns; null = none
};

class ReachSearch {
 public:
  explicit ReachSearch(const RoadGraph& graph);

  const RoadGraph& graph() const { return m_search.graph(); }

  /// Appends to `out` one Reached per node within options.limit of the seeds, in
  /// non-decreasing cost order (one tree for all seeds: each node once, from its nearest seed;
  /// seeds whose own cost exceeds the limit start nothing). Returns the number appended.
  std::size_t run(std::span<const Link> seeds, const ReachOptions& options,
                  std::vector<Reached>& out);

  /// As run() from the single graph node `origin` at cost 0, tagged `tag`.
  std::size_t run_from(NodeId origin, std::uint32_t tag, const ReachOptions& options,
                       std::vector<Reached>& out);

 private:
  Dijkstra m_search;
  std::vector<Link> m_seed;
};

/// One-shot form of ReachSearch::run (allocates a search: prefer ReachSearch in loops).
std::vector<Reached> reached_within(const RoadGraph& graph, std::span<const Link> seeds,
                                    double limit, Metric metric, const Overlay* overlay = nullptr,
                                    Direction direction = Direction::forward);

}  // namespace caremap::routing
