#include "analysis/hilbert_order.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

using namespace caremap;

TEST_CASE("the Hilbert key walks a block cell by cell", "[analysis][hilbert]") {
  // The first 4^6 positions of the curve fill the 64 x 64 block at the origin, and consecutive
  // positions are edge neighbours.
  std::vector<std::pair<std::uint64_t, std::pair<int, int>>> keyed;
  for (int x = 0; x < 64; ++x) {
    for (int y = 0; y < 64; ++y) {
      keyed.push_back({analysis::hilbert_key(x, y), {x, y}});
    }
  }
  std::sort(keyed.begin(), keyed.end());
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    CHECK(keyed[i].first == i);
    if (i > 0) {
      const auto [x0, y0] = keyed[i - 1].second;
      const auto [x1, y1] = keyed[i].second;
      CHECK(std::abs(x1 - x0) + std::abs(y1 - y0) == 1);
    }
  }
}

TEST_CASE("hilbert_order is a permutation that keeps neighbours together", "[analysis][hilbert]") {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 100'000);
  std::vector<core::XY> pts(5000);
  for (auto& p : pts) {
    p = {u(rng), u(rng)};
  }
  const auto order = analysis::hilbert_order(pts);
  CHECK(std::set<std::uint32_t>(order.begin(), order.end()).size() == pts.size());
  double walk_input = 0;
  double walk_sorted = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    walk_input += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    const auto& a = pts[order[i - 1]];
    const auto& b = pts[order[i]];
    walk_sorted += std::hypot(a.x - b.x, a.y - b.y);
  }
  // A random tour of n points in a square is about 0.52 side * n long; the Hilbert tour about
  // 0.92 side * sqrt(n): more than ten times shorter here.
  CHECK(walk_sorted * 10 < walk_input);
  CHECK(analysis::hilbert_order({}).empty());
  const std::vector<core::XY> same(3, core::XY{1, 1});
  CHECK(analysis::hilbert_order(same) == std::vector<std::uint32_t>{0, 1, 2});
}
