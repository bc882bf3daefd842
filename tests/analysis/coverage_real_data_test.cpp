// Coverage on the shipped default region: the real N03 boundaries of Munakata (648 parts with
// its islands) and Fukutsu (43 parts), and the real clinic list. Checks validity, consistency and
// a loose time bound on geometry no hand-made test reaches.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include "analysis/boundary_repair.hpp"
#include "analysis/coverage.hpp"
#include "fixtures.hpp"
#include "test_paths.hpp"

using namespace caremap;
using core::Category;
using core::XY;
namespace bg = boost::geometry;

namespace {

const std::string kRegion = std::string(CAREMAP_TEST_DATA_DIR) + "/munakata-fukutsu/";

// An equirectangular projection about the region's middle: its area scale differs from 1 by
// under 0.2 % across both cities, enough for these checks (the crs layer does it properly).
test::EquirectangularProjector kProjector{130.55, 33.85};

// Read with GDAL directly (not caremap's io layer, which is what this analysis test must not
// depend on), projected with the test's own projector.
core::Ring ring_of(const OGRLinearRing& r) {
  core::Ring ring;
  for (const OGRPoint& pt : r) {
    ring.push_back(kProjector.forward({pt.getX(), pt.getY()}));
  }
  return ring;
}

core::Layer read_boundaries() {
  struct Close {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
  };
  GDALAllRegister();
  const std::unique_ptr<GDALDataset, Close> ds(
      GDALDataset::Open((kRegion + "boundaries.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  REQUIRE(layer != nullptr);
  std::vector<std::pair<std::string, core::MultiPolygon>> cities;
  for (const auto& f : *layer) {
    const OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(g != nullptr);
    REQUIRE(wkbFlatten(g->getGeometryType()) == wkbMultiPolygon);
    core::MultiPolygon mp;
    for (const OGRPolygon* polygon : *g->toMultiPolygon()) {
      core::Polygon p;
      p.outer() = ring_of(*polygon->getExteriorRing());
      for (int r = 0; r < polygon->getNumInteriorRings(); ++r) {
        p.inners().push_back(ring_of(*polygon->getInteriorRing(r)));
      }
      mp.push_back(std::move(p));
    }
    bg::correct(mp);
    cities.emplace_back(f->GetFieldAsString("N03_004"), std::move(mp));
  }
  return test::boundary_layer(cities);
}

std::vector<XY> read_clinics() {
  std::ifstream in(kRegion + "clinics.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream hs(line);
  for (std::string cell; std::getline(hs, cell, ',');) {
    header.push_back(cell);
  }
  const auto column = [&header](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t lat = column("lat");
  const std::size_t lon = column("lon");
  REQUIRE(lat < header.size());
  std::vector<XY> out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) {
      cells.push_back(cell);
    }
    if (cells.size() > std::max(lat, lon)) {
      out.push_back(kProjector.forward({std::stod(cells[lon]), std::stod(cells[lat])}));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("coverage of Munakata and Fukutsu by their clinics", "[analysis][coverage][data]") {
  const core::Layer boundary = read_boundaries();
  REQUIRE(boundary.size() == 2);
  CHECK(std::get<core::MultiPolygon>(boundary.features[0].geometry).size() == 648);
  const std::vector<XY> clinic_points = read_clinics();
  REQUIRE(clinic_points.size() > 90);
  const auto clinics = test::point_layer("clinics", Category::clinic, clinic_points);
  const std::vector<analysis::CoverageSource> sources{{clinics, std::nullopt}};  // 16 km
  const auto start = std::chrono::steady_clock::now();
  const auto result = analysis::coverage(sources, boundary, kProjector, {});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // About 0.1 s on one core; the bound only catches an accidental quadratic step.
  CHECK(seconds < 3.0);

  CHECK(result.diagnostics.empty());
  REQUIRE(result.cities.size() == 2);
  // Official areas: 宗像市 119.94 km², 福津市 52.76 km².
  CHECK(result.cities[0].city == "宗像市");
  CHECK(result.cities[0].city_km2 == Approx(119.94).epsilon(0.003));
  CHECK(result.cities[1].city_km2 == Approx(52.76).epsilon(0.003));
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& c = result.cities[i];
    CHECK(c.covered_km2 + c.uncovered_km2 == Approx(c.city_km2).epsilon(1e-9));
    CHECK(c.backup_km2 <= c.covered_km2 + 1e-9);
    for (const core::Layer* layer : {&result.covered, &result.gaps, &result.backup}) {
      std::string reason;
      const bool valid = analysis::is_valid_multipolygon(
          std::get<core::MultiPolygon>(layer->features[i].geometry), reason);
      INFO(layer->id << ": " << reason);
      CHECK(valid);
    }
  }
  // Whatever is left uncovered is farther than 16 km from every clinic (plus the polygon's
  // 0.61 m), e.g. the island of Okinoshima.
  for (const auto& pocket : result.gap_parts.features) {
    const XY p = *core::representative_point(pocket.geometry);
    for (const XY& c : clinic_points) {
      CHECK(std::hypot(p.x - c.x, p.y - c.y) > 16'000 - 1);
    }
  }
  // Mesh cells: each in one of the two cities, counts agreeing with brute force.
  REQUIRE(result.mesh.size() > 600);
  const std::size_t city_field = result.mesh.require_field("city");
  const std::size_t count_field = result.mesh.require_field("facilities_in_reach");
  std::size_t mismatches = 0;
  for (const auto& cell : result.mesh.features) {
    const std::string city = core::to_text(cell.values[city_field]);
    CHECK((city == "宗像市" || city == "福津市"));
    const auto code = std::stoull(core::to_text(cell.values[0]));
    const XY centre = kProjector.forward(core::mesh_cell_from_code(code)->center());
    std::int64_t brute = 0;
    for (const XY& c : clinic_points) {
      brute += std::hypot(centre.x - c.x, centre.y - c.y) <= 16'000 ? 1 : 0;
    }
    mismatches += std::get<std::int64_t>(cell.values[count_field]) == brute ? 0 : 1;
  }
  CHECK(mismatches == 0);
}
