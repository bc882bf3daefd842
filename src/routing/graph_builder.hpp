#pragma once
// Turns routable ways (node id lists with a WayRule) and node positions into a RoadGraph: the
// common back end of the OpenStreetMap reader and of the test fixtures.
//
// A node becomes a graph node when it ends a way or is shared by two ways (or appears twice in
// one); every way is cut at its graph nodes into segments that keep the shape points between
// them. Consecutive repeated node ids are dropped. A way that refers to a node without a
// position is cut there (diagnostic "missing_node_location", one per way), as happens at the
// border of an extract.
//
// Complexity: O(R log R) for R node references in routable ways.

#include <cstdint>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "routing/profile.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

class GraphBuilder {
 public:
  /// Declares a way. Ways with fewer than two distinct nodes are ignored.
  void add_way(std::int64_t way_id, std::span<const std::int64_t> nodes, const WayRule& rule);

  /// The node ids referenced by the ways so far, sorted and unique: the nodes whose positions
  /// build() needs.
  std::vector<std::int64_t> referenced_nodes() const;

  /// Sets the position of a node (working CRS). Ids not referenced by any way are ignored.
  /// Call after the last add_way: declaring a way afterwards forgets the positions.
  void set_node(std::int64_t node_id, core::XY position);

  /// Builds the graph; ways keep their declaration order, so the result is deterministic.
  /// Per-way problems go to `diagnostics` with the way id in the message.
  RoadGraph build(GraphInfo info, core::Diagnostics& diagnostics);

 private:
  struct Way {
    std::int64_t id = 0;
    std::uint32_t first_ref = 0;
    std::uint32_t ref_count = 0;
    WayRule rule;
  };
  std::vector<Way> m_ways;
  std::vector<std::int64_t> m_refs;
  // Filled by set_node, aligned with the sorted unique referenced ids (built lazily).
  std::vector<std::int64_t> m_node_ids;
  std::vector<core::XY> m_node_xy;
  std::vector<std::uint8_t> m_node_known;
  void prepare_nodes();
};

}  // namespace caremap::routing
