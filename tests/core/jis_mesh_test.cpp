#include "core/jis_mesh.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;

TEST_CASE("mesh codes of known places at every level", "[core][jis_mesh]") {
  // Tokyo Station lies in third-level mesh 5339-46-11.
  const LonLat tokyo_station{139.767125, 35.681236};
  CHECK(mesh_cell_at(tokyo_station, MeshLevel::first)->code == 5339u);
  CHECK(mesh_cell_at(tokyo_station, MeshLevel::second)->code == 533946u);
  CHECK(mesh_cell_at(tokyo_station, MeshLevel::third)->code == 53394611u);

  // Munakata city office (宗像市役所, 33.8057 N 130.5403 E) lies in first-level mesh 5030, the
  // mesh SOURCES.md names for the region; worked by hand: lat*1.5 = 50.709, lon-100 = 30.540,
  // second 5,4; third 6,3; half: north-west (3); quarter: south-west (1).
  const LonLat munakata{130.5403, 33.8057};
  CHECK(mesh_cell_at(munakata, MeshLevel::first)->code == 5030u);
  CHECK(mesh_cell_at(munakata, MeshLevel::third)->code == 50305463u);
  CHECK(mesh_cell_at(munakata, MeshLevel::half)->code == 503054633u);
  CHECK(mesh_cell_at(munakata, MeshLevel::quarter)->code == 5030546331u);
}

TEST_CASE("mesh cells have the standard sizes and contain their point", "[core][jis_mesh]") {
  const LonLat p{130.5403, 33.8057};
  for (MeshLevel level : {MeshLevel::first, MeshLevel::second, MeshLevel::third, MeshLevel::half,
                          MeshLevel::quarter}) {
    const MeshCell c = *mesh_cell_at(p, level);
    const LonLat size = mesh_cell_size_deg(level);
    CHECK(c.north_east.lon - c.south_west.lon == Approx(size.lon).margin(1e-12));
    CHECK(c.north_east.lat - c.south_west.lat == Approx(size.lat).margin(1e-12));
    CHECK(c.south_west.lon <= p.lon);
    CHECK(p.lon < c.north_east.lon);
    CHECK(c.south_west.lat <= p.lat);
    CHECK(p.lat < c.north_east.lat);
    CHECK(std::to_string(c.code).size() == static_cast<std::size_t>(mesh_code_digits(level)));
  }
  CHECK(mesh_cell_size_deg(MeshLevel::half).lat == Approx(15.0 / 3600.0));
  CHECK(mesh_cell_size_deg(MeshLevel::quarter).lon == Approx(11.25 / 3600.0));
}

TEST_CASE("a cell's south-west corner belongs to it; codes round-trip", "[core][jis_mesh]") {
  const MeshCell c = *mesh_cell_at({130.5403, 33.8057}, MeshLevel::quarter);
  CHECK(mesh_cell_at(c.south_west, MeshLevel::quarter)->code == c.code);
  const MeshCell back = *mesh_cell_from_code(c.code);
  CHECK(back.level == MeshLevel::quarter);
  CHECK(back.south_west.lon == Approx(c.south_west.lon).margin(1e-12));
  CHECK(back.south_west.lat == Approx(c.south_west.lat).margin(1e-12));

  CHECK_FALSE(mesh_cell_from_code(12345u).has_value());      // 5 digits: no such level
  CHECK_FALSE(mesh_cell_from_code(503054635u).has_value());  // sub-square digit 5
  CHECK_FALSE(mesh_cell_from_code(503084u).has_value());     // second-level digit 8
  CHECK_FALSE(mesh_cell_at({10.0, 50.0}, MeshLevel::third).has_value());
}

TEST_CASE("cells covering a box tile it without gaps", "[core][jis_mesh]") {
  const LonLat sw{130.50, 33.80};
  const LonLat ne{130.52, 33.81};
  const auto cells = mesh_cells_covering(sw, ne, MeshLevel::half);
  // 0.02° of longitude / 22.5" = 3.2 -> 4 or 5 columns; 0.01° of latitude / 15" = 2.4 -> 3 or 4
  // rows.
  REQUIRE(cells.size() >= 12);
  REQUIRE(cells.size() <= 20);
  double covered = 0;
  for (const auto& c : cells) {
    const double w = std::min(c.north_east.lon, ne.lon) - std::max(c.south_west.lon, sw.lon);
    const double h = std::min(c.north_east.lat, ne.lat) - std::max(c.south_west.lat, sw.lat);
    REQUIRE(w > 0);
    REQUIRE(h > 0);
    covered += w * h;
  }
  CHECK(covered == Approx((ne.lon - sw.lon) * (ne.lat - sw.lat)).epsilon(1e-9));
}
