#include "core/area_locator.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace caremap;
using core::XY;
namespace bg = boost::geometry;

namespace {

core::Polygon rectangle(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  return p;
}

}  // namespace

TEST_CASE("points are located in the right area, holes excluded", "[core][locator]") {
  // Area 0: a 10 km square with a 2 km hole; area 1: an island inside that hole; area 2: east.
  core::Polygon square = rectangle(0, 0, 10'000, 10'000);
  core::Ring hole{{4000, 4000}, {6000, 4000}, {6000, 6000}, {4000, 6000}, {4000, 4000}};
  square.inners().push_back(hole);
  const core::MultiPolygon a{square};
  const core::MultiPolygon b{rectangle(4500, 4500, 5500, 5500)};
  const core::MultiPolygon c{rectangle(12'000, 0, 14'000, 3000),
                             rectangle(15'000, 0, 16'000, 1000)};
  REQUIRE(bg::is_valid(a));
  const std::vector<const core::MultiPolygon*> areas{&a, &b, &c};
  const core::AreaLocator locator(areas);
  CHECK(locator.area_containing({1000, 1000}) == std::optional<std::size_t>(0));
  CHECK(locator.area_containing({4200, 5000}) == std::nullopt);  // in the hole
  CHECK(locator.area_containing({5000, 5000}) == std::optional<std::size_t>(1));
  CHECK(locator.area_containing({15'500, 500}) == std::optional<std::size_t>(2));
  CHECK(locator.area_containing({11'000, 500}) == std::nullopt);
  CHECK(locator.area_containing({-1, 500}) == std::nullopt);
  CHECK(locator.area_containing({20'000, 500}) == std::nullopt);

  // Agreement with boost::geometry::within on random points (vertices' rows included).
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-1000, 17'000);
  for (int i = 0; i < 2000; ++i) {
    const XY p{u(rng), i % 10 == 0 ? 4000.0 + (i % 3) * 500 : u(rng) * 0.7};
    std::optional<std::size_t> expected;
    for (std::size_t k = 0; k < areas.size() && !expected; ++k) {
      if (bg::within(p, *areas[k])) {
        expected = k;
      }
    }
    if (!bg::touches(p, a) && !bg::touches(p, b) && !bg::touches(p, c)) {
      CHECK(locator.area_containing(p) == expected);
    }
  }

  std::vector<std::size_t> touched;
  locator.areas_with_boundary_in(rectangle(3900, 3900, 4600, 4600), touched);
  CHECK(touched == std::vector<std::size_t>{0, 1});
  touched.clear();
  locator.areas_with_boundary_in(rectangle(1000, 1000, 2000, 2000), touched);
  CHECK(touched.empty());  // wholly inside area 0: no boundary runs through it
}
