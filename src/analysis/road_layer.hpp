#pragma once
// The display layer of a road network: every segment of the graph as a line, for the viewer's
// map and the print layouts, with the network's credit and basis in its provenance (so a map
// that shows the roads lists the credit they require).

#include <string>

#include "core/layer.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

/// Every segment of `network` as a LineString (category road) with fields way_id and speed_kmh
/// (the faster direction's speed). `crs` is the graph's working CRS; `source` the file the
/// network was read from, with its data date where known (io::road_source), recorded in the
/// provenance as layer `id` with the network's credit ("© OpenStreetMap contributors" when it
/// names none). O(segments + shape points).
core::LayerPtr road_layer(const routing::RoadNetwork& network, const std::string& id,
                          const std::string& crs, const std::string& title, core::SourceRef source);

}  // namespace caremap::analysis
