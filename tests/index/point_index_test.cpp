#include "index/point_index.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace caremap;
using core::FeatureId;
using core::XY;

namespace {

std::vector<index::PointIndex::Value> grid_points() {
  std::vector<index::PointIndex::Value> pts;
  std::uint32_t id = 0;
  for (int i = 0; i < 10; ++i) {
    for (int j = 0; j < 10; ++j) {
      pts.emplace_back(XY{i * 100.0, j * 100.0}, FeatureId{id++});
    }
  }
  return pts;
}

}  // namespace

TEST_CASE("nearest points come back nearest first with exact distances", "[index][point]") {
  const index::PointIndex idx(grid_points());
  REQUIRE(idx.size() == 100);
  const auto hits = idx.nearest(XY{130, 240}, 3);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].id == FeatureId{12});  // (100, 200)
  CHECK(hits[0].distance.value == Approx(std::hypot(30, 40)).margin(1e-9));
  CHECK(hits[1].distance <= hits[2].distance);
  CHECK(idx.nearest(XY{0, 0}, 1000).size() == 100);
  CHECK(idx.nearest_one(XY{950, 950})->id == FeatureId{99});
  CHECK_FALSE(index::PointIndex{}.nearest_one(XY{0, 0}).has_value());
}

TEST_CASE("nearest agrees with brute force on random points", "[index][point]") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-5000, 5000);
  std::vector<index::PointIndex::Value> pts;
  for (std::uint32_t i = 0; i < 2000; ++i) {
    pts.emplace_back(XY{u(rng), u(rng)}, FeatureId{i});
  }
  const index::PointIndex idx(pts);
  for (int q = 0; q < 200; ++q) {
    const XY p{u(rng), u(rng)};
    double best = 1e300;
    for (const auto& [xy, id] : pts) {
      best = std::min(best, std::hypot(xy.x - p.x, xy.y - p.y));
    }
    REQUIRE(idx.nearest_one(p)->distance.value == Approx(best).margin(1e-9));
  }
}

TEST_CASE("radius and box queries are inclusive", "[index][point]") {
  const index::PointIndex idx(grid_points());
  CHECK(idx.within(XY{0, 0}, core::Meters{100}).size() == 3);  // itself and two neighbours at 100 m
  CHECK(idx.within(XY{0, 0}, core::Meters{99.9}).size() == 1);
  CHECK(idx.in_box(core::Box{{0, 0}, {200, 100}}).size() == 6);
}

TEST_CASE("a layer's points are indexed by representative point", "[index][point]") {
  core::Layer l;
  l.features.push_back({XY{5, 5}, {}, core::Category::clinic, 1});
  l.features.push_back({core::Geometry{}, {}, core::Category::clinic, 2});  // no geometry: skipped
  l.features.push_back({XY{50, 5}, {}, core::Category::pharmacy, 3});
  const auto all = index::PointIndex::of_layer(l);
  CHECK(all.size() == 2);
  const auto clinics = index::PointIndex::of_layer(
      l, [](const core::Feature& f) { return f.category == core::Category::clinic; });
  REQUIRE(clinics.size() == 1);
  CHECK(clinics.nearest_one(XY{60, 5})->id == FeatureId{0});
}
