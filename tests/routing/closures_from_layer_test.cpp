#include "routing/closures_from_layer.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using namespace caremap::routing;
using Kind = ClosureFeature::Kind;

namespace {

core::Polygon square(double x0, double y0, double side) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y0 + side}, {x0 + side, y0 + side}, {x0 + side, y0}, {x0, y0}};
  return p;
}

// A closures layer as a planner's file arrives: a factor and a way-id column, either may be empty.
core::Layer closures_layer() {
  core::Layer layer;
  layer.id = "closures";
  const std::size_t factor = layer.add_field("factor", core::FieldType::real);
  const std::size_t way = layer.add_field("way_id", core::FieldType::integer);
  auto add = [&](core::Geometry g, core::FieldValue f, core::FieldValue w) {
    core::Feature feature;
    feature.geometry = std::move(g);
    feature.values.resize(layer.fields.size());
    feature.values[factor] = std::move(f);
    feature.values[way] = std::move(w);
    feature.source_row = layer.features.size() + 1;
    layer.features.push_back(std::move(feature));
  };
  add(square(0, 0, 100), {}, {});                     // 1 flood zone
  add(square(0, 0, 100), core::FieldValue{2.0}, {});  // 2 half speed
  add(square(0, 0, 100), core::FieldValue{2.0}, core::FieldValue{std::int64_t{77}});  // 3 way wins
  add(square(0, 0, 100), core::FieldValue{-1.0}, {});  // 4 bad factor
  add(core::XY{5, 5}, core::FieldValue{2.0}, {});      // 5 factor on a point
  add(core::LineString{{0, 0}, {10, 0}}, {}, {});      // 6 a cut bridge
  add(core::Geometry{}, {}, {});                       // 7 nothing
  return layer;
}

}  // namespace

TEST_CASE("closure rules: a way id wins, factors need polygons and positive values",
          "[routing][closures]") {
  const core::Layer layer = closures_layer();
  const ClosureRules rules(layer);
  std::vector<Kind> kinds;
  for (const core::Feature& f : layer.features) {
    kinds.push_back(rules.classify(f).kind);
  }
  CHECK(kinds == std::vector<Kind>{Kind::barrier, Kind::slowdown, Kind::way, Kind::ignored,
                                   Kind::ignored, Kind::barrier, Kind::ignored});
  CHECK(rules.classify(layer.features[1]).factor == 2.0);
  CHECK(rules.classify(layer.features[2]).way_id == 77);

  // closures_from_layer applies exactly these kinds and reports the ignored ones by row.
  core::Diagnostics d;
  const Closures c = closures_from_layer(layer, d);
  CHECK(c.barriers.size() == 2);
  REQUIRE(c.slowdowns.size() == 1);
  CHECK(c.slowdowns[0].factor == 2.0);
  CHECK(c.closed_ways == std::vector<std::int64_t>{77});
  CHECK(d.count("closure_ignored") == 3);
  std::vector<std::size_t> rows;
  for (const core::Diagnostic& x : d.items()) {
    rows.push_back(x.row.value_or(0));
  }
  CHECK(rows == std::vector<std::size_t>{4, 5, 7});
}
