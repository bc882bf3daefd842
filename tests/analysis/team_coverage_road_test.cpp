// Team coverage by road time: on a trunk road, the timed members (visiting nurse, care manager,
// home help) are in reach where the road brings them within their minutes, whatever the
// straight line says; the clinic and the pharmacy keep their straight-line reach.

#include <catch2/catch.hpp>

#include "analysis/team_coverage.hpp"
#include "network_fixtures.hpp"

using namespace caremap;

namespace {

// A trunk road A(0,0) - B(10 km, 0) at 10 m/s, legs at 5 m/s (test::trunk_network).
std::shared_ptr<const routing::RoadNetwork> trunk() {
  return test::trunk_network(10'000.0);
}

// P0 at (0, 100) beside the road; P1 at (0, 4000), 4 km off it.
analysis::Demand demand() {
  analysis::Demand d;
  d.cities = {"A"};
  d.has_age_bands = true;
  d.basis = {"テスト人口", "test population"};
  for (const auto& [y, people] : {std::pair{100.0, 100.0}, std::pair{4000.0, 10.0}}) {
    analysis::DemandPoint p;
    p.position = {0.0, y};
    p.city = 0;
    p.people = people;
    p.people_65plus = people / 2;
    p.people_75plus = people / 4;
    p.label = "y" + std::to_string(static_cast<int>(y));
    d.points.push_back(std::move(p));
  }
  return d;
}

std::optional<double> number(const core::Layer& l, std::size_t row, std::string_view field) {
  const auto& v = l.features[row].values[l.require_field(field)];
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return static_cast<double>(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return *d;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("timed members go by road, the clinic and pharmacy by straight line",
          "[analysis][team][access]") {
  const auto net = trunk();
  using core::Category;
  // The nurse 9 km east of P0 along the road (beyond 8 km straight, 15.7 min by road); the
  // care manager 4 km south of the road, 8 km straight from P1 (within 10 km) but 26.7 min
  // from it either way (legs 800 s + 800 s, or the 8 km direct leg: 1600 s), beyond 25 min;
  // clinic and pharmacy at the origin.
  const std::vector<core::LayerPtr> layers{
      test::point_layer("n", Category::visiting_nurse_station, {{"N", {9000, 100}}}),
      test::point_layer("c", Category::care_manager_office, {{"C", {0, -4000}}}),
      test::point_layer("k", Category::clinic, {{"K", {0, 0}}}),
      test::point_layer("f", Category::pharmacy, {{"F", {0, 0}}}),
  };
  std::vector<const core::Layer*> raw;
  for (const auto& l : layers) {
    raw.push_back(l.get());
  }
  analysis::TeamParams straight;
  const auto by_line = analysis::team_coverage(demand(), raw, straight, "EPSG:6670");
  CHECK(*number(by_line.cells, 0, "visiting_nurse") == 0);
  CHECK(*number(by_line.cells, 1, "care_manager") == 1);
  CHECK_FALSE(by_line.cells.field_index("visiting_nurse_min"));

  analysis::TeamParams road;
  road.network = net.get();
  const auto r = analysis::team_coverage(demand(), raw, road, "EPSG:6670");
  // P0 -> nurse: 100 m leg (20 s) + 9 km road (900 s) + 100 m leg (20 s) = 940 s.
  CHECK(*number(r.cells, 0, "visiting_nurse") == 1);
  CHECK(*number(r.cells, 0, "visiting_nurse_min") == Approx(940.0 / 60.0).margin(1e-6));
  // P0 -> care manager: 20 s + 800 s, or 4.1 km direct: 820 s either way.
  CHECK(*number(r.cells, 0, "care_manager_min") == Approx(820.0 / 60.0).margin(1e-6));
  // P1 -> care manager: in reach by straight line, 26.7 min by road: out of reach.
  CHECK(*number(r.cells, 1, "care_manager") == 0);
  CHECK_FALSE(number(r.cells, 1, "care_manager_min"));
  // P1 -> nurse: 800 s + 900 s + 20 s = 28.7 min: out of reach by road, as by straight line.
  CHECK(*number(r.cells, 1, "visiting_nurse") == 0);
  CHECK_FALSE(number(r.cells, 1, "visiting_nurse_min"));
  // The clinic and the pharmacy stay straight line: no minutes field.
  CHECK_FALSE(r.cells.field_index("clinic_min"));
  CHECK(*number(r.cells, 1, "clinic") == 1);  // 4 km < 16 km
  // P0's 100 people have the whole team; P1's 10 miss the nurse and the care manager (a tie:
  // the member listed first).
  CHECK(r.cities[0].whole_team.people == Approx(100.0));
  REQUIRE(r.cities[0].most_missing.has_value());
  CHECK(r.members[*r.cities[0].most_missing].id == "visiting_nurse");
  const auto& basis = r.cells.provenance.basis.distance;
  CHECK_THAT(basis.en, Catch::Contains("road time (visiting nurse, care manager, home help"));
  CHECK_THAT(basis.en, Catch::Contains("trunk roads only (test)"));
  CHECK_THAT(basis.en, Catch::Contains("straight line (clinic, pharmacy)"));
  CHECK_THAT(basis.ja, Catch::Contains("道路の所要時間"));
}
