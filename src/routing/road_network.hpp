#pragma once
// A road graph together with its segment index and what the analyses need to know about it: what
// a travel time on it stands on (for provenance), the credit of its source, how places reach it
// (access legs) and the land its legs may cross. What the analyses, the CLI and the viewer hold
// (as std::shared_ptr<const RoadNetwork>). Not copyable or movable: the index points into the
// graph.

#include "core/lang.hpp"
#include "routing/access.hpp"
#include "routing/land_parts.hpp"
#include "routing/road_graph.hpp"
#include "routing/segment_index.hpp"

namespace caremap::routing {

/// How a network is described and reached. The defaults describe an OpenStreetMap street
/// network: free snaps, "road (<profile>, <file>)", © OpenStreetMap contributors.
struct NetworkDescription {
  AccessModel access;
  core::LocalText basis;  ///< empty = "道路（<profile>、<file>）" / "road (<profile>, <file>)"
  std::string credit;     ///< empty = "© OpenStreetMap contributors"
  std::vector<core::Polygon> land;  ///< land parts for legs (LandParts); empty = not checked
};

class RoadNetwork {
 public:
  /// Takes the graph and builds the index, O(P log P) for P shape pieces.
  explicit RoadNetwork(RoadGraph graph, NetworkDescription description = {})
      : m_graph(std::move(graph)),
        m_index(m_graph),
        m_access(description.access),
        m_basis(std::move(description.basis)),
        m_credit(std::move(description.credit)),
        m_land(std::move(description.land)) {}
  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;

  const RoadGraph& graph() const { return m_graph; }
  const SegmentIndex& index() const { return m_index; }
  const AccessModel& access() const { return m_access; }
  const core::LocalText& basis() const { return m_basis; }
  const std::string& credit() const { return m_credit; }
  const LandParts& land() const { return m_land; }

 private:
  RoadGraph m_graph;
  SegmentIndex m_index;
  AccessModel m_access;
  core::LocalText m_basis;
  std::string m_credit;
  LandParts m_land;
};

}  // namespace caremap::routing
