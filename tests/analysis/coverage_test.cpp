#include "analysis/coverage.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "analysis/coverage_radius.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"

using namespace caremap;
using analysis::CoverageParams;
using analysis::CoverageSource;
using core::Category;
using core::Meters;
using core::XY;
namespace bg = boost::geometry;

namespace {

double polygon_circle_area(double r, int n) {
  return n / 2.0 * std::sin(2 * std::numbers::pi / n) * r * r;
}

// The area of the disc of radius r on one side of a chord at distance h from the centre.
double segment_area(double r, double h) {
  return r * r * std::acos(h / r) - h * std::sqrt(r * r - h * h);
}

core::Layer square_city(double size = 10'000) {
  return test::boundary_layer({{"square", {test::rectangle(0, 0, size, size)}}});
}

test::EquirectangularProjector kProjector{130.5, 33.8};

CoverageParams no_mesh() {
  CoverageParams p;
  p.mesh_level.reset();
  return p;
}

double field(const core::Feature& f, const core::Layer& layer, std::string_view name) {
  return *core::to_number(f.values[layer.require_field(name)]);
}

}  // namespace

TEST_CASE("one clinic in the middle of a square city", "[analysis][coverage]") {
  const auto clinics = test::point_layer("clinics", Category::clinic, {{5000, 5000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{2000}}};
  for (int n : {64, 360}) {
    CoverageParams params = no_mesh();
    params.circle_segments = n;
    const auto result = analysis::coverage(sources, square_city(), kProjector, params);
    REQUIRE(result.cities.size() == 1);
    const auto& city = result.cities[0];
    const double expected = polygon_circle_area(2000, n);
    CHECK(city.city == "square");
    CHECK(city.city_km2 == Approx(100.0).epsilon(1e-12));
    CHECK(city.covered_km2 * 1e6 == Approx(expected).epsilon(1e-9));
    CHECK(city.covered_km2 * 1e6 ==
          Approx(std::numbers::pi * 4e6).epsilon(analysis::circle_area_error(n) * 1.0001));
    CHECK(city.uncovered_km2 * 1e6 == Approx(1e8 - expected).epsilon(1e-9));
    CHECK(city.covered_pct == Approx(expected / 1e6).epsilon(1e-9));  // of 100 km²
    CHECK(city.covered_pct + city.uncovered_pct == Approx(100.0).epsilon(1e-9));
    CHECK(city.gap_parts == 1);  // the square with a round hole
    CHECK(result.summary.circle_area_error == analysis::circle_area_error(n));

    REQUIRE(result.covered.size() == 1);
    const auto& covered = result.covered.features[0];
    CHECK(core::area(covered.geometry).value == Approx(expected).epsilon(1e-9));
    CHECK(field(covered, result.covered, "covered_km2") == Approx(city.covered_km2));
    CHECK(field(covered, result.covered, "city_km2") == Approx(100.0));
    CHECK(core::to_text(covered.values[0]) == "square");
    REQUIRE(result.gaps.size() == 1);
    CHECK(core::area(result.gaps.features[0].geometry).value ==
          Approx(1e8 - expected).epsilon(1e-9));
    CHECK(field(result.gaps.features[0], result.gaps, "gap_pct") == Approx(city.uncovered_pct));
    CHECK(result.covered.category == Category::coverage_area);
    CHECK(result.gaps.category == Category::coverage_gap);
    CHECK(result.diagnostics.empty());
  }
}

TEST_CASE("two overlapping clinics: union and backup area", "[analysis][coverage]") {
  const double r = 2000;
  const double d = 2000;
  const auto clinics = test::point_layer("clinics", Category::clinic, {{4000, 5000}, {6000, 5000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{r}}};
  const auto result = analysis::coverage(sources, square_city(), kProjector, no_mesh());
  const double lens = 2 * r * r * std::acos(d / (2 * r)) - d / 2 * std::sqrt(4 * r * r - d * d);
  const double tolerance = 2 * analysis::circle_area_error(360) * std::numbers::pi * r * r;
  const auto& city = result.cities[0];
  const double union_exact = 2 * std::numbers::pi * r * r - lens;
  CHECK(city.covered_km2 * 1e6 <= union_exact);
  CHECK(city.covered_km2 * 1e6 >= union_exact - tolerance);
  CHECK(city.backup_km2 * 1e6 <= lens);
  CHECK(city.backup_km2 * 1e6 >= lens - tolerance);
  REQUIRE(result.backup.size() == 1);
  CHECK(core::area(result.backup.features[0].geometry).value == Approx(city.backup_km2 * 1e6));
  CHECK(city.backup_pct == Approx(city.backup_km2).epsilon(1e-12));  // a 100 km² city
}

TEST_CASE("a circle crossing the city edge is clipped", "[analysis][coverage]") {
  // Centre 1 km inside the west edge: the part of the disc beyond x < 0 is a circular segment.
  const double r = 2000;
  const double h = 1000;
  const auto clinics = test::point_layer("clinics", Category::clinic, {{h, 5000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{r}}};
  const auto result = analysis::coverage(sources, square_city(), kProjector, no_mesh());
  const double pi_r2 = std::numbers::pi * r * r;
  const double clipped_exact = pi_r2 - segment_area(r, h);
  const double covered = result.cities[0].covered_km2 * 1e6;
  CHECK(covered <= clipped_exact);
  CHECK(covered >= clipped_exact - analysis::circle_area_error(360) * pi_r2);
  // A facility outside the city still covers it.
  const auto outside = test::point_layer("clinics", Category::clinic, {{-h, 5000}});
  const std::vector<CoverageSource> outside_sources{{outside, Meters{r}}};
  const auto across = analysis::coverage(outside_sources, square_city(), kProjector, no_mesh());
  const double segment = across.cities[0].covered_km2 * 1e6;
  CHECK(segment <= segment_area(r, h));
  CHECK(segment >= segment_area(r, h) - analysis::circle_area_error(360) * pi_r2);
}

TEST_CASE("two cities get their own figures", "[analysis][coverage]") {
  // West and east squares sharing the edge x = 10 km; one clinic on the shared edge covers a
  // half polygon in each (the polygon is symmetric about the vertical through its centre), a
  // second clinic covers a full polygon in the west only.
  const auto boundary =
      test::boundary_layer({{"west", {test::rectangle(0, 0, 10'000, 10'000)}},
                            {"east", {test::rectangle(10'000, 0, 20'000, 10'000)}}});
  const auto clinics =
      test::point_layer("clinics", Category::clinic, {{10'000, 5000}, {3000, 3000}});
  const std::vector<CoverageSource> sources{{clinics, std::nullopt}};
  CoverageParams params = no_mesh();
  params.radius = Meters{2000};
  const auto big = polygon_circle_area(2000, 360);
  // The second clinic's radius comes from the run too.
  const auto result = analysis::coverage(sources, boundary, kProjector, params);
  REQUIRE(result.cities.size() == 2);
  const auto& west = result.cities[0];
  const auto& east = result.cities[1];
  CHECK(west.city == "west");
  CHECK(east.city == "east");
  CHECK(west.covered_km2 * 1e6 == Approx(big / 2 + big).epsilon(1e-9));
  CHECK(east.covered_km2 * 1e6 == Approx(big / 2).epsilon(1e-9));
  CHECK(west.covered_pct == Approx(100 * (1.5 * big) / 1e8).epsilon(1e-9));
  CHECK(east.covered_pct == Approx(100 * (0.5 * big) / 1e8).epsilon(1e-9));
  CHECK(result.summary.city_km2 == Approx(200.0));
  CHECK(result.summary.covered_km2 == Approx(2 * big / 1e6).epsilon(1e-9));
  CHECK(result.summary.covered_pct == Approx(100 * 2 * big / 2e8).epsilon(1e-9));
  CHECK(result.covered.size() == 2);
  CHECK(result.gaps.size() == 2);
}

TEST_CASE("a radius comes from the run, else the layer, else the category default",
          "[analysis][coverage]") {
  const auto clinics = test::point_layer("clinics", Category::clinic, {{5000, 5000}});
  const auto city = square_city();
  // Default for clinics: 16 km reaches every corner (7.07 km away).
  const std::vector<CoverageSource> by_default{{clinics, std::nullopt}};
  const auto all = analysis::coverage(by_default, city, kProjector, no_mesh());
  CHECK(all.cities[0].covered_pct == Approx(100.0).epsilon(1e-12));
  CHECK(all.summary.max_radius == *analysis::default_coverage_radius(Category::clinic));

  const std::vector<CoverageSource> by_layer{{clinics, Meters{1000}}};
  const auto layer = analysis::coverage(by_layer, city, kProjector, no_mesh());
  CHECK(layer.cities[0].covered_km2 * 1e6 == Approx(polygon_circle_area(1000, 360)));

  CoverageParams run = no_mesh();
  run.radius = Meters{500};
  const auto overridden = analysis::coverage(by_layer, city, kProjector, run);
  CHECK(overridden.cities[0].covered_km2 * 1e6 == Approx(polygon_circle_area(500, 360)));
  CHECK(overridden.summary.min_radius.value == 500);

  // Two layers with their own radii.
  const auto shelters = test::point_layer("shelters", Category::shelter_emergency, {{1000, 1000}});
  const std::vector<CoverageSource> mixed{{clinics, Meters{1000}}, {shelters, std::nullopt}};
  const auto both = analysis::coverage(mixed, city, kProjector, no_mesh());
  CHECK(both.cities[0].covered_km2 * 1e6 ==
        Approx(polygon_circle_area(1000, 360) + polygon_circle_area(500, 360)));
  CHECK(both.summary.min_radius.value == 500);
  CHECK(both.summary.max_radius.value == 1000);
}

TEST_CASE("categories select the facilities that count", "[analysis][coverage]") {
  auto medical = test::point_layer("medical", Category::hospital, {{2500, 5000}, {7500, 5000}});
  medical->features[1].category = Category::backup_hospital;
  const std::vector<CoverageSource> sources{{medical, Meters{1000}}};
  CoverageParams params = no_mesh();
  params.categories = {Category::hospital};
  const auto hospitals = analysis::coverage(sources, square_city(), kProjector, params);
  CHECK(hospitals.summary.facilities == 2);
  params.categories = {Category::backup_hospital};
  const auto backup = analysis::coverage(sources, square_city(), kProjector, params);
  CHECK(backup.summary.facilities == 1);
  params.categories = {Category::clinic};
  const auto none = analysis::coverage(sources, square_city(), kProjector, params);
  CHECK(none.summary.facilities == 0);
  CHECK(none.cities[0].covered_km2 == 0.0);
  CHECK(none.cities[0].uncovered_km2 == Approx(100.0));
  CHECK(none.diagnostics.count("no_facilities") == 1);
}

TEST_CASE("gap pockets come out one by one, largest first", "[analysis][coverage]") {
  // A 10 x 2 km strip cut in two by one disc: a 4 km pocket west, a 2 km pocket east.
  const auto boundary = test::boundary_layer({{"strip", {test::rectangle(0, 0, 10'000, 2000)}}});
  const auto clinics = test::point_layer("clinics", Category::clinic, {{6000, 1000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{1500}}};
  const auto result = analysis::coverage(sources, boundary, kProjector, no_mesh());
  REQUIRE(result.gap_parts.size() == 2);
  CHECK(result.cities[0].gap_parts == 2);
  const auto& parts = result.gap_parts;
  const double a1 = field(parts.features[0], parts, "gap_km2");
  const double a2 = field(parts.features[1], parts, "gap_km2");
  CHECK(a1 > a2);
  CHECK(field(parts.features[0], parts, "part") == 1);
  CHECK(field(parts.features[1], parts, "part") == 2);
  CHECK(core::area(parts.features[0].geometry).value == Approx(a1 * 1e6));
  CHECK((a1 + a2) == Approx(result.cities[0].uncovered_km2).epsilon(1e-12));
  // The west pocket holds (1000, 1000), the east one (9500, 1000).
  CHECK(bg::within(XY{1000, 1000}, std::get<core::Polygon>(parts.features[0].geometry)));
  CHECK(bg::within(XY{9500, 1000}, std::get<core::Polygon>(parts.features[1].geometry)));

  CoverageParams params = no_mesh();
  params.explode_gaps = false;
  params.backup_area = false;
  const auto plain = analysis::coverage(sources, boundary, kProjector, params);
  CHECK(plain.gap_parts.features.empty());
  CHECK(plain.backup.features.empty());
  CHECK(plain.cities[0].backup_km2 == 0.0);
}

TEST_CASE("a city with overlapping parts is repaired, then measured once", "[analysis][coverage]") {
  // Two overlapping 6 x 10 km parts covering the 10 x 10 km square: invalid as a multipolygon.
  core::MultiPolygon overlapping{test::rectangle(0, 0, 6000, 10'000),
                                 test::rectangle(4000, 0, 10'000, 10'000)};
  const auto boundary = test::boundary_layer({{"overlap", overlapping}, {"road", {}}});
  auto with_line = boundary;
  with_line.features[1].geometry = core::LineString{{0, 0}, {1, 1}};
  const auto clinics = test::point_layer("clinics", Category::clinic, {{5000, 5000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{2000}}};
  const auto result = analysis::coverage(sources, with_line, kProjector, no_mesh());
  CHECK(result.diagnostics.count("invalid_boundary_repaired") == 1);
  CHECK(result.diagnostics.count("boundary_not_polygon") == 1);
  REQUIRE(result.cities.size() == 1);
  CHECK(result.cities[0].city_km2 == Approx(100.0).epsilon(1e-9));
  CHECK(result.cities[0].covered_km2 * 1e6 == Approx(polygon_circle_area(2000, 360)));
}

TEST_CASE("coverage records provenance on every layer", "[analysis][coverage]") {
  const auto clinics = test::point_layer("clinics", Category::clinic, {{5000, 5000}});
  const std::vector<CoverageSource> sources{{clinics, Meters{2000}}};
  CoverageParams params;
  params.categories = {Category::clinic};
  const auto result = analysis::coverage(sources, square_city(), kProjector, params);
  using Param = std::pair<std::string, std::string>;
  for (const core::Layer* layer :
       {&result.covered, &result.gaps, &result.gap_parts, &result.backup, &result.mesh}) {
    const core::Provenance& p = layer->provenance;
    CHECK(p.operation == "coverage");
    const auto has = [&p](const Param& kv) {
      return std::find(p.parameters.begin(), p.parameters.end(), kv) != p.parameters.end();
    };
    CHECK(has({"categories", "clinic"}));
    CHECK(has({"radius_m", "2000"}));
    CHECK(has({"circle_segments", "360"}));
    CHECK(has({"mesh", "500m"}));
    REQUIRE(p.inputs.size() == 2);
    CHECK(p.inputs[0].path == "boundaries.geojson");
    CHECK(p.inputs[1].path == "clinics.csv");
    CHECK(layer->crs == "EPSG:6670");
  }
}

TEST_CASE("invalid coverage requests are argument errors", "[analysis][coverage]") {
  const auto clinics = test::point_layer("clinics", Category::clinic, {{5000, 5000}});
  const auto city = square_city();
  CoverageParams params = no_mesh();
  params.radius = Meters{-2000};
  const std::vector<CoverageSource> sources{{clinics, std::nullopt}};
  CHECK_THROWS_AS(analysis::coverage(sources, city, kProjector, params), core::ArgumentError);
  params.radius = Meters{0};
  CHECK_THROWS_AS(analysis::coverage(sources, city, kProjector, params), core::ArgumentError);
  params.radius.reset();
  params.circle_segments = 4;
  CHECK_THROWS_AS(analysis::coverage(sources, city, kProjector, params), core::ArgumentError);
  params.circle_segments = 360;
  const std::vector<CoverageSource> negative_layer{{clinics, Meters{-1}}};
  CHECK_THROWS_AS(analysis::coverage(negative_layer, city, kProjector, params),
                  core::ArgumentError);
  // Demand points have no default reach: a radius must be given.
  const auto patients = test::point_layer("patients", Category::demand, {{1, 1}});
  const std::vector<CoverageSource> no_default{{patients, std::nullopt}};
  CHECK_THROWS_AS(analysis::coverage(no_default, city, kProjector, params), core::ArgumentError);
  const std::vector<CoverageSource> missing{{nullptr, std::nullopt}};
  CHECK_THROWS_AS(analysis::coverage(missing, city, kProjector, params), core::ArgumentError);
}
