#pragma once
// What a planner checks first on a new network: how many connected pieces it has (an isolated
// piece is a road no route can use, or data that failed to join), their sizes, and the dead ends
// (nodes on a single segment). Connectivity ignores direction (one-way streets still join).
// O(nodes + segments).

#include <cstddef>
#include <vector>

#include "routing/road_graph.hpp"

namespace caremap::routing {

struct GraphComponent {
  std::size_t nodes = 0;
  std::size_t segments = 0;
  double length_m = 0.0;
};

struct GraphStats {
  std::vector<GraphComponent> components;  ///< largest first
  std::size_t dead_ends = 0;               ///< nodes that end exactly one segment
};

GraphStats graph_stats(const RoadGraph& graph);

}  // namespace caremap::routing
