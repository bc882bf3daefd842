// Land parts: two cities that share a border are one land; an island across the sea is another.

#include "routing/land_parts.hpp"

#include <boost/geometry.hpp>
#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <vector>

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

TEST_CASE("the part holding a place agrees with covered_by, holes and nested islands included",
          "[routing][land]") {
  // A comb (a coast with deep inlets: concave, many vertices), with a lake holding an islet,
  // and a separate island east of it. part_of casts a ray through an index of the edges; the
  // answer must be the one covered_by gives on each part, except exactly on an edge.
  core::Polygon comb;
  comb.outer().push_back({0, 0});
  for (int tooth = 0; tooth < 20; ++tooth) {
    const double x = tooth * 500.0;
    comb.outer().insert(comb.outer().end(),
                        {{x, 5000}, {x + 250, 5000}, {x + 250, 1000}, {x + 500, 1000}});
  }
  comb.outer().push_back({10'000, 0});
  comb.outer().push_back({0, 0});
  core::Ring lake{{100, 200}, {100, 800}, {9000, 800}, {9000, 200}, {100, 200}};
  comb.inners().push_back(lake);
  boost::geometry::correct(comb);
  REQUIRE(boost::geometry::is_valid(comb));
  const std::vector<core::Polygon> parts{comb, box(4000, 300, 5000, 700),
                                         box(11'000, 0, 12'000, 6000)};
  const routing::LandParts land(parts);

  CHECK(land.part_of({125, 3000}) == std::optional<std::uint32_t>(0));     // in a tooth
  CHECK(land.part_of({375, 3000}) == std::nullopt);                        // in an inlet
  CHECK(land.part_of({2000, 500}) == std::nullopt);                        // on the lake
  CHECK(land.part_of({4500, 500}) == std::optional<std::uint32_t>(1));     // on the islet
  CHECK(land.part_of({11'500, 3000}) == std::optional<std::uint32_t>(2));  // the island
  CHECK(land.part_of({-100, 3000}) == std::nullopt);
  CHECK(land.part_of({13'000, 3000}) == std::nullopt);
  CHECK_FALSE(land.same_land({4500, 500}, {125, 3000}));  // islet and comb do not touch

  std::mt19937 rng(11);
  std::uniform_real_distribution<double> x(-500, 12'500);
  std::uniform_real_distribution<double> y(-500, 6500);
  int checked = 0;
  for (int i = 0; i < 5000; ++i) {
    const core::XY p{x(rng), y(rng)};
    std::optional<std::uint32_t> expected;
    bool on_edge = false;
    for (std::uint32_t k = 0; k < parts.size(); ++k) {
      on_edge = on_edge || boost::geometry::touches(p, parts[k]);
      if (!expected && boost::geometry::covered_by(p, parts[k])) {
        expected = k;
      }
    }
    if (!on_edge) {
      CHECK(land.part_of(p) == expected);
      ++checked;
    }
  }
  CHECK(checked > 4900);
}
