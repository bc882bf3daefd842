#include "render/tessellator.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

using caremap::core::MultiPolygon;
using caremap::core::Polygon;
using caremap::core::XY;
using caremap::render::Tessellator;
using caremap::render::triangle_area_sum;
using caremap::render::TriangleMesh;
namespace bg = boost::geometry;

namespace {

Polygon from_wkt(const char* wkt) {
  Polygon p;
  bg::read_wkt(wkt, p);
  bg::correct(p);
  return p;
}

}  // namespace

TEST_CASE("a square tessellates to two triangles of its area", "[tessellator]") {
  Tessellator tess;
  TriangleMesh mesh;
  const Polygon square = from_wkt("POLYGON((0 0,0 100,100 100,100 0,0 0))");
  CHECK(tess.tessellate(square, XY{0, 0}, mesh) == 2);
  CHECK(triangle_area_sum(mesh) == Approx(10000.0).margin(1e-6));
}

TEST_CASE("holes are left empty: triangle area equals polygon area", "[tessellator]") {
  Tessellator tess;
  TriangleMesh mesh;
  const Polygon with_holes = from_wkt(
      "POLYGON((0 0,0 1000,1000 1000,1000 0,0 0),(100 100,300 100,300 300,100 300,100 100),"
      "(500 500,900 520,880 900,520 880,500 500))");
  REQUIRE(bg::is_valid(with_holes));
  tess.tessellate(with_holes, XY{0, 0}, mesh);
  CHECK(triangle_area_sum(mesh) == Approx(bg::area(with_holes)).margin(0.01));
  CHECK(bg::area(with_holes) < 1'000'000.0 - 40'000.0);  // the holes really are holes
}

TEST_CASE("a concave polygon at real northings keeps its area", "[tessellator]") {
  // A C-shaped block around Munakata's coordinates (EPSG:6670, millions of metres north):
  // vertices relative to a local origin keep float32 precise.
  const double x0 = -51234.0;
  const double y0 = 3'776'543.0;
  Polygon c;
  for (const auto& [x, y] : std::initializer_list<std::pair<double, double>>{{0, 0},
                                                                             {0, 300},
                                                                             {300, 300},
                                                                             {300, 200},
                                                                             {100, 200},
                                                                             {100, 100},
                                                                             {300, 100},
                                                                             {300, 0},
                                                                             {0, 0}}) {
    c.outer().push_back(XY{x0 + x, y0 + y});
  }
  bg::correct(c);
  Tessellator tess;
  TriangleMesh mesh;
  tess.tessellate(c, XY{x0 + 150, y0 + 150}, mesh);
  CHECK(triangle_area_sum(mesh) == Approx(bg::area(c)).margin(0.05));
  CHECK(bg::area(c) == Approx(300.0 * 300.0 - 200.0 * 100.0));
}

TEST_CASE("a many-sided disc with a hole matches its area", "[tessellator]") {
  Polygon ring;
  const int n = 720;
  for (int i = 0; i <= n; ++i) {
    const double a = 2.0 * std::numbers::pi * i / n;
    ring.outer().push_back(XY{5000.0 * std::cos(a), 5000.0 * std::sin(a)});
  }
  ring.inners().emplace_back();
  for (int i = 0; i <= n; ++i) {
    const double a = 2.0 * std::numbers::pi * i / n;
    ring.inners().back().push_back(XY{1000.0 + 800.0 * std::cos(a), 800.0 * std::sin(a)});
  }
  bg::correct(ring);
  Tessellator tess;
  TriangleMesh mesh;
  tess.tessellate(ring, XY{0, 0}, mesh);
  CHECK(triangle_area_sum(mesh) == Approx(bg::area(ring)).epsilon(1e-6));
}

TEST_CASE("multipolygon parts add up and the tessellator is reusable", "[tessellator]") {
  MultiPolygon mp;
  mp.push_back(from_wkt("POLYGON((0 0,0 10,10 10,10 0,0 0))"));
  mp.push_back(from_wkt("POLYGON((20 0,20 10,40 10,40 0,20 0))"));
  Tessellator tess;
  TriangleMesh mesh;
  tess.tessellate(mp, XY{0, 0}, mesh);
  CHECK(triangle_area_sum(mesh) == Approx(100.0 + 200.0));
  TriangleMesh again;
  tess.tessellate(mp, XY{0, 0}, again);
  CHECK(triangle_area_sum(again) == Approx(triangle_area_sum(mesh)));
}

TEST_CASE("a degenerate ring yields no triangles", "[tessellator]") {
  Polygon line_like;
  line_like.outer() = {XY{0, 0}, XY{10, 0}, XY{0, 0}};
  Tessellator tess;
  TriangleMesh mesh;
  CHECK(tess.tessellate(line_like, XY{0, 0}, mesh) == 0);
  CHECK(triangle_area_sum(mesh) == Approx(0.0));
}
