#pragma once
// Tiny road networks written as text, for tests. One statement per line, '#' starts a comment:
//
//   node A 0 0                     a named node at x = 0 m, y = 0 m (working CRS)
//   way 7 A B C speed=36           way id 7 through A, B, C at 36 km/h both ways
//   way 8 C D speed=72 oneway      one-way C -> D
//   way 9 D E speed=36 back=18     36 km/h D -> E, 18 km/h E -> D
//
// Speeds are km/h; 36 km/h = 10 m/s and 72 km/h = 20 m/s keep expected times exact. Lengths come
// from the coordinates. Node names map to OSM-style ids 1, 2, 3, ... in declaration order.
// Throws std::runtime_error with the line number for malformed input.

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "routing/road_graph.hpp"

namespace caremap::test {

struct RoadFixture {
  routing::RoadGraph graph;
  std::map<std::string, std::int64_t> ids;  ///< node name -> id

  /// The graph node of a named node; throws if the node is only a shape point.
  routing::NodeId node(const std::string& name) const;
  /// The segment of a way that starts at node `from` (first one found).
  routing::SegmentId segment_from(const std::string& from) const;
};

RoadFixture parse_road_fixture(const std::string& text);

}  // namespace caremap::test
