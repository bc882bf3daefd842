#include "index/coherent_nearest.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace caremap;
using core::FeatureId;
using core::XY;

namespace {

// The exact answer by brute force: the k smallest (distance, id).
std::vector<index::NearestHit> brute_force(const std::vector<index::PointIndex::Value>& pts, XY p,
                                           std::size_t k) {
  std::vector<index::NearestHit> all;
  for (const auto& [xy, id] : pts) {
    all.push_back({id, core::Meters{std::hypot(xy.x - p.x, xy.y - p.y)}});
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.distance < b.distance || (a.distance == b.distance && a.id < b.id);
  });
  all.resize(std::min(k, all.size()));
  return all;
}

}  // namespace

TEST_CASE("coherent nearest equals brute force along a walk and after jumps", "[index][coherent]") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0, 10000);
  std::vector<index::PointIndex::Value> pts;
  for (std::uint32_t i = 0; i < 3000; ++i) {
    pts.emplace_back(XY{u(rng), u(rng)}, FeatureId{i});
  }
  const index::PointIndex idx(pts);
  for (std::size_t k : {1u, 3u, 8u}) {
    index::CoherentNearest search(idx);
    std::vector<index::NearestHit> got;
    XY p{5000, 5000};
    // Steps well below the point spacing (about 180 m), like Hilbert-ordered demand points.
    std::normal_distribution<double> step(0, 15);
    for (int q = 0; q < 600; ++q) {
      // Mostly small steps (warm), every 50th a jump across the map (cold).
      p = q % 50 == 49 ? XY{u(rng), u(rng)} : XY{p.x + step(rng), p.y + step(rng)};
      search.nearest(p, k, got);
      const auto want = brute_force(pts, p, k);
      REQUIRE(got.size() == want.size());
      for (std::size_t r = 0; r < want.size(); ++r) {
        REQUIRE(got[r].id == want[r].id);
        REQUIRE(got[r].distance.value == Approx(want[r].distance.value).margin(1e-9));
      }
    }
    INFO("k = " << k);
    // Both paths were exercised and checked above; on a coherent walk the bound is usually good.
    CHECK(search.cold_queries() >= 12);
    CHECK(search.warm_queries() > search.cold_queries());
  }
}

TEST_CASE("ties at the k-th distance go to the smaller id in any visiting order",
          "[index][coherent]") {
  // Four points on a circle of radius 100 around the origin, inserted in scrambled id order.
  std::vector<index::PointIndex::Value> pts{{XY{0, 100}, FeatureId{7}},
                                            {XY{100, 0}, FeatureId{3}},
                                            {XY{0, -100}, FeatureId{1}},
                                            {XY{-100, 0}, FeatureId{9}},
                                            {XY{500, 500}, FeatureId{0}}};
  const index::PointIndex idx(pts);
  index::CoherentNearest search(idx);
  std::vector<index::NearestHit> got;
  search.nearest(XY{400, 400}, 1, got);  // warm-up elsewhere: the next query starts warm
  search.nearest(XY{0, 0}, 2, got);
  REQUIRE(got.size() == 2);
  CHECK(got[0].id == FeatureId{1});
  CHECK(got[1].id == FeatureId{3});
  search.nearest(XY{0, 0}, 2, got);  // and warm from itself
  CHECK(got[0].id == FeatureId{1});
  CHECK(got[1].id == FeatureId{3});
  search.nearest(XY{0, 0}, 10, got);
  CHECK(got.size() == 5);
  index::CoherentNearest empty(index::PointIndex{});
  (void)empty;
}
