#include "routing/line_graph.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/error.hpp"

using namespace caremap;
using namespace caremap::routing;

namespace {

// A hand-drawn road layer: lines in metres with a class and optional one-way / node fields.
struct Road {
  Road(core::LineString l, std::string c = "national", std::string o = "", std::int64_t f = 0,
       std::int64_t t = 0)
      : line(std::move(l)), cls(std::move(c)), oneway(std::move(o)), from(f), to(t) {}
  core::LineString line;
  std::string cls;
  std::string oneway;
  std::int64_t from;
  std::int64_t to;
};

core::Layer road_layer(const std::vector<Road>& roads) {
  core::Layer layer;
  layer.id = "roads";
  layer.crs = "EPSG:6670";
  layer.add_field("road_class", core::FieldType::text);
  layer.add_field("oneway", core::FieldType::text);
  layer.add_field("from_node", core::FieldType::integer);
  layer.add_field("to_node", core::FieldType::integer);
  core::SourceRef src;
  src.path = "drawn_roads.geojson";
  layer.provenance.inputs.push_back(src);
  for (const Road& r : roads) {
    core::Feature f;
    f.geometry = r.line;
    f.values = {r.cls, r.oneway, r.from ? core::FieldValue{r.from} : core::FieldValue{},
                r.to ? core::FieldValue{r.to} : core::FieldValue{}};
    f.source_row = layer.features.size() + 1;
    layer.features.push_back(std::move(f));
  }
  return layer;
}

LineProfile profile(double tolerance_m = 1.0) {
  LineProfile p;
  p.name = "drawn";
  p.class_field = "road_class";
  p.class_speeds_kmh = {{"national", 36.0}, {"expressway", 72.0}};  // 10 and 20 m/s
  p.oneway_field = "oneway";
  p.snap_tolerance_m = tolerance_m;
  return p;
}

LineGraph build(const std::vector<Road>& roads, const LineProfile& p) {
  core::Diagnostics d;
  return build_line_graph(road_layer(roads), p, GraphInfo{"drawn_roads.geojson", p.name, 0, "", {}},
                          d);
}

std::size_t degree(const RoadGraph& g, core::XY at) {
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (std::hypot(g.node_xy(v).x - at.x, g.node_xy(v).y - at.y) < 1.0) {
      return g.first_out()[v + 1] - g.first_out()[v];
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("lines crossing without a shared vertex do not connect (an overpass)", "[line_graph]") {
  const LineGraph lg = build({{{{0, 0}, {200, 0}}}, {{{100, -100}, {100, 100}}}}, profile());
  CHECK(lg.graph.node_count() == 4);
  CHECK(lg.graph.segment_count() == 2);
  CHECK(lg.stats.t_junctions == 0);
  CHECK(lg.stats.merged_vertices == 0);
}

TEST_CASE("lines sharing a vertex connect there", "[line_graph]") {
  const LineGraph lg =
      build({{{{0, 0}, {100, 0}, {200, 0}}}, {{{100, -100}, {100, 0}, {100, 100}}}}, profile());
  CHECK(lg.graph.node_count() == 5);
  CHECK(lg.graph.segment_count() == 4);
  CHECK(degree(lg.graph, {100, 0}) == 4);
}

TEST_CASE("a line end on another line's interior within the tolerance splits it", "[line_graph]") {
  const std::vector<Road> roads{{{{0, 0}, {200, 0}}}, {{{100, 0.6}, {100, 100}}}};
  const LineGraph joined = build(roads, profile(1.0));
  CHECK(joined.stats.t_junctions == 1);
  CHECK(joined.graph.node_count() == 4);
  CHECK(joined.graph.segment_count() == 3);
  CHECK(degree(joined.graph, {100, 0.6}) == 3);
  // Each half of the split line is 100 m (to within the 0.6 m offset) at 10 m/s.
  for (ArcId a = 0; a < joined.graph.arc_count(); ++a) {
    CHECK(joined.graph.time_s()[a] == Approx(joined.graph.length_m()[a] / 10.0));
    CHECK(joined.graph.length_m()[a] == Approx(100.0).margin(0.61));
  }
  // Beyond the tolerance the end stays loose.
  const LineGraph loose = build(roads, profile(0.5));
  CHECK(loose.stats.t_junctions == 0);
  CHECK(loose.graph.segment_count() == 2);
}

TEST_CASE("vertices within the tolerance merge, and the merge is counted", "[line_graph]") {
  const LineGraph lg = build({{{{0, 0}, {100, 0}}}, {{{100.4, 0.3}, {200, 0}}}}, profile(1.0));
  CHECK(lg.stats.merged_vertices == 1);
  CHECK(lg.graph.node_count() == 3);
  CHECK(degree(lg.graph, {100, 0}) == 2);
  const LineGraph apart = build({{{{0, 0}, {100, 0}}}, {{{101.5, 0}, {200, 0}}}}, profile(1.0));
  CHECK(apart.stats.merged_vertices == 0);
  CHECK(apart.graph.node_count() == 4);
}

TEST_CASE("from/to node fields join line ends with the same id", "[line_graph]") {
  LineProfile p = profile(1.0);
  p.from_node_field = "from_node";
  p.to_node_field = "to_node";
  const LineGraph lg = build(
      {{{{0, 0}, {100, 0}}, "national", "", 1, 2}, {{{105, 0}, {200, 0}}, "national", "", 2, 3}},
      p);
  CHECK(lg.stats.node_field_joins == 1);
  CHECK(lg.graph.node_count() == 3);
}

// Found by fuzz_line_layer (fuzz/corpus/line_layer/crash-huge-node-id.txt): a node id far beyond
// an integer's range was converted unchecked, which is undefined behaviour.
TEST_CASE("node ids that are not whole numbers are reported; those ends join by position",
          "[line_graph]") {
  LineProfile p = profile(1.0);
  p.from_node_field = "from_node";
  p.to_node_field = "to_node";
  core::Layer layer = road_layer(
      {{{{0, 0}, {100, 0}}, "national", "", 1, 2}, {{{105, 0}, {200, 0}}, "national", "", 2, 3}});
  layer.features[0].values[3] = core::FieldValue{1.8e90};              // to_node of row 1
  layer.features[1].values[2] = core::FieldValue{std::string("2.5")};  // from_node of row 2
  core::Diagnostics d;
  const LineGraph lg =
      build_line_graph(layer, p, GraphInfo{"drawn_roads.geojson", p.name, 0, "", {}}, d);
  // Neither id joins the two ends 5 m apart (the tolerance is 1 m): two separate lines.
  CHECK(lg.stats.node_field_joins == 0);
  CHECK(lg.graph.node_count() == 4);
  CHECK(d.count("unusable_node_id") == 2);
  const auto& first = d.items().front();
  CHECK(first.row == std::optional<std::size_t>(1));
  CHECK(first.field == "to_node");
  CHECK(first.file == "drawn_roads.geojson");
}

TEST_CASE("a graph from the cache reports the statistics of its build", "[line_graph][cache]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("caremap-line-graph-test-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const fs::path source = dir / "roads.geojson";  // the key's file: its size and time
  std::ofstream(source) << "{}\n";
  // A merged vertex at (100, 0) and a T-junction where the third line ends on the first.
  const std::vector<Road> roads{
      {{{0, 0}, {100, 0}}}, {{{100.4, 0.3}, {200, 0}}}, {{{50, 80}, {50, 0.5}}}};
  CacheOptions options;
  options.path = dir / "roads.drawn.caremap-graph";
  options.crs = "EPSG:6670";
  core::Diagnostics d;
  const auto read = [&] { return road_layer(roads); };
  const LoadedLineGraph built = load_or_build_line_graph(source, profile(1.0), read, options, d);
  REQUIRE_FALSE(built.from_cache);
  CHECK(built.built.stats.merged_vertices == 1);
  CHECK(built.built.stats.t_junctions == 1);
  CHECK(built.built.graph.info().line_stats == built.built.stats);
  const LoadedLineGraph cached = load_or_build_line_graph(source, profile(1.0), read, options, d);
  REQUIRE(cached.from_cache);
  CHECK(cached.built.stats == built.built.stats);
  CHECK(cached.built.graph.info() == built.built.graph.info());

  // A cache of the format before the statistics is rebuilt, not misread.
  CacheKey old = cache_key_for(source, line_profile_hash(profile(1.0)), options.crs);
  old.format_version = kGraphCacheVersion - 1;
  write_graph_cache(built.built.graph, old, options.path);
  const LoadedLineGraph rebuilt = load_or_build_line_graph(source, profile(1.0), read, options, d);
  CHECK_FALSE(rebuilt.from_cache);
  CHECK(rebuilt.built.stats == built.built.stats);
  CHECK(d.count("graph_cache_invalid") == 0);
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

TEST_CASE("a one-way field closes one direction", "[line_graph]") {
  const LineGraph lg = build({{{{0, 0}, {100, 0}}, "expressway", "1"},
                              {{{0, 50}, {100, 50}}, "national", "-1"},
                              {{{0, 90}, {100, 90}}, "national", ""}},
                             profile());
  REQUIRE(lg.graph.segment_count() == 3);
  CHECK(lg.graph.arc_count() == 4);
  CHECK(lg.graph.segment_forward_arc(0) != kNone);
  CHECK(lg.graph.segment_backward_arc(0) == kNone);
  CHECK(lg.graph.time_s()[lg.graph.segment_forward_arc(0)] == Approx(5.0));  // 100 m at 20 m/s
  CHECK(lg.graph.segment_forward_arc(1) == kNone);
  CHECK(lg.graph.segment_backward_arc(1) != kNone);
}

TEST_CASE("a class with no speed in the profile is an input error naming it", "[line_graph]") {
  try {
    build({{{{0, 0}, {100, 0}}}, {{{0, 50}, {100, 50}}, "municipal"}}, profile());
    FAIL("no error");
  } catch (const core::InputError& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("'municipal'"));
    CHECK_THAT(what, Catch::Contains("drawn_roads.geojson"));
    CHECK(e.context().row == std::optional<std::size_t>(2));
  }
}

TEST_CASE("a line-layer profile reads from JSON and rejects bad values", "[line_graph]") {
  const LineProfile p = line_profile_from_json(R"({"kind": "line_layer", "name": "n01",
      "class_field": "road_class", "class_speeds_kmh": {"national": 38.5},
      "access": {"speed_kmh": 20, "detour_factor": 1.3, "direct_legs": true}})");
  CHECK(p.class_speeds_kmh.at("national") == 38.5);
  CHECK(p.access.speed_kmh == 20.0);
  CHECK(p.access.direct_legs);
  CHECK(p.snap_tolerance_m == 1.0);
  CHECK(is_line_profile_json(R"({"kind": "line_layer"})"));
  CHECK_FALSE(is_line_profile_json(R"({"name": "car"})"));
  CHECK_THROWS_AS(line_profile_from_json(R"({"name": "x", "class_field": "c",
      "class_speeds_kmh": {"a": 0}})"),
                  core::InputError);
  CHECK_THROWS_AS(line_profile_from_json(R"({"name": "x", "class_field": "c",
      "access": {"speed_kmh": 20, "detour_factor": 0.5}})"),
                  core::InputError);
}
