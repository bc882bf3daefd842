#include "analysis/boundary_repair.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace caremap;
namespace bg = boost::geometry;

TEST_CASE("the fast validity check agrees with Boost's", "[analysis][validity]") {
  std::string reason;
  // Islands, one in a bay of the other's box: valid.
  core::Polygon u_shape;
  u_shape.outer() = {{0, 0},      {0, 1000},    {300, 1000}, {300, 300}, {700, 300},
                     {700, 1000}, {1000, 1000}, {1000, 0},   {0, 0}};
  const core::MultiPolygon bay{u_shape, test::rectangle(400, 500, 600, 700)};
  CHECK(bg::is_valid(bay));
  CHECK(analysis::is_valid_multipolygon(bay, reason));
  // Parts touching at one corner: valid, decided by Boost's full check.
  const core::MultiPolygon corner{test::rectangle(0, 0, 10, 10), test::rectangle(10, 10, 20, 20)};
  CHECK(analysis::is_valid_multipolygon(corner, reason) == bg::is_valid(corner));
  // A part nested in another (no boundaries meet): invalid.
  const core::MultiPolygon nested{test::rectangle(0, 0, 100, 100), test::rectangle(10, 10, 20, 20)};
  CHECK_FALSE(bg::is_valid(nested));
  CHECK_FALSE(analysis::is_valid_multipolygon(nested, reason));
  CHECK(reason.find("inside another part") != std::string::npos);
  // Overlapping parts: invalid.
  const core::MultiPolygon overlap{test::rectangle(0, 0, 60, 100),
                                   test::rectangle(40, 0, 100, 100)};
  CHECK_FALSE(analysis::is_valid_multipolygon(overlap, reason));
}

TEST_CASE("repairable boundaries are repaired without changing their area",
          "[analysis][validity]") {
  SECTION("counter-clockwise outer ring") {
    core::Polygon p;
    p.outer() = {{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}};
    core::MultiPolygon mp{p};
    const auto report = analysis::make_valid(mp);
    CHECK_FALSE(report.was_valid);
    CHECK(report.valid);
    CHECK(bg::area(mp) == Approx(10'000));
  }
  SECTION("overlapping parts are dissolved") {
    core::MultiPolygon mp{test::rectangle(0, 0, 60, 100), test::rectangle(40, 0, 100, 100)};
    const auto report = analysis::make_valid(mp);
    CHECK_FALSE(report.was_valid);
    CHECK(report.valid);
    CHECK_FALSE(report.problem.empty());
    CHECK(bg::is_valid(mp));
    CHECK(bg::area(mp) == Approx(10'000));
  }
  SECTION("a valid multipolygon is left alone") {
    core::MultiPolygon mp{test::rectangle(0, 0, 10, 10), test::rectangle(20, 0, 30, 10)};
    const core::MultiPolygon before = mp;
    const auto report = analysis::make_valid(mp);
    CHECK(report.was_valid);
    CHECK(bg::equals(mp, before));
  }
  SECTION("a self-intersecting ring is reported, not hidden") {
    core::Polygon bow;
    bow.outer() = {{0, 0}, {0, 100}, {100, 0}, {100, 100}, {0, 0}};
    core::MultiPolygon mp{bow};
    const auto report = analysis::make_valid(mp);
    CHECK_FALSE(report.was_valid);
    CHECK_FALSE(report.valid);
  }
}

TEST_CASE("polygonal geometry converts to a multipolygon", "[analysis][validity]") {
  CHECK(core::as_multipolygon(core::Geometry{test::rectangle(0, 0, 1, 1)})->size() == 1);
  CHECK_FALSE(core::as_multipolygon(core::Geometry{core::XY{1, 1}}).has_value());
}

TEST_CASE("parts nested in other parts are found, islands in holes are not",
          "[analysis][validity]") {
  // A square with a square hole (a lake), and a U-shaped coast whose bay has no water in it.
  core::Polygon donut = test::rectangle(0, 0, 1000, 1000);
  donut.inners().push_back({{300, 300}, {700, 300}, {700, 700}, {300, 700}, {300, 300}});
  bg::correct(donut);
  core::Polygon u_shape;
  u_shape.outer() = {{2000, 0},    {2000, 1000}, {2300, 1000}, {2300, 300}, {2700, 300},
                     {2700, 1000}, {3000, 1000}, {3000, 0},    {2000, 0}};
  bg::correct(u_shape);
  const core::Polygon in_lake = test::rectangle(400, 400, 600, 600);
  const core::Polygon in_bay = test::rectangle(2400, 500, 2600, 700);
  const core::Polygon on_land = test::rectangle(2100, 100, 2200, 200);  // inside the U's foot

  const core::MultiPolygon valid{donut, u_shape, in_lake, in_bay};
  CHECK(bg::is_valid(valid));
  CHECK_FALSE(analysis::part_inside_another(valid).has_value());

  const core::MultiPolygon invalid{donut, u_shape, in_lake, in_bay, on_land};
  CHECK_FALSE(bg::is_valid(invalid));
  const auto nested = analysis::part_inside_another(invalid);
  REQUIRE(nested.has_value());
  CHECK(nested->first == 4);   // on_land
  CHECK(nested->second == 1);  // in the U

  // A vertex level with a corner of the outer ring (the ray passes through a vertex) is counted
  // once, not twice.
  const core::MultiPolygon level{u_shape, test::rectangle(2100, 300, 2150, 350)};
  const auto level_nested = analysis::part_inside_another(level);
  REQUIRE(level_nested.has_value());
  CHECK(level_nested->second == 0);
}
