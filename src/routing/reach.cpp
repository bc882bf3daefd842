#include "routing/reach.hpp"

namespace caremap::routing {

ReachSearch::ReachSearch(const RoadGraph& graph) : m_search(graph), m_seed(1) {}

std::size_t ReachSearch::run(std::span<const Link> seeds, const ReachOptions& options,
                             std::vector<Reached>& out) {
  const std::size_t before = out.size();
  SearchOptions search;
  search.metric = options.metric;
  search.direction = options.direction;
  search.cutoff = options.limit;
  search.overlay = options.overlay;
  // Rows are written as nodes settle (in cost order), reading the parent and source that the
  // search fixed for the node at that moment: no second pass over the settled list.
  m_search.run(seeds, search, [&](NodeId v, double cost) {
    const std::uint32_t parent = m_search.parent(v);
    out.push_back(
        {v, (parent & Dijkstra::kSeedParent) != 0 ? kNone : parent, m_search.source(v), cost});
    return true;
  });
  return out.size() - before;
}

std::size_t ReachSearch::run_from(NodeId origin, std::uint32_t tag, const ReachOptions& options,
                                  std::vector<Reached>& out) {
  m_seed[0] = Link{origin, 0.0, 0.0, kNone, 0.0, tag};
  return run(m_seed, options, out);
}

std::vector<Reached> reached_within(const RoadGraph& graph, std::span<const Link> seeds,
                                    double limit, Metric metric, const Overlay* overlay,
                                    Direction direction) {
  ReachSearch search(graph);
  std::vector<Reached> out;
  search.run(seeds, {metric, direction, limit, overlay}, out);
  return out;
}

}  // namespace caremap::routing
