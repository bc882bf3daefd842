// PartOverlay against Boost's own overlay of the whole multipolygons: the same areas, valid
// results, for the cases where a polygon is taken or dropped whole (islets, discs inside the
// mainland that become holes, a lake) and where the boundaries cross.
#include "analysis/part_overlay.hpp"

#include <boost/geometry.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <string>

#include "analysis/circle_polygons.hpp"

namespace caremap::analysis {
namespace {

namespace bg = boost::geometry;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

core::MultiPolygon wkt(const std::string& text) {
  core::MultiPolygon mp;
  bg::read_wkt(text, mp);
  bg::correct(mp);
  return mp;
}

double area(const core::MultiPolygon& mp) {
  return mp.empty() ? 0.0 : bg::area(mp);
}

// A mainland 100 x 100 with a 20 x 20 lake (an islet of 4 x 4 in the lake), and a 10 x 10 islet
// off the coast.
const core::MultiPolygon kBase =
    wkt("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)),"
        "((48 48,52 48,52 52,48 52,48 48)),((120 0,130 0,130 10,120 10,120 0)))");

void check_against_boost(const core::MultiPolygon& base, const core::MultiPolygon& other) {
  const PartOverlay overlay(base);
  const core::MultiPolygon in = overlay.intersection(other);
  const core::MultiPolygon out = overlay.difference(other);
  core::MultiPolygon boost_in;
  core::MultiPolygon boost_out;
  bg::intersection(base, other, boost_in);
  bg::difference(base, other, boost_out);
  std::string why;
  CHECK(bg::is_valid(in, why));
  INFO(why);
  CHECK(bg::is_valid(out, why));
  INFO(why);
  CHECK_THAT(area(in), WithinAbs(area(boost_in), 1e-6 * area(base)));
  CHECK_THAT(area(out), WithinAbs(area(boost_out), 1e-6 * area(base)));
  CHECK_THAT(area(in) + area(out), WithinRel(area(base), 1e-9));
}

TEST_CASE("part overlay: whole polygons taken, dropped or made holes, with exact areas",
          "[analysis][overlay]") {
  const PartOverlay overlay(kBase);
  // Inside the mainland, touching nothing: a hole in the difference.
  const core::MultiPolygon inside = wkt("MULTIPOLYGON(((10 10,20 10,20 20,10 20,10 10)))");
  CHECK_THAT(area(overlay.intersection(inside)), WithinAbs(100.0, 1e-9));
  const core::MultiPolygon rest = overlay.difference(inside);
  CHECK_THAT(area(rest), WithinAbs(10000.0 - 400.0 + 16.0 + 100.0 - 100.0, 1e-9));
  std::string why;
  CHECK(bg::is_valid(rest, why));
  // Over the off-shore islet and the sea: the islet whole.
  const core::MultiPolygon islet = wkt("MULTIPOLYGON(((110 -10,140 -10,140 20,110 20,110 -10)))");
  CHECK_THAT(area(overlay.intersection(islet)), WithinAbs(100.0, 1e-9));
  CHECK_THAT(area(overlay.difference(islet)), WithinAbs(9600.0 + 16.0, 1e-9));
  // Over the lake and its islet, inside the mainland's outline: the lake's ring lies inside it.
  const core::MultiPolygon lake = wkt("MULTIPOLYGON(((30 30,70 30,70 70,30 70,30 30)))");
  CHECK_THAT(area(overlay.intersection(lake)), WithinAbs(1600.0 - 400.0 + 16.0, 1e-9));
  CHECK_THAT(area(overlay.difference(lake)), WithinAbs(10000.0 - 1600.0 + 100.0, 1e-9));
  // Across the coast: half of it.
  const core::MultiPolygon coast = wkt("MULTIPOLYGON(((90 10,110 10,110 20,90 20,90 10)))");
  CHECK_THAT(area(overlay.intersection(coast)), WithinAbs(100.0, 1e-9));
  // Nothing at all.
  CHECK(overlay.intersection(core::MultiPolygon{}).empty());
  CHECK_THAT(area(overlay.difference(core::MultiPolygon{})), WithinAbs(area(kBase), 1e-9));
}

TEST_CASE("part overlay: one ring of discs holding a hole, and touching discs",
          "[analysis][overlay]") {
  // Discs whose union is a ring round the islet in the lake, one disc inside the mainland and
  // two discs touching at a point.
  std::vector<Disc> discs;
  for (int k = 0; k < 12; ++k) {
    const double a = k * 3.14159265358979 / 6.0;
    discs.push_back({{50.0 + 15.0 * std::cos(a), 50.0 + 15.0 * std::sin(a)}, core::Meters{5.0}});
  }
  discs.push_back({{20.0, 80.0}, core::Meters{5.0}});
  discs.push_back({{20.0, 20.0}, core::Meters{5.0}});
  discs.push_back({{30.0, 20.0}, core::Meters{5.0}});
  const DiscCoverage reach = cover_discs(discs, 64, false);
  check_against_boost(kBase, reach.any);
}

TEST_CASE("part overlay agrees with Boost on random discs over a coast with islets",
          "[analysis][overlay]") {
  // A comb-shaped coast (teeth 3 wide) with a row of islets off it.
  std::string text = "MULTIPOLYGON(((0 0,200 0,200 100";
  for (int x = 200; x > 0; x -= 10) {
    text += "," + std::to_string(x) + " 100," + std::to_string(x) + " 130," +
            std::to_string(x - 3) + " 130," + std::to_string(x - 3) + " 100";
  }
  text += ",0 100,0 0))";
  for (int x = 5; x < 200; x += 20) {
    text += ",((" + std::to_string(x) + " 150," + std::to_string(x + 4) + " 150," +
            std::to_string(x + 4) + " 154," + std::to_string(x) + " 154," + std::to_string(x) +
            " 150))";
  }
  text += ")";
  const core::MultiPolygon base = wkt(text);
  std::string why;
  REQUIRE(bg::is_valid(base, why));
  std::mt19937 rng(20261207);
  std::uniform_real_distribution<double> x(-20.0, 220.0);
  std::uniform_real_distribution<double> y(-20.0, 180.0);
  std::uniform_real_distribution<double> r(1.0, 25.0);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<Disc> discs;
    for (int k = 0; k < 15; ++k) {
      discs.push_back({{x(rng), y(rng)}, core::Meters{r(rng)}});
    }
    INFO("trial " << trial);
    check_against_boost(base, cover_discs(discs, 48, false).any);
  }
}

}  // namespace
}  // namespace caremap::analysis
