#include "analysis/band_polygons.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace caremap;
using namespace caremap::analysis;
namespace bg = boost::geometry;

namespace {

core::LineString line(std::initializer_list<core::XY> points) {
  return core::LineString(points);
}

// The polygons of one owner and one band.
core::MultiPolygon buffer_of(const core::MultiLineString& lines, double r, double cell,
                             BandPolygons* info = nullptr) {
  BandPolygonBuilder builder;
  const std::vector<std::vector<core::MultiLineString>> in = {{lines}};
  BandPolygonOptions o;
  o.buffer_m = r;
  o.cell_m = cell;
  BandPolygons out = builder.build(in, o);
  if (info) {
    info->cell_m = out.cell_m;
    info->unclosed = out.unclosed;
  }
  REQUIRE(out.areas.size() == 1);
  CHECK(out.unclosed == 0);
  return out.areas[0];
}

// The buffer of the old method (Boost.Geometry, 1440 points per circle: its area is within
// 4e-6 of the exact one), as a reference for shapes without a closed formula.
double boost_buffer_area(const core::MultiLineString& lines, double r) {
  const bg::strategy::buffer::distance_symmetric<double> distance(r);
  const bg::strategy::buffer::join_round join(1440);
  const bg::strategy::buffer::end_round end(1440);
  core::MultiPolygon total;
  for (const core::LineString& l : lines) {
    core::MultiPolygon one;
    bg::buffer(l, one, distance, bg::strategy::buffer::side_straight(), join, end,
               bg::strategy::buffer::point_circle(1440));
    core::MultiPolygon next;
    bg::union_(total, one, next);
    total = next;
  }
  return bg::area(total);
}

// The area tolerance of the header: the boundary is exact along straight road sides and within
// cell^2 / (8 r) of the exact arc on round parts; allow twice that on `arc_length` of arcs.
double tolerance(double arc_length, double r, double cell) {
  return arc_length * cell * cell / (4.0 * r);
}

bool valid(const core::MultiPolygon& mp) {
  std::string reason;
  const bool ok = bg::is_valid(mp, reason);
  INFO(reason);
  return ok;
}

}  // namespace

TEST_CASE("a straight road's buffer has area 2 r L + pi r^2 within the cell tolerance",
          "[analysis][band_polygons]") {
  const double r = 100.0;
  double previous_error = 1e300;
  for (const double cell : {50.0, 25.0, 12.5, 6.25}) {
    // Horizontal on grid lines, and slanted off the grid through arbitrary coordinates.
    for (const auto& road :
         {line({{0, 0}, {600, 0}}), line({{513.7, -77.3}, {513.7 + 519.6, -77.3 + 300.0}})}) {
      const double length = bg::length(road);
      const core::MultiPolygon mp = buffer_of({road}, r, cell);
      REQUIRE(mp.size() == 1);
      CHECK(mp[0].inners().empty());
      CHECK(valid(mp));
      const double exact = 2.0 * r * length + M_PI * r * r;
      const double error = exact - bg::area(mp);
      INFO("cell " << cell << ", error " << error << " m2");
      CHECK(std::abs(error) < tolerance(2.0 * M_PI * r, r, cell));
      CHECK(error >= 0.0);  // chords cut inside the round ends
      if (road[0].y == 0.0) {
        CHECK(error < previous_error);  // converges as the cell shrinks
        previous_error = error;
        // Along the straight sides the boundary is exact.
        CHECK(bg::within(core::XY{300, 99.9}, mp));
        CHECK_FALSE(bg::within(core::XY{300, 100.1}, mp));
      }
    }
  }
}

TEST_CASE("two crossing roads and a road with a gap match their exact areas",
          "[analysis][band_polygons]") {
  const double r = 100.0;
  const double cell = r / 4.0;
  // A plus sign of two 800 m roads crossing at their middles: two capsules minus the square.
  const core::MultiLineString plus = {line({{-400, 3}, {400, 3}}), line({{7, -400}, {7, 400}})};
  const core::MultiPolygon p = buffer_of(plus, r, cell);
  REQUIRE(p.size() == 1);
  CHECK(valid(p));
  const double exact_plus = 2.0 * (2.0 * r * 800.0 + M_PI * r * r) - 4.0 * r * r;
  CHECK(bg::area(p) == Approx(exact_plus).margin(tolerance(2.0 * M_PI * r + 4 * r, r, cell)));
  CHECK(bg::area(p) == Approx(boost_buffer_area(plus, r)).epsilon(0.005));

  // A gap wider than two buffers: two separate parts of exactly known area.
  const core::MultiLineString wide = {line({{0, 0}, {300, 0}}), line({{530, 0}, {830, 0}})};
  const core::MultiPolygon w = buffer_of(wide, r, cell);
  CHECK(w.size() == 2);
  CHECK(valid(w));
  const double exact_wide = 2.0 * (2.0 * r * 300.0 + M_PI * r * r);
  CHECK(bg::area(w) == Approx(exact_wide).margin(tolerance(4.0 * M_PI * r, r, cell)));
  CHECK_FALSE(bg::within(core::XY{415, 0}, w));

  // A gap narrower than two buffers: one part with a waist; checked against the exact buffer.
  const core::MultiLineString narrow = {line({{0, 0}, {300, 0}}), line({{460, 0}, {760, 0}})};
  const core::MultiPolygon n = buffer_of(narrow, r, cell);
  CHECK(n.size() == 1);
  CHECK(valid(n));
  CHECK(bg::area(n) == Approx(boost_buffer_area(narrow, r)).epsilon(0.005));
  CHECK(bg::within(core::XY{380, 0}, n));
  CHECK_FALSE(bg::within(core::XY{380, 70}, n));  // the waist: 80 m from both ends' circles
}

TEST_CASE("a loop of roads leaves a hole; an isolated point gives a disc",
          "[analysis][band_polygons]") {
  const double r = 50.0;
  const core::MultiLineString block = {line({{0, 0}, {400, 0}, {400, 400}, {0, 400}, {0, 0}})};
  const core::MultiPolygon b = buffer_of(block, r, r / 4.0);
  REQUIRE(b.size() == 1);
  REQUIRE(b[0].inners().size() == 1);
  CHECK(valid(b));
  // Outer: 500 x 500 with rounded corners; hole: 300 x 300 with sharp corners (exact there).
  const double exact = 500.0 * 500.0 - (4.0 - M_PI) * r * r - 300.0 * 300.0;
  CHECK(bg::area(b) == Approx(exact).margin(tolerance(2.0 * M_PI * r, r, r / 4.0) + 4 * r));
  CHECK_FALSE(bg::within(core::XY{200, 200}, b));

  const core::MultiPolygon disc = buffer_of({line({{10, 10}})}, r, r / 8.0);
  REQUIRE(disc.size() == 1);
  CHECK(bg::area(disc) == Approx(M_PI * r * r).margin(tolerance(2 * M_PI * r, r, r / 8.0)));
}

TEST_CASE("owners partition the buffer along the bisector of their roads",
          "[analysis][band_polygons]") {
  const double r = 100.0;
  // Two parallel roads 120 m apart (buffers overlapping by 80 m) and a third crossing both.
  const std::vector<std::vector<core::MultiLineString>> lines = {
      {{line({{0, 0}, {1000, 0}})}},
      {{line({{0, 120}, {1000, 120}})}},
      {{line({{500, -300}, {500, -60}}), line({{500, 180}, {500, 420}})}}};
  BandPolygonOptions o;
  o.buffer_m = r;
  o.cell_m = r / 4.0;
  BandPolygonBuilder builder;
  const BandPolygons out = builder.build(lines, o);
  REQUIRE(out.areas.size() == 3);
  CHECK(out.unclosed == 0);
  core::MultiPolygon all;
  double sum = 0.0;
  for (std::size_t a = 0; a < 3; ++a) {
    CHECK(valid(out.areas[a]));
    sum += bg::area(out.areas[a]);
    for (std::size_t b = a + 1; b < 3; ++b) {
      core::MultiPolygon both;
      bg::intersection(out.areas[a], out.areas[b], both);
      CHECK(bg::area(both) < 1e-3);
    }
    core::MultiPolygon next;
    bg::union_(all, out.areas[a], next);
    all = next;
  }
  // No gaps between the parts: they add up to their union, which is the buffer of all roads.
  CHECK(sum == Approx(bg::area(all)).epsilon(1e-9));
  core::MultiLineString every;
  for (const auto& owner : lines) {
    every.insert(every.end(), owner[0].begin(), owner[0].end());
  }
  CHECK(sum == Approx(boost_buffer_area(every, r)).epsilon(0.005));
  // The boundary between the parallel roads is their bisector y = 60 (exact where the field is
  // linear), away from the third owner's roads.
  CHECK(bg::within(core::XY{200, 59}, out.areas[0]));
  CHECK(bg::within(core::XY{200, 61}, out.areas[1]));
  // The third owner keeps the ends of its roads; its buffer's middle goes to the nearer roads.
  CHECK(bg::within(core::XY{500, -250}, out.areas[2]));
  CHECK(bg::within(core::XY{540, 10}, out.areas[0]));
}

TEST_CASE("bands nest as disks and partition as rings", "[analysis][band_polygons]") {
  const double r = 50.0;
  // One owner, three bands along an L-shaped road: band k reaches 200 (k + 1) m.
  const core::LineString road = line({{0, 0}, {400, 0}, {400, 300}});
  std::vector<core::MultiLineString> bands;
  for (const double reach : {200.0, 400.0, 600.0}) {
    core::LineString part;
    double left = reach;
    part.push_back(road[0]);
    for (std::size_t i = 1; i < road.size() && left > 0; ++i) {
      const double len = bg::distance(road[i - 1], road[i]);
      const double f = std::min(1.0, left / len);
      part.push_back({road[i - 1].x + f * (road[i].x - road[i - 1].x),
                      road[i - 1].y + f * (road[i].y - road[i - 1].y)});
      left -= len;
    }
    bands.push_back({part});
  }
  BandPolygonOptions o;
  o.buffer_m = r;
  o.cell_m = r / 4.0;
  BandPolygonBuilder builder;
  const std::vector<std::vector<core::MultiLineString>> in = {bands};
  const BandPolygons disks = builder.build(in, o);
  o.rings = true;
  const BandPolygons rings = builder.build(in, o);
  REQUIRE(disks.areas.size() == 3);
  REQUIRE(rings.areas.size() == 3);
  double ring_sum = 0.0;
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(valid(disks.areas[k]));
    CHECK(valid(rings.areas[k]));
    // Band 2 turns the corner: the two capsules overlap in the corner's disc and the inner
    // square, which takes (1 - pi / 4) r^2 more than the disc the capsule formula counts once.
    const double exact =
        2.0 * r * 200.0 * (k + 1) + M_PI * r * r - (k == 2 ? (1.0 - M_PI / 4.0) * r * r : 0.0);
    CHECK(bg::area(disks.areas[k]) == Approx(exact).margin(tolerance(2.5 * M_PI * r, r, o.cell_m)));
    ring_sum += bg::area(rings.areas[k]);
    if (k > 0) {
      core::MultiPolygon out;
      bg::difference(disks.areas[k - 1], disks.areas[k], out);
      CHECK(bg::area(out) < 1e-6);
      CHECK(bg::area(rings.areas[k]) ==
            Approx(bg::area(disks.areas[k]) - bg::area(disks.areas[k - 1])).epsilon(1e-9));
    }
  }
  CHECK(ring_sum == Approx(bg::area(disks.areas[2])).epsilon(1e-12));
  CHECK(bg::within(core::XY{100, 0}, rings.areas[0]));
  CHECK(bg::within(core::XY{300, 0}, rings.areas[1]));
  CHECK(bg::within(core::XY{400, 150}, rings.areas[2]));
}

TEST_CASE("a grid too large for the vertex cap uses larger cells", "[analysis][band_polygons]") {
  const core::MultiLineString long_road = {line({{0, 0}, {20000, 0}})};
  BandPolygonOptions o;
  o.buffer_m = 100.0;
  o.cell_m = 25.0;
  o.max_vertices = 3000;
  BandPolygonBuilder builder;
  const std::vector<std::vector<core::MultiLineString>> in = {{long_road}};
  const BandPolygons out = builder.build(in, o);
  CHECK(out.cell_m > 25.0);
  CHECK(out.cell_m < 100.0);
  REQUIRE(out.areas.size() == 1);
  CHECK(valid(out.areas[0]));
  CHECK(bg::area(out.areas[0]) == Approx(2.0 * 100.0 * 20000.0 + M_PI * 1e4).epsilon(0.01));
  // Nothing to draw: empty polygons.
  const std::vector<std::vector<core::MultiLineString>> none = {{{}}};
  const BandPolygons empty = builder.build(none, o);
  REQUIRE(empty.areas.size() == 1);
  CHECK(empty.areas[0].empty());
}
