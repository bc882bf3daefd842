#include "render/point_grid.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace caremap::render;

namespace {
std::vector<PointInstance> scattered(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> x(-50000.0f, 50000.0f);
  std::uniform_real_distribution<float> y(-20000.0f, 80000.0f);
  std::vector<PointInstance> out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back({x(rng), y(rng), static_cast<float>(i % 3)});
  }
  return out;
}
}  // namespace

TEST_CASE("grid queries return exactly the points in the box, in layer order", "[point_grid]") {
  const std::vector<PointInstance> points = scattered(5000, 7);
  const PointGrid grid(points);
  CHECK(grid.size() == points.size());
  for (const LocalBox& box :
       {LocalBox{-1000, -1000, 1000, 1000}, LocalBox{-60000, -30000, 0, 0},
        LocalBox{40000, 70000, 90000, 90000}, LocalBox{1e6f, 1e6f, 2e6f, 2e6f}}) {
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < points.size(); ++i) {
      const PointInstance& p = points[i];
      if (p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1) {
        expected.push_back(i);
      }
    }
    CHECK(grid.query(box) == expected);
  }
  CHECK(grid.query(LocalBox{-1e9f, -1e9f, 1e9f, 1e9f}).size() == points.size());
}

TEST_CASE("an empty grid answers nothing", "[point_grid]") {
  const PointGrid grid(std::vector<PointInstance>{});
  CHECK(grid.query(LocalBox{-1, -1, 1, 1}).empty());
}

TEST_CASE("thinning keeps the topmost point of a class per cell", "[point_grid]") {
  const std::vector<PointInstance> points{
      {10.2f, 10.2f, 0},  // hidden by the next one: same class, same 1 m cell
      {10.7f, 10.9f, 0},  // drawn
      {10.5f, 10.5f, 1},  // another class in that cell: drawn
      {12.5f, 10.5f, 0},  // another cell: drawn
  };
  const std::vector<std::uint8_t> keep = thin_overlapping(points, 1.0f);
  CHECK(keep == std::vector<std::uint8_t>{0, 1, 1, 1});
  // At a finer detail nothing overlaps within a cell.
  CHECK(thin_overlapping(points, 0.1f) == std::vector<std::uint8_t>{1, 1, 1, 1});
  // Cells are anchored at the origin, not at the points: panning does not change the answer.
  CHECK(thin_overlapping(points, 0.0f) == std::vector<std::uint8_t>{1, 1, 1, 1});
}
