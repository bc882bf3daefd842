#include "analysis/point_coverage.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/coverage_radius.hpp"
#include "analysis/nearest.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "random_points.hpp"

using namespace caremap;
using core::Category;
using core::XY;
using test::random_points;

namespace {

// Facilities reaching p, counted the slow way: every facility against its own radius.
int brute_force(XY p, const std::vector<std::pair<XY, double>>& facilities) {
  int n = 0;
  for (const auto& [q, r] : facilities) {
    n += std::hypot(q.x - p.x, q.y - p.y) <= r ? 1 : 0;
  }
  return std::min(n, 2);
}

}  // namespace

TEST_CASE("point coverage counts the facilities reaching each point, each by its own radius",
          "[analysis][point_coverage]") {
  const auto hospitals =
      test::point_layer("hospitals", Category::hospital, random_points(60, 1, 200'000.0));
  const auto clinics =
      test::point_layer("clinics", Category::clinic, random_points(200, 2, 200'000.0));
  const auto demand =
      test::point_layer("demand", Category::demand, random_points(5000, 3, 200'000.0));
  // Hospitals at the layer's 4 km; clinics at the category default (16 km, home visits) unless
  // the run gives one radius for all.
  const std::vector<analysis::CoverageSource> sources{{hospitals, core::Meters{4000.0}},
                                                      {clinics, std::nullopt}};
  analysis::PointCoverageParams params;
  params.categories = {Category::hospital, Category::clinic};
  params.threads = GENERATE(1u, 3u);
  const bool one_radius = GENERATE(false, true);
  if (one_radius) {
    params.radius = core::Meters{2500.0};
  }
  const auto r = analysis::point_coverage(*demand, sources, params);

  std::vector<std::pair<XY, double>> facilities;
  const double clinic_radius =
      one_radius ? 2500.0 : analysis::default_coverage_radius(Category::clinic)->value;
  for (const auto& f : hospitals->features) {
    facilities.push_back({std::get<XY>(f.geometry), one_radius ? 2500.0 : 4000.0});
  }
  for (const auto& f : clinics->features) {
    facilities.push_back({std::get<XY>(f.geometry), clinic_radius});
  }
  REQUIRE(r.points.size() == 5000);
  std::size_t none = 0;
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    const XY p = std::get<XY>(demand->features[r.points[i].value].geometry);
    REQUIRE(static_cast<int>(r.reach[i]) == brute_force(p, facilities));
    none += r.reach[i] == 0 ? 1 : 0;
  }
  CHECK(r.summary.none == none);
  CHECK(r.summary.none + r.summary.single + r.summary.backup == 5000);
  CHECK(r.summary.facilities == 260);
  // Both outcomes occur, so the comparison above could fail either way.
  CHECK(r.summary.none > 0);
  CHECK(r.summary.backup > 0);
  CHECK(r.schema.provenance.basis.distance.en == "straight line");

  analysis::PointCoverageRows rows(r, *demand);
  core::Feature f;
  rows.get(10, f);
  CHECK(std::get<std::int64_t>(f.values[2]) == r.reach[10]);
  CHECK(std::get<std::string>(f.values[1]) == "demand-10");
}

TEST_CASE("point coverage of a demand layer in its own CRS, searched from the positions given",
          "[analysis][point_coverage]") {
  const std::vector<XY> working = random_points(800, 21, 50'000.0);
  std::vector<XY> own;  // stands for the lon/lat the file was read as
  for (const XY& p : working) {
    own.push_back({p.x * 1e-5 + 130.0, p.y * 1e-5 + 33.0});
  }
  auto demand = std::make_shared<core::Layer>(*test::point_layer("demand", Category::demand, own));
  demand->crs = "EPSG:4326";
  const auto same_crs = test::point_layer("demand", Category::demand, working);
  const std::vector<analysis::CoverageSource> sources{
      {test::point_layer("clinics", Category::clinic, random_points(40, 22, 50'000.0)),
       core::Meters{3000.0}}};
  analysis::PointCoverageParams params;
  params.categories = {Category::clinic};
  const auto expected = analysis::point_coverage(*same_crs, sources, params);
  const auto r = analysis::point_coverage(*demand, working, sources, params);
  CHECK(r.reach == expected.reach);
  CHECK(r.summary.backup == expected.summary.backup);
  CHECK(r.summary.none == expected.summary.none);
  CHECK(r.summary.none > 0);
  CHECK(r.summary.backup > 0);
  // The rows are the demand's own points, in its CRS.
  CHECK(r.schema.crs == "EPSG:4326");
  const analysis::PointCoverageRows rows(r, *demand);
  core::Feature f;
  for (std::size_t i = 0; i < rows.size(); i += 97) {
    rows.get(i, f);
    CHECK(std::get<XY>(f.geometry) == own[r.points[i].value]);
  }
  // Without positions the CRSs must agree; with them, their number must.
  CHECK_THROWS_AS(analysis::point_coverage(*demand, sources, params), core::ArgumentError);
  CHECK_THROWS_AS(analysis::point_coverage(*demand, std::span(working).first(799), sources, params),
                  core::ArgumentError);
}

TEST_CASE("point coverage refuses radii it cannot use", "[analysis][point_coverage]") {
  const auto shelters = test::point_layer("other", Category::other, {{0.0, 0.0}});
  const auto demand = test::point_layer("demand", Category::demand, {{10.0, 0.0}});
  const std::vector<analysis::CoverageSource> sources{{shelters, std::nullopt}};
  analysis::PointCoverageParams params;
  params.categories = {Category::other};
  CHECK_THROWS_AS(analysis::point_coverage(*demand, sources, params), core::ArgumentError);
  params.radius = core::Meters{-1.0};
  CHECK_THROWS_AS(analysis::point_coverage(*demand, sources, params), core::ArgumentError);
  params.radius = core::Meters{10.0};
  CHECK(analysis::point_coverage(*demand, sources, params).summary.single == 1);
}

TEST_CASE("streamed nearest links are the rows of the links layer", "[analysis][nearest]") {
  const auto hospitals =
      test::point_layer("hospitals", Category::hospital, random_points(50, 4, 20'000.0));
  const auto demand =
      test::point_layer("demand", Category::demand, random_points(700, 5, 20'000.0));
  const std::vector<core::LayerPtr> layers{hospitals};
  analysis::NearestParams params;
  params.k = 2;
  params.link_geometry =
      GENERATE(analysis::LinkGeometry::line, analysis::LinkGeometry::demand_point);
  const auto built = analysis::nearest(*demand, layers, params);
  params.build_links = false;
  const auto bare = analysis::nearest(*demand, layers, params);
  REQUIRE(bare.links.features.empty());
  const analysis::NearestLinks links(bare, *demand, params.link_geometry);
  REQUIRE(links.size() == built.links.features.size());
  core::Feature f;
  for (std::size_t i = 0; i < links.size(); ++i) {
    links.get(i, f);
    const core::Feature& e = built.links.features[i];
    REQUIRE(f.values == e.values);
    REQUIRE(f.geometry.index() == e.geometry.index());
    CHECK(core::representative_point(f.geometry)->x ==
          Approx(core::representative_point(e.geometry)->x).margin(1e-9));
  }
  CHECK(links.schema().fields.size() == built.links.fields.size());
}
