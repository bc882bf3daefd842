#include "core/geometry.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;

namespace {

Polygon square(double x0, double y0, double side) {
  Polygon p;
  bg::append(p.outer(), XY{x0, y0});
  bg::append(p.outer(), XY{x0, y0 + side});
  bg::append(p.outer(), XY{x0 + side, y0 + side});
  bg::append(p.outer(), XY{x0 + side, y0});
  bg::append(p.outer(), XY{x0, y0});
  return p;
}

}  // namespace

TEST_CASE("area, length and envelope of each geometry type", "[core][geometry]") {
  const Geometry sq = square(0, 0, 1000);
  CHECK(area(sq).value == Approx(1.0e6));
  CHECK(length(sq).value == Approx(4000.0));
  const Box b = *envelope(sq);
  CHECK(b.max_corner().x == 1000.0);

  LineString line{{0, 0}, {300, 400}, {300, 1400}};
  CHECK(length(Geometry{line}).value == Approx(1500.0));
  CHECK(area(Geometry{line}).value == 0.0);

  CHECK_FALSE(envelope(Geometry{}).has_value());
  CHECK(is_empty(Geometry{}));
  CHECK(is_empty(Geometry{MultiPolygon{}}));
  CHECK(std::string(geometry_type_name(Geometry{XY{1, 2}})) == "Point");
  CHECK(std::string(geometry_type_name(sq)) == "Polygon");
}

TEST_CASE("representative points lie on lines and inside polygons", "[core][geometry]") {
  LineString line{{0, 0}, {300, 400}, {300, 1400}};
  const XY mid = *representative_point(Geometry{line});
  CHECK(mid.x == Approx(300.0));
  CHECK(mid.y == Approx(650.0));  // 750 m along: 500 m on the first leg, 250 m up the second

  // A U shape: its centroid lies in the empty middle, the representative point must not.
  Polygon u;
  for (XY p : {XY{0, 0}, XY{0, 30}, XY{10, 30}, XY{10, 10}, XY{20, 10}, XY{20, 30}, XY{30, 30},
               XY{30, 0}, XY{0, 0}}) {
    bg::append(u.outer(), p);
  }
  bg::correct(u);
  const XY inside = *representative_point(Geometry{u});
  CHECK(bg::within(inside, u));

  // A multipolygon is labelled on its largest part.
  MultiPolygon islands{square(0, 0, 10), square(100, 100, 1000), square(5000, 0, 1)};
  const XY label = *representative_point(Geometry{islands});
  CHECK(label.x == Approx(600.0));
  CHECK(label.y == Approx(600.0));
}

TEST_CASE("merging optional boxes", "[core][geometry]") {
  const std::optional<Box> a = Box{{0, 0}, {1, 1}};
  const std::optional<Box> b = Box{{5, -2}, {6, 0}};
  const Box m = *merge(a, b);
  CHECK(m.min_corner() == XY{0, -2});
  CHECK(m.max_corner() == XY{6, 1});
  CHECK(merge(std::nullopt, b)->min_corner() == XY{5, -2});
  CHECK_FALSE(merge(std::nullopt, std::nullopt).has_value());
}
