#include "analysis/population_demand.hpp"

#include <catch2/catch.hpp>

#include "analysis/coverage.hpp"
#include "analysis/people_bands.hpp"
#include "analysis/people_in_areas.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

// Four 100 m cells drawn by hand, people (65+, 75+) in each:
//
//   y=200 +-----------+-----------+
//         | c3: 300   | c4: 400   |      city A: x 0..150, y 0..200
//         | (30, 15)  | (40, 20)  |      city B: x 150..200, y 0..150
//   y=100 +-----------+-----------+      the corner x 150..200, y 150..200 is sea
//         | c1: 100   | c2: 200   |
//         | (10, 5)   | (20, 10)  |
//   y=0   +-----------+-----------+
//         x=0        100         200
//
// c2 is cut in half by the A/B border: A 100, B 100. c4 is cut three ways: A gets x 100..150
// (half: 200), B gets x 150..200, y 100..150 (a quarter: 100), the sea the last quarter (100).
// So A = 100 + 100 + 300 + 200 = 700 and B = 200; 100 people lie outside both.
core::Layer cells() {
  core::Layer l;
  l.id = "population";
  l.title = "人口";
  l.category = core::Category::population;
  l.crs = "EPSG:6670";
  l.fields = {{"mesh_code", core::FieldType::text},
              {"pop_total", core::FieldType::integer},
              {"pop_65plus", core::FieldType::real},
              {"pop_75plus", core::FieldType::real}};
  l.name_field = 0;
  l.provenance.operation = "load";
  l.provenance.param("format", "e-Stat mesh statistics");
  l.provenance.param("mesh", "500m");
  l.provenance.inputs.push_back({"tbl.txt", "population", "2020-10-01", "e-Stat"});
  const struct {
    const char* code;
    double x0, y0, people;
  } rows[] = {{"c1", 0, 0, 100}, {"c2", 100, 0, 200}, {"c3", 0, 100, 300}, {"c4", 100, 100, 400}};
  for (const auto& r : rows) {
    core::Feature f;
    f.category = core::Category::population;
    f.geometry = test::rectangle(r.x0, r.y0, r.x0 + 100, r.y0 + 100);
    f.values = {std::string(r.code), static_cast<std::int64_t>(r.people), r.people / 10.0,
                r.people / 20.0};
    l.features.push_back(f);
  }
  return l;
}

core::Layer cities() {
  return test::boundary_layer({{"A", core::MultiPolygon{test::rectangle(0, 0, 150, 200)}},
                               {"B", core::MultiPolygon{test::rectangle(150, 0, 200, 150)}}});
}

double people_of_label(const Demand& d, const std::string& label, std::uint32_t city) {
  double sum = 0.0;
  for (const auto& p : d.points) {
    if (p.label == label && p.city == city) {
      sum += p.people;
    }
  }
  return sum;
}

}  // namespace

TEST_CASE("cells cut by a city boundary or the coast are apportioned by area",
          "[analysis][population]") {
  const core::Layer population = cells();
  const core::Layer boundary = cities();
  ApportionReport report;
  const Demand d = population_demand(population, &boundary, &report);
  REQUIRE(d.cities == std::vector<std::string>{"A", "B"});
  CHECK(d.has_age_bands);
  CHECK(d.points.size() == 6);  // c1 A, c2 A, c2 B, c3 A, c4 A, c4 B
  CHECK(people_of_label(d, "c2", 0) == Approx(100.0));
  CHECK(people_of_label(d, "c2", 1) == Approx(100.0));
  CHECK(people_of_label(d, "c4", 0) == Approx(200.0));
  CHECK(people_of_label(d, "c4", 1) == Approx(100.0));

  const auto per_city = people_by_city(d);
  CHECK(per_city[0].people == Approx(700.0));
  CHECK(per_city[1].people == Approx(200.0));
  CHECK(per_city[0].people_65plus == Approx(70.0));
  CHECK(per_city[1].people_75plus == Approx(10.0));
  CHECK(report.features_used == 4);
  CHECK(report.cut_features == 2);
  CHECK(report.pieces == 6);
  CHECK(report.people_in_features == Approx(1000.0));
  CHECK(report.people_inside == Approx(900.0));
  CHECK(report.people_outside == Approx(100.0));

  // The piece of c4 in B is the quarter x 150..200, y 100..150; it starts from its middle.
  for (const auto& p : d.points) {
    if (p.label == "c4" && p.city == 1) {
      CHECK(boost::geometry::area(*core::as_multipolygon(p.shape)) == Approx(2500.0));
      CHECK(p.position.x == Approx(175.0));
      CHECK(p.position.y == Approx(125.0));
    }
  }
  CHECK(d.basis.ja == "2020年国勢調査 500mメッシュ人口（面積按分）");
  CHECK(d.basis.en == "2020 census 500 m mesh population (apportioned by area)");
}

TEST_CASE("without cities every cell is one demand point; without pop_total it says how",
          "[analysis][population]") {
  const core::Layer population = cells();
  const Demand d = population_demand(population, nullptr);
  REQUIRE(d.points.size() == 4);
  CHECK(d.points[3].city == kNoCity);
  CHECK(d.points[3].people == 400.0);
  core::Layer no_total = population;
  no_total.fields[1].name = "JINKO";
  CHECK_THROWS_WITH(population_demand(no_total, nullptr),
                    Catch::Contains("pop_total") && Catch::Contains("count_field"));
}

TEST_CASE("points with a count field are people where they stand", "[analysis][population]") {
  auto patients =
      test::point_layer("patients", core::Category::demand, {{50, 50}, {175, 125}, {175, 175}});
  auto layer = std::make_shared<core::Layer>(*patients);
  layer->add_field("人数", core::FieldType::text);
  layer->features[0].values[1] = std::string("3");
  layer->features[1].values[1] = std::string("2");
  layer->features[2].values[1] = std::string("7");  // at sea: in no city
  const core::Layer boundary = cities();
  ApportionReport report;
  const Demand d = counted_demand(*layer, "人数", &boundary, &report);
  const auto per_city = people_by_city(d);
  CHECK(per_city[0].people == 3.0);
  CHECK(per_city[1].people == 2.0);
  CHECK_FALSE(d.has_age_bands);
  CHECK(d.points.size() == 2);
  CHECK(d.basis.ja == "patientsの人数");
  CHECK_THROWS_AS(counted_demand(*layer, "count", &boundary), core::InputError);
  // No count field: one person per point.
  CHECK(people_by_city(counted_demand(*layer, "", &boundary))[0].people == 1.0);
}

TEST_CASE("people inside an area: by the share of each piece's area", "[analysis][population]") {
  const core::Layer population = cells();
  const core::Layer boundary = cities();
  const Demand d = population_demand(population, &boundary);
  const PeopleLocator locator(d);
  // The strip y 0..50 across A: half of c1 (50) and half of c2's A piece (50); B's piece of c2
  // lies outside x 0..150.
  const auto inside = locator.inside_by_city(core::MultiPolygon{test::rectangle(0, 0, 150, 50)});
  CHECK(inside[0].people == Approx(100.0));
  CHECK(inside[1].people == Approx(0.0));
  CHECK(inside[0].people_65plus == Approx(10.0));
  // An area holding every piece whole, and one that misses them all.
  CHECK(locator.inside(core::MultiPolygon{test::rectangle(-10, -10, 210, 210)}).people ==
        Approx(900.0));
  CHECK(locator.inside(core::MultiPolygon{test::rectangle(300, 300, 400, 400)}).people == 0.0);
  // A ring (polygon with a hole) around c1's middle: 100 x 100 minus 50 x 50 = 3/4 of c1.
  core::Polygon ring = test::rectangle(0, 0, 100, 100);
  core::Ring hole{{25, 25}, {75, 25}, {75, 75}, {25, 75}, {25, 25}};
  ring.inners().push_back(hole);
  boost::geometry::correct(ring);
  CHECK(locator.inside(core::MultiPolygon{ring}).people == Approx(75.0));
}

TEST_CASE("coverage counts people covered, in gaps and with backup per city",
          "[analysis][population][coverage]") {
  const core::Layer population = cells();
  const core::Layer boundary = cities();
  const Demand d = population_demand(population, &boundary);
  // Two clinics whose 1 km circles each hold every cell: everyone is covered twice.
  const auto clinics = test::point_layer("clinics", core::Category::clinic, {{0, 100}, {175, 175}});
  const CoverageSource sources[] = {{clinics, std::nullopt}};
  CoverageParams params;
  params.radius = core::Meters{1000.0};
  params.mesh_level = std::nullopt;
  params.demand = &d;
  test::EquirectangularProjector projector(130.5, 33.8);
  const CoverageResult r = coverage(sources, boundary, projector, params);
  REQUIRE(r.cities.size() == 2);
  REQUIRE(r.cities[0].people);
  CHECK(r.cities[0].people->total.people == Approx(700.0));
  CHECK(r.cities[0].people->covered.people == Approx(700.0));
  CHECK(r.cities[0].people->gap.people == Approx(0.0).margin(1e-6));
  CHECK(r.cities[1].people->backup.people == Approx(200.0));
  CHECK(r.summary.people->total.people == Approx(900.0));
  CHECK(r.covered.provenance.basis.demand == d.basis);
  CHECK(r.covered.provenance.basis.distance.en == "straight line");

  // A circle of 1,050 m around (-1000, 100) ends at x = 50 on y = 100 and curves back to
  // x = 45.2 at y = 0 and y = 200: it covers the area 100 x 50 - ∫(50 - x(y)) dy = 4,841.4 m² of
  // each of c1 and c3 (x(y) = -1000 + sqrt(1050² - (y - 100)²)), 48.414 %: 48.41 + 145.24 =
  // 193.66 people, none of B's. The 360-gon lies inside the circle by up to 4 cm.
  const auto west = test::point_layer("west", core::Category::clinic, {{-1000, 100}});
  const CoverageSource one[] = {{west, std::nullopt}};
  params.radius = core::Meters{1050.0};
  const CoverageResult part = coverage(one, boundary, projector, params);
  CHECK(part.cities[0].people->covered.people == Approx(193.66).epsilon(0.001));
  CHECK(part.cities[1].people->covered.people == Approx(0.0).margin(1e-9));
  CHECK(part.cities[0].people->gap.people == Approx(700.0 - part.cities[0].people->covered.people));

  // Without a demand, coverage says its figures are area only.
  params.demand = nullptr;
  const CoverageResult area_only = coverage(one, boundary, projector, params);
  CHECK_FALSE(area_only.cities[0].people);
  CHECK(area_only.covered.provenance.basis.demand == area_only_basis());
}

TEST_CASE("people by distance band and the median and 90th-percentile person",
          "[analysis][population][bands]") {
  Demand d;
  d.cities = {"A", "B"};
  d.has_age_bands = true;
  auto point = [](std::uint32_t city, double people, double p75) {
    DemandPoint p;
    p.city = city;
    p.people = people;
    p.people_65plus = p75 * 2;
    p.people_75plus = p75;
    return p;
  };
  d.points = {point(0, 50, 5), point(0, 30, 10), point(0, 20, 1), point(1, 10, 0),
              point(kNoCity, 99, 9)};
  const std::vector<double> cost{400.0, 1500.0, 9000.0, std::numeric_limits<double>::infinity(),
                                 100.0};
  const PeopleBands bands = people_by_band(d, cost, default_distance_bands_m());
  REQUIRE(bands.by_city[0].size() == 7);      // 6 bands + unreachable
  CHECK(bands.by_city[0][0].people == 50.0);  // < 500 m
  CHECK(bands.by_city[0][2].people == 30.0);  // 1-2 km
  CHECK(bands.by_city[0][5].people == 20.0);  // > 8 km
  CHECK(bands.by_city[0][2].people_75plus == 10.0);
  CHECK(bands.by_city[1][6].people == 10.0);  // unreachable
  CHECK(bands.city_totals[0].people == 100.0);

  const auto pct = person_percentiles_by_city(d, cost);
  CHECK(pct[0].median == 400.0);  // the 50th person of 100 is in the first point
  CHECK(pct[0].p90 == 9000.0);    // the 90th is past 80: the third point
  CHECK(pct[0].people == 100.0);
  CHECK(std::isinf(pct[1].median));

  // Straight lines: the nearest of two facilities from each position.
  d.points[0].position = {0, 0};
  d.points[1].position = {3000, 4000};
  const std::vector<core::XY> facilities{{0, 300}, {3000, 0}};
  const auto distance = nearest_straight_line_m(d, facilities);
  CHECK(distance[0] == Approx(300.0));
  CHECK(distance[1] == Approx(4000.0));
  CHECK_THROWS_AS(people_by_band(d, std::vector<double>{1.0}, default_distance_bands_m()),
                  core::ArgumentError);
}
