#pragma once
// Many-target searches: from one root endpoint, the cost to every target endpoint, or only to
// the k cheapest (the search stops as soon as they are known). The engine of the OD matrix and
// of nearest-facility-by-time; one TargetSearch per thread, reused for every root.
//
// A forward search (Direction::forward) measures root -> target (a nurse leaving the clinic
// for each patient); a backward search measures target -> root over the same one-way streets
// (each patient travelling to the hospital), still with one search per root. Targets on the
// root's own segment are also reached directly along it (direct_link), which a node-based
// reading would miss.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "routing/dijkstra.hpp"
#include "routing/endpoint.hpp"
#include "routing/route.hpp"

namespace caremap::routing {

/// The links of a fixed set of target endpoints, grouped by graph node and by segment.
class TargetSet {
 public:
  /// A target that is nullopt (not snapped) is never reached. O(T log T).
  TargetSet(const RoadGraph& graph, std::span<const std::optional<Endpoint>> targets,
            Direction direction, const Overlay* overlay);

  std::size_t size() const { return m_targets.size(); }
  Direction direction() const { return m_direction; }
  const Overlay* overlay() const { return m_overlay; }
  const std::optional<Endpoint>& target(std::uint32_t t) const { return m_targets[t]; }
  /// Links of target t (Link::tag = t).
  std::span<const Link> links(std::uint32_t t) const {
    return std::span<const Link>(m_links).subspan(m_first_link[t],
                                                  m_first_link[t + 1] - m_first_link[t]);
  }
  /// Indexes into the link array of the links at graph node v.
  std::span<const std::uint32_t> links_at(NodeId v) const {
    return std::span<const std::uint32_t>(m_node_links)
        .subspan(m_node_first[v], m_node_first[v + 1] - m_node_first[v]);
  }
  const Link& link(std::uint32_t i) const { return m_links[i]; }
  /// Targets lying inside segment s (not at a node).
  std::span<const std::uint32_t> targets_on(SegmentId s) const;

 private:
  Direction m_direction;
  const Overlay* m_overlay;
  std::vector<std::optional<Endpoint>> m_targets;
  std::vector<Link> m_links;
  std::vector<std::uint32_t> m_first_link;
  std::vector<std::uint32_t> m_node_first;
  std::vector<std::uint32_t> m_node_links;
  std::vector<std::pair<SegmentId, std::uint32_t>> m_on_segment;  ///< sorted
  std::vector<std::uint32_t> m_on_segment_targets;
};

/// One target reached from the root.
struct TargetHit {
  std::uint32_t target = 0;
  double cost = kUnreachable;  ///< in the search metric
  double time_s = kUnreachable;
  double length_m = kUnreachable;
  Link link;            ///< the target's link used (or the direct link)
  bool direct = false;  ///< reached along the root's own segment
};

class TargetSearch {
 public:
  TargetSearch(const RoadGraph& graph, const TargetSet& targets);

  /// The cheapest `k` targets reachable within options.cutoff (k = 0: every reachable target),
  /// cheapest first, ties by target number. options.direction and overlay are taken from the
  /// TargetSet. The span stays valid until the next run. O(search) per call.
  std::span<const TargetHit> run(const Endpoint& root, std::size_t k, SearchOptions options);

  /// The route of a hit of the last run, in travel direction (forward: root -> target;
  /// backward: target -> root), following the road shapes.
  Route route(const TargetHit& hit) const;

  const Dijkstra& dijkstra() const { return m_query; }

 private:
  void offer(std::uint32_t target, double cost, double time_s, double length_m, const Link& link,
             bool direct);

  const RoadGraph* m_graph;
  const TargetSet* m_targets;
  Dijkstra m_query;
  Endpoint m_root;
  std::vector<Link> m_seeds;
  std::uint32_t m_generation = 0;
  std::vector<std::uint32_t> m_stamp;  ///< per target: offered in this run
  std::vector<TargetHit> m_best;       ///< per target
  std::vector<std::uint32_t> m_touched;
  std::vector<double> m_kth;  ///< scratch for the k-th best cost
  std::vector<TargetHit> m_hits;
};

}  // namespace caremap::routing
