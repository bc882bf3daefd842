#include "analysis/road_layer.hpp"

#include <algorithm>

#include "analysis/network_sites.hpp"

namespace caremap::analysis {

namespace {

// The same line analysis::add_network_provenance writes, so map credits list it once.
constexpr const char* kOsmCredit = "© OpenStreetMap contributors";

}  // namespace

core::LayerPtr road_layer(const routing::RoadNetwork& network, const std::string& id,
                          const std::string& crs, const std::string& title,
                          core::SourceRef source) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = id;
  layer->title = title;
  layer->category = core::Category::road;
  layer->crs = crs;
  layer->fields = {core::Field{"way_id", core::FieldType::integer},
                   core::Field{"speed_kmh", core::FieldType::real}};
  const routing::RoadGraph& g = network.graph();
  layer->features.reserve(g.segment_count());
  for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
    const auto pts = g.segment_points(s);
    core::Feature f;
    f.geometry = core::LineString(pts.begin(), pts.end());
    // The faster direction's speed: the road's class on a line layer (trunk roads by class).
    double speed_kmh = 0.0;
    for (const routing::ArcId a : {g.segment_forward_arc(s), g.segment_backward_arc(s)}) {
      if (a != routing::kNone && g.time_s()[a] > 0.0) {
        speed_kmh = std::max(speed_kmh, 3.6 * g.length_m()[a] / g.time_s()[a]);
      }
    }
    f.values = {core::FieldValue{g.segment_way_id(s)}, core::FieldValue{speed_kmh}};
    f.category = core::Category::road;
    layer->features.push_back(std::move(f));
  }
  layer->provenance.operation = "road network";
  layer->provenance.param("profile", g.info().profile);
  layer->provenance.basis.distance = network_distance_basis(network);
  source.layer = id;
  source.credit = network.credit().empty() ? std::string(kOsmCredit) : network.credit();
  layer->provenance.inputs.push_back(std::move(source));
  return layer;
}

}  // namespace caremap::analysis
