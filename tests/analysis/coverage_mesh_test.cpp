#include "analysis/coverage_mesh.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "analysis/coverage.hpp"
#include "fixtures.hpp"

using namespace caremap;
using core::MeshLevel;
using core::Meters;
using core::XY;
namespace bg = boost::geometry;

namespace {

// The projector's origin is the south-west corner of a third-level cell near Munakata city
// office, so half-mesh cell (i, j) is exactly the rectangle [i w, (i+1) w] x [j h, (j+1) h].
struct Grid {
  core::MeshCell third = *core::mesh_cell_at({130.5403, 33.8057}, MeshLevel::third);
  // mutable: a Projector converts only through non-const methods (core/projector.hpp).
  mutable test::EquirectangularProjector projector{third.south_west.lon, third.south_west.lat};
  double w = 22.5 / 3600 * projector.metres_per_deg_lon();  // half cell, east-west
  double h = 15.0 / 3600 * projector.metres_per_deg_lat();  // half cell, north-south

  XY centre(int i, int j) const { return {(i + 0.5) * w, (j + 0.5) * h}; }
  std::uint64_t code(int i, int j, MeshLevel level = MeshLevel::half) const {
    return core::mesh_cell_at(projector.inverse(centre(i, j)), level)->code;
  }
};

struct MeshFixture {
  Grid g;
  // West city up to 3.3 cells, east city from there to 5 cells; 3 rows.
  core::MultiPolygon west{test::rectangle(0, 0, 3.3 * g.w, 3 * g.h)};
  core::MultiPolygon east{test::rectangle(3.3 * g.w, 0, 5 * g.w, 3 * g.h)};
  std::vector<analysis::NamedArea> areas{{"west", &west}, {"east", &east}};
  // One facility at the centre of (0,0), two beside the centre of (2,1), one 150 m east of the
  // centre of (4,2); reach 200 m, less than half a cell, so each reaches only its own centre.
  std::vector<analysis::Disc> facilities{{g.centre(0, 0), Meters{200}},
                                         {{g.centre(2, 1).x - 50, g.centre(2, 1).y}, Meters{200}},
                                         {{g.centre(2, 1).x + 50, g.centre(2, 1).y}, Meters{200}},
                                         {{g.centre(4, 2).x + 150, g.centre(4, 2).y}, Meters{200}}};
};

std::string text(const core::Feature& f, const core::Layer& layer, std::string_view name) {
  return core::to_text(f.values[layer.require_field(name)]);
}

}  // namespace

TEST_CASE("half-mesh cells over two cities: codes, cities, geometry", "[analysis][mesh]") {
  MeshFixture fx;
  const Grid& g = fx.g;
  REQUIRE(g.w > 500);  // about 578 m x 463 m at 33.8 N
  REQUIRE(g.h > 450);
  analysis::MeshCounts counts;
  core::Diagnostics diagnostics;
  const core::Layer mesh = analysis::coverage_mesh(fx.areas, fx.facilities, g.projector,
                                                   MeshLevel::half, counts, diagnostics);
  CHECK(mesh.category == core::Category::mesh);
  CHECK(diagnostics.empty());
  // Exactly the 5 x 3 cells under the cities: neighbours that only touch an outer edge are out.
  REQUIRE(mesh.size() == 15);
  CHECK(counts.cells == 15);
  std::map<std::string, const core::Feature*> by_code;
  for (const auto& f : mesh.features) {
    by_code[text(f, mesh, "mesh_code")] = &f;
  }
  CHECK(by_code.size() == 15);
  // Sub-square numbering by hand: the third-level cell's south-west half cell ends in 1, its
  // south-east one in 2, north-west 3, north-east 4.
  const std::string third = std::to_string(g.third.code);
  CHECK(by_code.count(third + "1"));
  CHECK(g.code(0, 0) == g.third.code * 10 + 1);
  CHECK(g.code(1, 0) == g.third.code * 10 + 2);
  CHECK(g.code(0, 1) == g.third.code * 10 + 3);
  CHECK(g.code(1, 1) == g.third.code * 10 + 4);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 3; ++j) {
      const std::string code = std::to_string(g.code(i, j));
      REQUIRE(by_code.count(code));
      const core::Feature& f = *by_code[code];
      CHECK(code.size() == 9);
      // Column 3 straddles the border; its centre (3.5 w) is in the east city.
      CHECK(text(f, mesh, "city") == (i < 3 ? "west" : "east"));
      const core::Box box = *core::envelope(f.geometry);
      CHECK(box.min_corner().x == Approx(i * g.w).margin(1e-6));
      CHECK(box.max_corner().x == Approx((i + 1) * g.w).margin(1e-6));
      CHECK(box.min_corner().y == Approx(j * g.h).margin(1e-6));
      CHECK(box.max_corner().y == Approx((j + 1) * g.h).margin(1e-6));
      CHECK(core::area(f.geometry).value == Approx(g.w * g.h).epsilon(1e-9));
    }
  }
}

TEST_CASE("facilities in reach of each cell centre, and the 0/1/2+ level", "[analysis][mesh]") {
  MeshFixture fx;
  analysis::MeshCounts counts;
  core::Diagnostics diagnostics;
  const core::Layer mesh = analysis::coverage_mesh(fx.areas, fx.facilities, fx.g.projector,
                                                   MeshLevel::half, counts, diagnostics);
  std::map<std::uint64_t, std::int64_t> expected_count{
      {fx.g.code(0, 0), 1}, {fx.g.code(2, 1), 2}, {fx.g.code(4, 2), 1}};
  for (const auto& f : mesh.features) {
    const std::uint64_t code = std::stoull(text(f, mesh, "mesh_code"));
    // Brute force: facilities within reach of the projected lon/lat centre.
    const XY c = fx.g.projector.forward(core::mesh_cell_from_code(code)->center());
    std::int64_t brute = 0;
    for (const auto& d : fx.facilities) {
      brute += std::hypot(d.centre.x - c.x, d.centre.y - c.y) <= d.radius.value ? 1 : 0;
    }
    const auto n = std::get<std::int64_t>(f.values[mesh.require_field("facilities_in_reach")]);
    CHECK(n == brute);
    CHECK(n == (expected_count.count(code) ? expected_count[code] : 0));
    const auto level = std::get<std::int64_t>(f.values[mesh.require_field("level")]);
    CHECK(level == std::min<std::int64_t>(n, 2));
    CHECK(text(f, mesh, "level_label") == (n == 0 ? "none" : n == 1 ? "single" : "backup"));
  }
  CHECK(counts.none == 12);
  CHECK(counts.single == 2);
  CHECK(counts.backup == 1);
}

TEST_CASE("quarter mesh: ten-digit codes, four per half cell", "[analysis][mesh]") {
  MeshFixture fx;
  analysis::MeshCounts counts;
  core::Diagnostics diagnostics;
  const core::Layer mesh = analysis::coverage_mesh(fx.areas, fx.facilities, fx.g.projector,
                                                   MeshLevel::quarter, counts, diagnostics);
  CHECK(mesh.size() == 60);
  std::set<std::uint64_t> parents;
  for (const auto& f : mesh.features) {
    const std::string code = text(f, mesh, "mesh_code");
    CHECK(code.size() == 10);
    parents.insert(std::stoull(code) / 10);
  }
  CHECK(parents.size() == 15);
  CHECK(parents.count(fx.g.code(0, 0)));
}

TEST_CASE("islets far apart yield only their own cells", "[analysis][mesh]") {
  Grid g;
  // A triangle inside cell (10, 20) and a tiny square over the corner shared by four cells.
  core::Polygon triangle;
  triangle.outer() = {{10.2 * g.w, 20.2 * g.h},
                      {10.5 * g.w, 20.8 * g.h},
                      {10.8 * g.w, 20.2 * g.h},
                      {10.2 * g.w, 20.2 * g.h}};
  const core::MultiPolygon islands{triangle,
                                   test::rectangle(29.9 * g.w, 4.9 * g.h, 30.1 * g.w, 5.1 * g.h)};
  const std::vector<analysis::NamedArea> areas{{"islands", &islands}};
  analysis::MeshCounts counts;
  core::Diagnostics diagnostics;
  const core::Layer mesh =
      analysis::coverage_mesh(areas, {}, g.projector, MeshLevel::half, counts, diagnostics);
  std::set<std::uint64_t> codes;
  for (const auto& f : mesh.features) {
    codes.insert(std::stoull(text(f, mesh, "mesh_code")));
  }
  const std::set<std::uint64_t> expected{g.code(10, 20), g.code(29, 4), g.code(30, 4),
                                         g.code(29, 5), g.code(30, 5)};
  CHECK(codes == expected);
  CHECK(counts.none == 5);
}

TEST_CASE("coverage passes its mesh level through and can skip the mesh", "[analysis][mesh]") {
  MeshFixture fx;
  const auto clinics = test::point_layer("clinics", core::Category::clinic, {fx.g.centre(0, 0)});
  const auto boundary = test::boundary_layer({{"west", fx.west}, {"east", fx.east}});
  const std::vector<analysis::CoverageSource> sources{{clinics, Meters{200}}};
  analysis::CoverageParams params;
  const auto with_mesh = analysis::coverage(sources, boundary, fx.g.projector, params);
  CHECK(with_mesh.mesh.size() == 15);
  CHECK(with_mesh.summary.mesh.single == 1);
  CHECK(with_mesh.mesh.crs == "EPSG:6670");
  params.mesh_level = MeshLevel::quarter;
  CHECK(analysis::coverage(sources, boundary, fx.g.projector, params).mesh.size() == 60);
  params.mesh_level.reset();
  const auto without = analysis::coverage(sources, boundary, fx.g.projector, params);
  CHECK(without.mesh.features.empty());
  CHECK(without.summary.mesh.cells == 0);
}
