#include "index/layer_index.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using core::FeatureId;
using core::XY;

namespace {

core::Polygon rect(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  for (XY v : {XY{x0, y0}, XY{x0, y1}, XY{x1, y1}, XY{x1, y0}, XY{x0, y0}}) {
    core::bg::append(p.outer(), v);
  }
  return p;
}

core::Layer cities() {
  core::Layer l;
  l.category = core::Category::boundary;
  l.features.push_back({rect(0, 0, 100, 100), {}, core::Category::boundary, 1});
  l.features.push_back({core::MultiPolygon{rect(100, 0, 200, 100), rect(500, 500, 510, 510)},
                        {},
                        core::Category::boundary,
                        2});
  l.features.push_back({core::LineString{{0, 300}, {200, 300}}, {}, core::Category::road, 3});
  return l;
}

}  // namespace

TEST_CASE("point in polygon lookups are exact, boundaries shared", "[index][layer]") {
  const core::Layer l = cities();
  const index::LayerIndex idx(l);
  CHECK(idx.containing(l, XY{50, 50}) == std::vector<FeatureId>{FeatureId{0}});
  CHECK(idx.containing(l, XY{505, 505}) == std::vector<FeatureId>{FeatureId{1}});
  CHECK(idx.containing(l, XY{100, 50}) == std::vector<FeatureId>{FeatureId{0}, FeatureId{1}});
  CHECK(idx.containing(l, XY{300, 300}).empty());  // inside the multipolygon's box, outside it
}

TEST_CASE("nearest feature by exact geometry distance", "[index][layer]") {
  const core::Layer l = cities();
  const index::LayerIndex idx(l);
  const auto to_line = idx.nearest(l, XY{150, 280}, core::Meters{100});
  REQUIRE(to_line);
  CHECK(to_line->id == FeatureId{2});
  CHECK(to_line->distance.value == Approx(20.0));
  const auto inside = idx.nearest(l, XY{50, 50}, core::Meters{10});
  REQUIRE(inside);
  CHECK(inside->distance.value == 0.0);
  CHECK_FALSE(idx.nearest(l, XY{1000, 1000}, core::Meters{100}).has_value());
  CHECK(idx.candidates(core::Box{{0, 250}, {10, 350}}).size() == 1);
}
