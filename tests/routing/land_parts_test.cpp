// Land parts: two cities that share a border are one land; an island across the sea is another.

#include "routing/land_parts.hpp"

#include <boost/geometry.hpp>
#include <catch2/catch.hpp>

using namespace caremap;

namespace {

core::Polygon box(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  boost::geometry::correct(p);
  return p;
}

}  // namespace

TEST_CASE("neighbouring cities are one land, an island is another", "[routing][land]") {
  // City A (0-1000) and city B (1000-2000) share the edge x = 1000; city B's second part starts
  // 0.4 m further (a rounding gap between two surveys); the island lies 500 m off.
  const routing::LandParts land({box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000),
                                 box(2000.4, 0, 2500, 1000), box(0, 1500, 300, 1800)});
  CHECK(land.size() == 4);
  CHECK(land.lands() == 2);
  CHECK(land.same_land({500, 500}, {1500, 500}));        // across the city border
  CHECK(land.same_land({500, 500}, {2200, 500}));        // across the rounding gap
  CHECK_FALSE(land.same_land({500, 500}, {100, 1600}));  // to the island
  CHECK(land.same_land({100, 1600}, {200, 1700}));       // on the island
  CHECK(land.same_land({500, 500}, {5000, 5000}));       // outside every part: not judged
}
