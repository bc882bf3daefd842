#include "render/layer_mesh.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace caremap;

TEST_CASE("layer meshes are origin-relative and keep every part", "[mesh]") {
  core::Layer layer;
  layer.category = core::Category::boundary;
  core::Polygon square;
  boost::geometry::read_wkt(
      "POLYGON((-50000 3770000,-50000 3771000,-49000 3771000,-49000 3770000,-50000 3770000))",
      square);
  boost::geometry::correct(square);
  layer.features.push_back(core::Feature{square, {}, core::Category::boundary, 1});
  layer.features.push_back(
      core::Feature{core::XY{-49500.25, 3770500.75}, {}, core::Category::clinic, 2});
  core::LineString line{core::XY{-50000, 3770000}, core::XY{-49000, 3771000},
                        core::XY{-48000, 3771000}};
  layer.features.push_back(core::Feature{line, {}, core::Category::road, 3});
  const std::vector<std::uint16_t> classes{0, 1, 2};
  const render::LayerMesh mesh = render::build_layer_mesh(layer, classes);
  CHECK(mesh.origin.x == Approx(-49000.0));
  CHECK(mesh.origin.y == Approx(3770500.0));
  REQUIRE(mesh.points.size() == 1);
  CHECK(mesh.points[0].x == Approx(-500.25f));  // sub-metre detail survives float32
  CHECK(mesh.points[0].y == Approx(0.75f));
  CHECK(mesh.points[0].symbol_class == 1.0f);
  const render::LodGeometry& exact = mesh.levels[0];
  CHECK(exact.lines.size() == 2);
  CHECK(exact.lines[0].symbol_class == 2.0f);
  CHECK(exact.outlines.size() == 4);
  render::TriangleMesh tri;
  for (const auto& v : exact.fill_vertices) {
    tri.vertices.push_back({v.x, v.y});
  }
  tri.indices = exact.fill_indices;
  CHECK(render::triangle_area_sum(tri) == Approx(1.0e6).margin(1.0));
}

TEST_CASE("coarser levels of detail have fewer segments and keep the area", "[mesh]") {
  // A wiggly coastline-like ring: 2,000 vertices on a 5 km circle with 1 m noise.
  core::Polygon p;
  for (int i = 0; i <= 2000; ++i) {
    const double a = 2.0 * 3.14159265358979 * i / 2000;
    const double r = 5000.0 + ((i % 2) ? 1.0 : -1.0);
    p.outer().push_back(core::XY{-50000 + r * std::cos(a), 3770000 + r * std::sin(a)});
  }
  p.outer().back() = p.outer().front();
  boost::geometry::correct(p);
  // And an islet 10 m across, which must vanish from coarse levels.
  core::Polygon islet;
  boost::geometry::read_wkt(
      "POLYGON((-40000 3770000,-40000 3770010,-39990 3770010,-39990 3770000,-40000 3770000))",
      islet);
  boost::geometry::correct(islet);
  core::Layer layer;
  layer.category = core::Category::boundary;
  layer.features.push_back(
      core::Feature{core::MultiPolygon{p, islet}, {}, core::Category::boundary, 1});
  const render::LayerMesh mesh = render::build_layer_mesh(layer, {});
  std::size_t previous = mesh.levels[0].outlines.size();
  CHECK(previous == 2000 + 4);
  for (std::size_t level = 1; level < render::kLodLevels; ++level) {
    INFO("level " << level);
    const auto& g = mesh.levels[level];
    CHECK(g.outlines.size() < previous);
    previous = g.outlines.size();
    render::TriangleMesh tri;
    for (const auto& v : g.fill_vertices) {
      tri.vertices.push_back({v.x, v.y});
    }
    tri.indices = g.fill_indices;
    // Simplification moves the edge by at most the tolerance: area within perimeter * tolerance.
    const double tolerance = render::kLodTolerances[level];
    CHECK(render::triangle_area_sum(tri) ==
          Approx(boost::geometry::area(p)).margin(2.0 * 3.1416 * 5000.0 * tolerance + 200.0));
  }
  CHECK(mesh.levels[1].outlines.size() < 200);  // the 1 m noise is gone at 4 m
  CHECK(mesh.levels[2].outlines.size() < previous + 1000);
}

TEST_CASE("the level of detail follows the pixel size", "[mesh]") {
  CHECK(render::lod_level(0.5) == 0);
  CHECK(render::lod_level(5.0) == 1);
  CHECK(render::lod_level(20.0) == 2);
  CHECK(render::lod_level(100.0) == 3);
  CHECK(render::lod_level(5000.0) == render::kLodLevels - 1);
}
