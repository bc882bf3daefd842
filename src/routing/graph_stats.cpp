#include "routing/graph_stats.hpp"

#include <algorithm>
#include <numeric>

namespace caremap::routing {

GraphStats graph_stats(const RoadGraph& g) {
  const std::uint32_t n = g.node_count();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0U);
  const auto find = [&parent](std::uint32_t v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  std::vector<std::uint32_t> degree(n, 0);
  for (SegmentId s = 0; s < g.segment_count(); ++s) {
    const NodeId a = g.segment_from(s);
    const NodeId b = g.segment_to(s);
    ++degree[a];
    ++degree[b];
    const auto ra = find(a);
    const auto rb = find(b);
    if (ra != rb) {
      parent[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  std::vector<std::size_t> slot(n, static_cast<std::size_t>(-1));
  GraphStats out;
  for (NodeId v = 0; v < n; ++v) {
    const auto r = find(v);
    if (slot[r] == static_cast<std::size_t>(-1)) {
      slot[r] = out.components.size();
      out.components.push_back({});
    }
    ++out.components[slot[r]].nodes;
    if (degree[v] == 1) {
      ++out.dead_ends;
    }
  }
  for (SegmentId s = 0; s < g.segment_count(); ++s) {
    GraphComponent& c = out.components[slot[find(g.segment_from(s))]];
    ++c.segments;
    c.length_m += g.segment_length_m(s);
  }
  std::stable_sort(out.components.begin(), out.components.end(),
                   [](const GraphComponent& a, const GraphComponent& b) {
                     return a.nodes != b.nodes ? a.nodes > b.nodes : a.length_m > b.length_m;
                   });
  return out;
}

}  // namespace caremap::routing
