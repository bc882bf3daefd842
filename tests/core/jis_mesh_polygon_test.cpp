#include "core/jis_mesh_polygon.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace caremap::core;

namespace {

// Degrees to arc-seconds, so the expected corners read as the hand computation below.
constexpr double dms(double d, double m, double s) {
  return d + m / 60.0 + s / 3600.0;
}

// A plain linear projector: 1 degree of longitude = 92,000 m, of latitude = 111,000 m (about
// right at 33.8° N; the exact figures do not matter to the corners).
class LinearProjector : public Projector {
 public:
  XY forward(LonLat p) override { return {p.lon * 92000.0, p.lat * 111000.0}; }
  LonLat inverse(XY p) override { return {p.x / 92000.0, p.y / 111000.0}; }
};

void check_corners(std::uint64_t code, LonLat sw, LonLat ne) {
  INFO("mesh code " << code);
  const auto cell = mesh_cell_from_code(code);
  REQUIRE(cell);
  CHECK(cell->south_west.lon == Approx(sw.lon).margin(1e-9));
  CHECK(cell->south_west.lat == Approx(sw.lat).margin(1e-9));
  CHECK(cell->north_east.lon == Approx(ne.lon).margin(1e-9));
  CHECK(cell->north_east.lat == Approx(ne.lat).margin(1e-9));

  LinearProjector projector;
  const auto poly = mesh_code_polygon(code, projector);
  REQUIRE(poly);
  // Clockwise from the south-west, closed: SW, NW, NE, SE, SW.
  const std::array<LonLat, 5> expected{sw, LonLat{sw.lon, ne.lat}, ne, LonLat{ne.lon, sw.lat}, sw};
  REQUIRE(poly->outer().size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const XY want = projector.forward(expected[i]);
    CHECK(poly->outer()[i].x == Approx(want.x).margin(1e-6));
    CHECK(poly->outer()[i].y == Approx(want.y).margin(1e-6));
  }
  CHECK(boost::geometry::is_valid(*poly));
  CHECK(boost::geometry::area(*poly) ==
        Approx((ne.lon - sw.lon) * 92000.0 * (ne.lat - sw.lat) * 111000.0).epsilon(1e-9));
}

}  // namespace

TEST_CASE("1 km, 500 m and 250 m codes give the corners worked by hand",
          "[core][jis_mesh][polygon]") {
  // 50305463, a third-level (1 km) cell in 宗像市:
  //   first 50 30: latitude 50 x 40' = 33°20', longitude 100° + 30° = 130°
  //   second 5 4:  + 5 x 5' = 33°45',          + 4 x 7'30" = 130°30'
  //   third 6 3:   + 6 x 30" = 33°48'00",       + 3 x 45"   = 130°32'15"
  //   size 30" x 45": north-east corner 33°48'30", 130°33'00".
  check_corners(50305463u, {dms(130, 32, 15), dms(33, 48, 0)}, {dms(130, 33, 0), dms(33, 48, 30)});
  // 503054633, its north-west 500 m quarter (digit 3): + 15" of latitude, + 0 of longitude;
  // size 15" x 22.5".
  check_corners(503054633u, {dms(130, 32, 15), dms(33, 48, 15)},
                {dms(130, 32, 37.5), dms(33, 48, 30)});
  // 5030546331, that cell's south-west 250 m quarter (digit 1); size 7.5" x 11.25".
  check_corners(5030546331u, {dms(130, 32, 15), dms(33, 48, 15)},
                {dms(130, 32, 26.25), dms(33, 48, 22.5)});
  // 5339461142, Tokyo (板橋区's first-level mesh 5339 is where the census of Tokyo lies):
  //   53 39 -> 35°20', 139°; 4 6 -> 35°40', 139°45'; 1 1 -> 35°40'30", 139°45'45";
  //   half 4 (north-east) -> 35°40'45", 139°46'07.5"; quarter 2 (south-east) -> + 11.25" lon.
  check_corners(5339461142u, {dms(139, 46, 18.75), dms(35, 40, 45)},
                {dms(139, 46, 30), dms(35, 40, 52.5)});
}

TEST_CASE("large cells follow their curved edges; malformed codes give no polygon",
          "[core][jis_mesh][polygon]") {
  LinearProjector projector;
  const auto first = mesh_code_polygon(5030u, projector);
  REQUIRE(first);
  CHECK(first->outer().size() == 4u * 16u + 1u);
  CHECK(boost::geometry::area(*first) ==
        Approx(1.0 * 92000.0 * (40.0 / 60.0) * 111000.0).epsilon(1e-9));
  CHECK_FALSE(mesh_code_polygon(503054635u, projector));  // sub-square digit 5
  CHECK_FALSE(mesh_code_polygon(12345u, projector));      // no level has 5 digits
}

TEST_CASE("many cells projected in one call give the polygons of one call per cell",
          "[core][mesh]") {
  // A 500 m cell, a 1 km cell, a 10 km cell (16 points) and a 250 m cell of 宗像市.
  std::vector<MeshCell> cells;
  for (const std::uint64_t code : {503042423ull, 50304242ull, 503042ull, 5030424232ull}) {
    const auto cell = mesh_cell_from_code(code);
    REQUIRE(cell);
    cells.push_back(*cell);
  }
  LinearProjector projector;
  const std::vector<Polygon> batch = mesh_cell_polygons(cells, projector);
  REQUIRE(batch.size() == cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    INFO("cell " << i);
    const Polygon one = mesh_cell_polygon(cells[i], projector);
    REQUIRE(batch[i].outer().size() == one.outer().size());
    for (std::size_t k = 0; k < one.outer().size(); ++k) {
      CHECK(batch[i].outer()[k] == one.outer()[k]);
    }
  }
  CHECK(batch[2].outer().size() == 4 * 4 + 1);
  CHECK(mesh_cell_polygons({}, projector).empty());
}
