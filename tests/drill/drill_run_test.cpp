// The drill through its injects on a small road network drawn as text: a bridge closure that
// cuts a hospital off, an inject that fills a hospital, a power outage that moves a ventilator
// patient, a damaged hospital, the explanations, and the straight line where there is no road.

#include "drill/drill_run.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/network_fixtures.hpp"
#include "core/error.hpp"
#include "drill/drill_layers.hpp"
#include "drill/drill_routes.hpp"

using namespace caremap;

namespace {

// West hospital at A, east hospital at D beyond the bridge C-D (way 2). 36 km/h = 10 m/s.
//   W ---- A ---- B ---- C ==== D
//  -1000   0     1000   2000   3000
constexpr const char* kBridge = R"(
node W -1000 0
node A 0 0
node B 1000 0
node C 2000 0
node D 3000 0
way 1 W A B C speed=36
way 2 C D speed=36
)";

core::CareNeeds needs(std::initializer_list<core::CareNeed> list) {
  core::CareNeeds n;
  for (core::CareNeed c : list) {
    n.add(c);
  }
  return n;
}

drill::Patient patient(std::string id, double x, core::CareNeeds n = {}, int priority = 1) {
  drill::Patient p;
  p.id = std::move(id);
  p.position = {x, 0.0};
  p.needs = n;
  p.priority = priority;
  return p;
}

drill::Hospital hospital(std::string id, double x, int free, int backup, core::CareNeeds services) {
  drill::Hospital h;
  h.id = id;
  h.name = std::move(id);
  h.position = {x, 0.0};
  h.free_beds = free;
  h.backup_beds = backup;
  h.services = services;
  return h;
}

drill::NamedClosure bridge_closed() {
  drill::NamedClosure c;
  c.name = "C-D bridge";
  c.closures.closed_ways = {2};
  return c;
}

// t = 0 quake; t = 20 the bridge closes; t = 40 the west hospital loses power.
drill::Scenario bridge_scenario() {
  using core::CareNeed;
  drill::Scenario s;
  s.title = "bridge drill";
  s.power_needs = drill::default_power_needs();
  s.patients = {patient("P1", 1800), patient("P2", 2000, needs({CareNeed::dialysis}), 2),
                patient("P3", 500, needs({CareNeed::home_oxygen}), 2)};
  s.hospitals = {hospital("west", 0, 1, 1, needs({CareNeed::home_oxygen})),
                 hospital("east", 3000, 5, 0, needs({CareNeed::home_oxygen, CareNeed::dialysis}))};
  drill::Inject quake{0.0, "quake", {}, {}, {}};
  drill::Inject bridge{20.0, "bridge closed", {bridge_closed()}, {}, {}};
  drill::Inject power{40.0, "west loses power", {}, {{0, drill::OutageKind::no_power}}, {}};
  s.injects = {quake, bridge, power};
  return s;
}

}  // namespace

TEST_CASE("drill: a closed bridge cuts a hospital off and fills the other one", "[drill][run]") {
  const auto network = test::network_of(kBridge);
  const drill::Scenario s = bridge_scenario();
  const drill::DrillResult r = drill::run_drill(s, network.get(), {});
  REQUIRE(r.injects.size() == 3);
  CHECK(r.by_road);

  const drill::InjectResult& t0 = r.injects[0];
  CHECK(t0.patients[0].site == 1);  // P1 east: 120 s against 180 s west
  CHECK(t0.patients[0].time_s == Approx(120.0).margin(0.01));
  CHECK(t0.patients[1].site == 1);  // P2 needs dialysis: only east
  CHECK(t0.patients[2].site == 0);  // P3 west, 50 s
  CHECK(t0.summary.placed == 3);
  CHECK(t0.change.moved.empty());

  const drill::InjectResult& t20 = r.injects[1];
  // P1 now goes west, 60 s later; east is passed over because the bridge cuts it off.
  CHECK(t20.patients[0].site == 0);
  CHECK(t20.patients[0].time_s == Approx(180.0).margin(0.01));
  REQUIRE(t20.patients[0].nearer.size() == 1);
  CHECK(t20.patients[0].nearer[0].hospital == 1);
  CHECK(t20.patients[0].nearer[0].reason == drill::PassedOver::cut_off);
  CHECK(t20.patients[0].nearer[0].open_time_s == Approx(120.0).margin(0.01));
  // P2's only compatible hospital is beyond the bridge.
  CHECK_FALSE(t20.patients[1].placed());
  CHECK(t20.patients[1].not_placed == drill::NotPlaced::cut_off);
  // West holds P3 and P1: its free bed and its backup bed; full now, not before.
  CHECK(t20.hospitals[0].load == 2);
  CHECK(t20.hospitals[0].backup_in_use() == 1);
  CHECK(t20.change.hospitals_now_full == std::vector<std::uint32_t>{0});
  REQUIRE(t20.change.moved.size() == 2);
  CHECK(t20.change.moved[0].patient == 0);
  CHECK(t20.change.moved[0].time_added_s == Approx(60.0).margin(0.01));
  CHECK(t20.change.moved[1].to == drill::kNotPlaced);
  CHECK(t20.summary.above_80_percent == std::vector<std::uint32_t>{0});

  // West without power cannot serve home oxygen; east offers it but is cut off.
  const drill::InjectResult& t40 = r.injects[2];
  CHECK_FALSE(t40.patients[2].placed());
  CHECK(t40.patients[2].not_placed == drill::NotPlaced::cut_off);
  CHECK(t40.patients[0].site == 0);  // P1 needs no power
  CHECK(t40.hospitals[0].no_power);
}

TEST_CASE("drill: a power outage moves a ventilator patient and says why", "[drill][run]") {
  using core::CareNeed;
  const auto network = test::network_of(kBridge);
  drill::Scenario s;
  s.power_needs = drill::default_power_needs();
  s.patients = {patient("V", 500, needs({CareNeed::ventilator}), 3)};
  s.hospitals = {hospital("west", 0, 2, 0, needs({CareNeed::ventilator})),
                 hospital("east", 3000, 2, 0, needs({CareNeed::ventilator}))};
  s.injects = {{0.0, "quake", {}, {}, {}},
               {40.0, "west loses power", {}, {{0, drill::OutageKind::no_power}}, {}}};
  const auto r = drill::run_drill(s, network.get(), {});
  CHECK(r.injects[0].patients[0].site == 0);
  const drill::PatientOutcome& after = r.injects[1].patients[0];
  CHECK(after.site == 1);
  CHECK(after.time_s == Approx(250.0).margin(0.01));
  REQUIRE(after.nearer.size() == 1);
  CHECK(after.nearer[0].reason == drill::PassedOver::no_power);
  CHECK(after.nearer[0].missing.has(CareNeed::ventilator));
  CHECK(r.injects[1].change.time_added_s == Approx(200.0).margin(0.01));
  const std::string why = drill::why_text(s, after, core::Lang::en);
  CHECK(why == "west (cannot provide without power: ventilator, 0.8 min)");
}

TEST_CASE("drill: a damaged hospital takes no one, and a capacity update fills a hospital",
          "[drill][run]") {
  const auto network = test::network_of(kBridge);
  drill::Scenario s;
  s.patients = {patient("P1", 100), patient("P2", 200), patient("P3", 2900)};
  s.hospitals = {hospital("west", 0, 3, 0, {}), hospital("east", 3000, 3, 0, {})};
  s.injects = {{0.0, "quake", {}, {}, {}},
               {10.0, "east damaged", {}, {{1, drill::OutageKind::damaged}}, {}},
               {20.0, "west down to 2 beds", {}, {}, {{0, 2, 0, std::nullopt}}}};
  const auto r = drill::run_drill(s, network.get(), {});
  CHECK(r.injects[0].patients[2].site == 1);
  const drill::InjectResult& t10 = r.injects[1];
  CHECK(t10.patients[2].site == 0);
  CHECK(t10.hospitals[1].capacity() == 0);
  REQUIRE(t10.patients[2].nearer.size() == 1);
  CHECK(t10.patients[2].nearer[0].reason == drill::PassedOver::damaged);
  CHECK(t10.change.hospitals_now_full == std::vector<std::uint32_t>{0});
  // Two beds for three patients: the farthest one (P3, 290 s) is left out, with the reason.
  const drill::InjectResult& t20 = r.injects[2];
  CHECK(t20.summary.placed == 2);
  CHECK_FALSE(t20.patients[2].placed());
  CHECK(t20.patients[2].not_placed == drill::NotPlaced::full);
}

TEST_CASE("drill: shelter-seekers get the nearest shelter with room", "[drill][run]") {
  const auto network = test::network_of(kBridge);
  drill::Scenario s;
  s.patients = {patient("S1", 100), patient("S2", 150)};
  for (auto& p : s.patients) {
    p.wants_shelter = true;
  }
  s.hospitals = {hospital("west", 0, 3, 0, {})};
  drill::Shelter near{"s-near", "near", {0.0, 0.0}, 1};
  drill::Shelter far{"s-far", "far", {1000.0, 0.0}, 5};
  s.shelters = {near, far};
  s.injects = {{0.0, "quake", {}, {}, {}}};
  const auto r = drill::run_drill(s, network.get(), {});
  const auto& t0 = r.injects[0];
  CHECK(t0.summary.sheltered == 2);
  CHECK(t0.summary.bed_patients == 0);
  // One place near: the optimum gives it to S1 (10 s there, 90 s to the far one) rather than S2.
  CHECK(t0.patients[0].site == 0);
  CHECK(t0.patients[1].site == 1);
  CHECK(t0.shelter_load == std::vector<int>{1, 1});
}

TEST_CASE("drill: without a road network the times are straight lines, and say so",
          "[drill][run]") {
  drill::Scenario s = bridge_scenario();
  drill::DrillOptions o;
  o.straight_line = {core::from_km_per_hour(36.0), 1.0};
  const auto r = drill::run_drill(s, nullptr, o);
  CHECK_FALSE(r.by_road);
  CHECK(r.basis.en.find("straight line") == 0);
  CHECK(r.injects[0].patients[0].time_s == Approx(120.0).margin(0.01));
  // Nothing is cut off by a straight line: P2 keeps the east hospital after the bridge closes.
  CHECK(r.injects[1].patients[1].site == 1);
  const core::Layer a = drill::assignment_layer(s, r, core::Lang::en);
  const std::size_t by = a.require_field("times_by");
  for (const core::Feature& f : a.features) {
    REQUIRE(core::to_text(f.values[by]).find("straight line") == 0);
  }
}

TEST_CASE("drill: routes follow the roads and avoid the closed bridge", "[drill][run]") {
  const auto network = test::network_of(kBridge);
  const drill::Scenario s = bridge_scenario();
  const auto r = drill::run_drill(s, network.get(), {});
  const auto before = drill::patient_routes(s, r.injects[0], network.get(), {});
  const auto after = drill::patient_routes(s, r.injects[1], network.get(), {});
  REQUIRE(before[0].line.size() >= 2);
  CHECK(before[0].by_road());
  CHECK(boost::geometry::length(before[0].line) == Approx(1200.0).margin(0.01));
  CHECK(before[0].line.back().x == Approx(3000.0));
  CHECK(boost::geometry::length(after[0].line) == Approx(1800.0).margin(0.01));
  CHECK(after[0].line.back().x == Approx(0.0));
  CHECK(after[1].empty());  // P2 not placed
  // On the road at both ends: the whole route is road, no straight leg.
  CHECK(drill::straight_parts(before[0]).empty());
  CHECK(boost::geometry::length(drill::road_part(before[0])) == Approx(1200.0).margin(0.01));
}

TEST_CASE("drill: a route's access legs are its straight parts, the rest road", "[drill][run]") {
  const auto network = test::network_of(kBridge);
  drill::Scenario s = bridge_scenario();
  s.patients[0].position = {1800.0, 120.0};  // 120 m off the road
  const auto r = drill::run_drill(s, network.get(), {});
  const auto routes = drill::patient_routes(s, r.injects[0], network.get(), {});
  REQUIRE(r.injects[0].patients[0].site == 1);
  const drill::PatientRoute& p1 = routes[0];
  REQUIRE(p1.by_road());
  CHECK(p1.line.front().y == Approx(120.0));
  const core::LineString road = drill::road_part(p1);
  REQUIRE(road.size() >= 2);
  CHECK(road.front().y == Approx(0.0).margin(0.001));
  CHECK(road.back().x == Approx(3000.0));
  const auto legs = drill::straight_parts(p1);
  REQUIRE(legs.size() == 1);  // the hospital stands on the road
  CHECK(boost::geometry::length(legs[0]) == Approx(120.0).margin(0.01));
  CHECK(legs[0].front().y == Approx(120.0));
}

TEST_CASE("drill: without a network a route is one straight part", "[drill][run]") {
  const drill::Scenario s = bridge_scenario();
  const auto r = drill::run_drill(s, nullptr, {});
  const auto routes = drill::patient_routes(s, r.injects[0], nullptr, {});
  REQUIRE_FALSE(routes[0].empty());
  CHECK_FALSE(routes[0].by_road());
  CHECK(drill::road_part(routes[0]).empty());
  REQUIRE(drill::straight_parts(routes[0]).size() == 1);
  CHECK(drill::straight_parts(routes[0])[0] == routes[0].line);
}

TEST_CASE("drill: scenarios the engine refuses", "[drill][run]") {
  drill::Scenario s = bridge_scenario();
  s.injects[1].t_min = -5.0;
  CHECK_THROWS_AS(drill::run_drill(s, nullptr, {}), core::ArgumentError);
  s = bridge_scenario();
  s.injects.clear();
  CHECK_THROWS_AS(drill::run_drill(s, nullptr, {}), core::ArgumentError);
  s = bridge_scenario();
  s.hospitals.clear();
  CHECK_THROWS_AS(drill::run_drill(s, nullptr, {}), core::ArgumentError);
  s = bridge_scenario();
  s.injects[2].outages[0].hospital = 7;
  CHECK_THROWS_AS(drill::run_drill(s, nullptr, {}), core::ArgumentError);
}

TEST_CASE("drill: a patient already sent stays unless moving saves more than the move cost",
          "[drill][run]") {
  const auto network = test::network_of(kBridge);
  drill::Scenario s;
  s.move_cost_s = 600.0;
  s.patients = {patient("P", 500)};
  s.hospitals = {hospital("west", 0, 0, 0, {}), hospital("east", 3000, 2, 0, {})};
  s.injects = {{0.0, "quake", {}, {}, {}},
               {10.0, "west opens 2 beds", {}, {}, {{0, 2, 0, std::nullopt}}}};
  auto r = drill::run_drill(s, network.get(), {});
  CHECK(r.injects[0].patients[0].site == 1);  // 250 s east: west has no bed
  // West is now 200 s nearer with room: less than the 600 s a move costs, so P stays.
  const drill::PatientOutcome& kept = r.injects[1].patients[0];
  CHECK(kept.site == 1);
  REQUIRE(kept.nearer.size() == 1);
  CHECK(kept.nearer[0].reason == drill::PassedOver::kept);
  CHECK(r.injects[1].change.moved.empty());
  // With a move cost below the gain, P goes west.
  s.move_cost_s = 100.0;
  r = drill::run_drill(s, network.get(), {});
  CHECK(r.injects[1].patients[0].site == 0);
  CHECK(r.injects[1].change.moved.size() == 1);
}
