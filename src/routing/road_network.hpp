#pragma once
// A road graph together with its segment index: what the network analyses, the CLI and the
// viewer hold (as std::shared_ptr<const RoadNetwork>). Not copyable or movable, because the
// index points into the graph.

#include "routing/road_graph.hpp"
#include "routing/segment_index.hpp"

namespace caremap::routing {

class RoadNetwork {
 public:
  /// Takes the graph and builds the index, O(P log P) for P shape pieces.
  explicit RoadNetwork(RoadGraph graph) : m_graph(std::move(graph)), m_index(m_graph) {}
  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;

  const RoadGraph& graph() const { return m_graph; }
  const SegmentIndex& index() const { return m_index; }

 private:
  RoadGraph m_graph;
  SegmentIndex m_index;
};

}  // namespace caremap::routing
