#include "analysis/pgrouting_tables.hpp"

#include "analysis/network_sites.hpp"

namespace caremap::analysis {

namespace {

// pgRouting's mark for a direction that cannot be travelled: any negative cost.
constexpr double kClosed = -1.0;

core::Provenance table_provenance(const routing::RoadNetwork& network, const char* table) {
  core::Provenance p;
  p.operation = "pgrouting export";
  p.param("table", table);
  if (std::string_view(table) == "edges") {
    p.param("cost", "seconds (reverse_cost -1: closed, one-way)");
  }
  add_network_provenance(p, network, routing::Metric::time, nullptr);
  return p;
}

double arc_cost(const routing::RoadGraph& g, routing::ArcId a) {
  return a == routing::kNone ? kClosed : g.time_s()[a];
}

}  // namespace

PgRoutingTables pgrouting_tables(const routing::RoadNetwork& network, const std::string& crs) {
  const routing::RoadGraph& g = network.graph();
  const auto id = [](std::uint32_t index) {
    return core::FieldValue{static_cast<std::int64_t>(index) + 1};
  };

  auto edges = std::make_shared<core::Layer>();
  edges->id = "edges";
  edges->title = "pgRouting edges";
  edges->category = core::Category::road;
  edges->crs = crs;
  edges->fields = {{"id", core::FieldType::integer},        {"source", core::FieldType::integer},
                   {"target", core::FieldType::integer},    {"cost", core::FieldType::real},
                   {"reverse_cost", core::FieldType::real}, {"length_m", core::FieldType::real},
                   {"way_id", core::FieldType::integer}};
  edges->features.reserve(g.segment_count());
  for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
    const auto points = g.segment_points(s);
    core::Feature f;
    f.geometry = core::LineString(points.begin(), points.end());
    f.values = {id(s),
                id(g.segment_from(s)),
                id(g.segment_to(s)),
                core::FieldValue{arc_cost(g, g.segment_forward_arc(s))},
                core::FieldValue{arc_cost(g, g.segment_backward_arc(s))},
                core::FieldValue{g.segment_length_m(s)},
                core::FieldValue{g.segment_way_id(s)}};
    f.category = core::Category::road;
    f.source_row = s + 1;
    edges->features.push_back(std::move(f));
  }
  edges->provenance = table_provenance(network, "edges");

  auto vertices = std::make_shared<core::Layer>();
  vertices->id = "vertices";
  vertices->title = "pgRouting vertices";
  vertices->category = core::Category::road;
  vertices->crs = crs;
  vertices->fields = {{"id", core::FieldType::integer}, {"osm_id", core::FieldType::integer}};
  vertices->features.reserve(g.node_count());
  for (routing::NodeId v = 0; v < g.node_count(); ++v) {
    core::Feature f;
    f.geometry = g.node_xy(v);
    f.values = {id(v), core::FieldValue{g.node_osm_id(v)}};
    f.category = core::Category::road;
    f.source_row = v + 1;
    vertices->features.push_back(std::move(f));
  }
  vertices->provenance = table_provenance(network, "vertices");
  return {std::move(edges), std::move(vertices)};
}

}  // namespace caremap::analysis
