// Team coverage on a hand-made instance: five cells along a line, each with a known set of team
// members in reach, in two cities, and one cell outside every city.

#include "analysis/team_coverage.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "analysis/fixtures.hpp"
#include "core/error.hpp"

using namespace caremap;
using analysis::TeamMember;

namespace {

constexpr double kReach = 1000.0;

// The team with one reach for everyone (1 km), so what is in reach is read off the drawing.
std::vector<TeamMember> test_team(bool home_help_required = false) {
  auto team = analysis::default_team(home_help_required);
  for (auto& m : team) {
    m.reach = core::Meters{kReach};
  }
  return team;
}

// Cells 10 km apart at y = 0; offices 100-500 m north of the cell they serve.
//   P0 (city A, 100 people, 20 aged 75+): every member, and home help
//   P1 (city A,  50, 30): all but the visiting nurse
//   P2 (city B,  40, 10): all but the pharmacy
//   P3 (city B,  10,  5): only the clinic
//   P4 (city B,  30, 25): all but the care manager
//   P5 (no city, 1000, 500): nothing (outside the cities: mapped, not counted)
analysis::Demand demand() {
  analysis::Demand d;
  d.cities = {"A", "B"};
  d.sources = {core::SourceRef{"mesh.txt", "population", "2020-10-01", "出典：テスト統計"}};
  d.has_age_bands = true;
  d.basis = {"テスト人口", "test population"};
  const std::vector<std::tuple<std::uint32_t, double, double>> cells{
      {0, 100, 20}, {0, 50, 30}, {1, 40, 10},
      {1, 10, 5},   {1, 30, 25}, {analysis::kNoCity, 1000, 500}};
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto [city, people, old] = cells[i];
    analysis::DemandPoint p;
    p.position = {10'000.0 * static_cast<double>(i), 0.0};
    p.shape = test::rectangle(p.position.x - 250, -250, p.position.x + 250, 250);
    p.city = city;
    p.people = people;
    p.people_65plus = old * 1.5;
    p.people_75plus = old;
    p.label = "P" + std::to_string(i);
    d.points.push_back(std::move(p));
  }
  return d;
}

std::vector<core::LayerPtr> offices() {
  auto at = [](int cell, double dy) { return core::XY{10'000.0 * cell, dy}; };
  using core::Category;
  return {
      test::point_layer("clinics", Category::clinic,
                        {at(0, 100), at(1, 100), at(2, 100), at(3, 100), at(4, 100)}),
      test::point_layer("nurses", Category::visiting_nurse_station,
                        {at(0, 200), at(2, 200), at(4, 200)}),
      test::point_layer("pharmacies", Category::pharmacy, {at(0, 300), at(1, 300), at(4, 300)}),
      test::point_layer("care_managers", Category::care_manager_office,
                        {at(0, 400), at(1, 400), at(2, 400)}),
      test::point_layer("home_help", Category::home_help_office, {at(0, 500)}),
  };
}

std::vector<const core::Layer*> raw(const std::vector<core::LayerPtr>& layers) {
  std::vector<const core::Layer*> out;
  for (const auto& l : layers) {
    out.push_back(l.get());
  }
  return out;
}

std::string text(const core::Layer& l, std::size_t row, std::string_view field) {
  return core::to_text(l.features[row].values[l.require_field(field)]);
}

std::size_t member_index(const analysis::TeamResult& r, std::string_view id) {
  for (std::size_t m = 0; m < r.members.size(); ++m) {
    if (r.members[m].id == id) {
      return m;
    }
  }
  FAIL("no member " << id);
  return 0;
}

}  // namespace

TEST_CASE("each cell's missing member is the one not drawn near it", "[analysis][team]") {
  const auto layers = offices();
  analysis::TeamParams params;
  params.members = test_team();
  const auto r = analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670");
  REQUIRE(r.cells.features.size() == 6);
  const std::vector<std::string> expected{"none",    "visiting_nurse", "pharmacy",
                                          "several", "care_manager",   "several"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("P" << i);
    CHECK(text(r.cells, i, "missing") == expected[i]);
  }
  CHECK(text(r.cells, 1, "missing_ja") == "訪問看護");
  CHECK(text(r.cells, 3, "missing_members") == "visiting_nurse,pharmacy,care_manager");
  CHECK(text(r.cells, 3, "missing_count") == "3");
  CHECK(text(r.cells, 0, "missing_ja") == "なし");
  // The people's source is credited beside the offices'.
  CHECK(std::any_of(r.cells.provenance.inputs.begin(), r.cells.provenance.inputs.end(),
                    [](const core::SourceRef& s) { return s.credit == "出典：テスト統計"; }));
  // The map's classes: none 0, member m alone m + 1, several = members + 1.
  CHECK(text(r.cells, 0, "missing_code") == "0");
  CHECK(text(r.cells, 1, "missing_code") == "2");  // the visiting nurse, second member
  CHECK(text(r.cells, 3, "missing_code") == std::to_string(r.members.size() + 1));
  // Distances are straight lines from the cell's position to the nearest office.
  CHECK(std::stod(text(r.cells, 1, "pharmacy_m")) == Approx(300.0).margin(1e-9));
  CHECK(std::stod(text(r.cells, 1, "visiting_nurse_m")) ==
        Approx(std::hypot(10'000.0, 200.0)).margin(1e-6));
  CHECK(text(r.cells, 1, "visiting_nurse") == "0");
  CHECK(text(r.cells, 1, "clinic") == "1");
  // Home help is optional: reported, out of reach at P1, but not what P1 is missing.
  CHECK(text(r.cells, 1, "home_help") == "0");
  CHECK(r.member_sites[member_index(r, "clinic")] == 5);
  CHECK(r.member_sites[member_index(r, "home_help")] == 1);
}

TEST_CASE("per city: people with the whole team and the member missing most often",
          "[analysis][team]") {
  const auto layers = offices();
  analysis::TeamParams params;
  params.members = test_team();
  const auto r = analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670");
  REQUIRE(r.cities.size() == 2);
  const auto& a = r.cities[0];
  const auto& b = r.cities[1];
  CHECK(a.units == 2);
  CHECK(a.people.people == Approx(150.0));
  CHECK(a.whole_team.people == Approx(100.0));
  CHECK(a.whole_team.people_75plus == Approx(20.0));
  REQUIRE(a.most_missing);
  CHECK(r.members[*a.most_missing].id == "visiting_nurse");
  // City B: nobody has the whole team. By people the pharmacy is missing most (P2 + P3 = 50),
  // by people aged 75+ the care manager (P3 + P4 = 30 against 15).
  CHECK(b.whole_team.people == 0.0);
  CHECK(b.without[member_index(r, "pharmacy")].people == Approx(50.0));
  CHECK(b.without[member_index(r, "care_manager")].people_75plus == Approx(30.0));
  REQUIRE(b.most_missing);
  REQUIRE(b.most_missing_75plus);
  CHECK(r.members[*b.most_missing].id == "pharmacy");
  CHECK(r.members[*b.most_missing_75plus].id == "care_manager");
  // The cell outside every city is mapped but not counted.
  CHECK(r.total.people.people == Approx(230.0));
  CHECK(r.total.whole_team.people == Approx(100.0));
  CHECK(r.members[*r.total.most_missing].id == "visiting_nurse");  // 60 against 50 and 40

  const core::Layer table = analysis::team_city_table(r);
  REQUIRE(table.features.size() == 3);
  CHECK(std::stod(text(table, 0, "whole_team_share")) == Approx(100.0 / 150.0));
  CHECK(text(table, 1, "most_missing_75plus") == "care_manager");
  CHECK(text(table, 2, "city") == r.total.city);
  // What the result stands on travels with it.
  CHECK(r.cells.provenance.basis.distance == analysis::team_distance_basis());
  CHECK(r.cells.provenance.basis.demand.en == "test population");
  CHECK(table.provenance.basis == r.cells.provenance.basis);
}

TEST_CASE("a required home help and a member without offices", "[analysis][team]") {
  auto layers = offices();
  analysis::TeamParams params;
  params.members = test_team(true);
  auto r = analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670");
  CHECK(text(r.cells, 0, "missing") == "none");
  CHECK(text(r.cells, 1, "missing") == "several");  // the nurse and now home help
  CHECK(text(r.cells, 4, "missing_members") == "care_manager,home_help");

  layers.pop_back();  // no home-help data in the region
  r = analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670");
  CHECK(r.diagnostics.count("team_member_without_facilities") == 1);
  CHECK(text(r.cells, 0, "missing") == "home_help");
  CHECK(text(r.cells, 0, "home_help_m").empty());  // no office: no distance
}

TEST_CASE("the reach is inclusive and bad teams are refused", "[analysis][team]") {
  const auto layers = offices();
  analysis::TeamParams params;
  params.members = test_team();
  for (auto& m : params.members) {
    m.reach = core::Meters{400.0};  // exactly the care manager's distance at P0
  }
  const auto r = analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670");
  CHECK(text(r.cells, 0, "missing") == "none");
  params.members[0].reach = core::Meters{0.0};
  CHECK_THROWS_AS(analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670"),
                  core::ArgumentError);
  params.members = {};
  CHECK_THROWS_AS(analysis::team_coverage(demand(), raw(layers), params, "EPSG:6670"),
                  core::ArgumentError);
}
