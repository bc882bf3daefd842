// Backup cover on a line: five points, three clinics, reach 10 m.
//   clinics:  K0 at 0, K1 at 5, K2 at 100
//   points:   P0 x=0 (A, 10 people, 4 aged 75+)    K0, K1 in reach      -> 2+
//             P1 x=12 (A, 20, 5)                   K1 only (7 m)        -> 1
//             P2 x=50 (B, 30, 6)                   none                 -> 0
//             P3 x=95 (B, 40, 7)                   K2 only              -> 1
//             P4 x=500 (outside every city, 1000)  none: not counted
// Partners: K0 and K1 share P0 (10 people) -> mutual pair; K2 shares no one -> none.

#include "plan/backup_cover.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "plan/plan_fixtures.hpp"

using namespace caremap;
using plan::test::line_costs;
using plan::test::line_demand;

namespace {

analysis::Demand demand() {
  auto d = line_demand({{0, 0, 10, 4}, {12, 0, 20, 5}, {50, 1, 30, 6}, {95, 1, 40, 7}});
  auto outside = line_demand({{500, 0, 1000, 500}});
  outside.points[0].city = analysis::kNoCity;
  d.points.push_back(outside.points[0]);
  return d;
}

}  // namespace

TEST_CASE("backup cover counts people with 0, 1 and 2+ clinics in reach per city", "[plan]") {
  const auto d = demand();
  const auto costs = line_costs({0, 5, 100}, plan::test::xs(d));
  const plan::Reach reach(costs, {plan::ReachMeasure::length, 10.0});
  const auto c = plan::backup_cover(d, reach);

  CHECK(c.points[0].primary == 0u);
  CHECK(c.points[0].backup == 1u);
  CHECK(c.points[0].backup_cost == Approx(5.0));
  CHECK(c.points[1].primary == 1u);
  CHECK_FALSE(c.points[1].backup);
  CHECK_FALSE(c.points[2].primary);

  CHECK(c.cities[0].two_plus.people == Approx(10.0));
  CHECK(c.cities[0].one.people == Approx(20.0));
  CHECK(c.cities[0].none.people == Approx(0.0));
  CHECK(c.cities[1].none.people == Approx(30.0));
  CHECK(c.cities[1].one.people_75plus == Approx(7.0));
  // The point outside the cities is mapped but not counted.
  CHECK(c.total.people.people == Approx(100.0));
  CHECK(c.total.units == 4);
}

TEST_CASE("each clinic's natural backup partner is the one sharing most of its people", "[plan]") {
  const auto d = demand();
  const auto costs = line_costs({0, 5, 100}, plan::test::xs(d));
  const auto c = plan::backup_cover(d, plan::Reach(costs, {plan::ReachMeasure::length, 10.0}));
  REQUIRE(c.partners.size() == 3);
  CHECK(c.partners[0].partner == 1u);
  CHECK(c.partners[0].people_in_reach == Approx(10.0));
  CHECK(c.partners[0].people_shared == Approx(10.0));
  CHECK(c.partners[0].mutual);
  CHECK(c.partners[1].partner == 0u);
  CHECK(c.partners[1].people_in_reach == Approx(30.0));  // P0 and P1
  CHECK_FALSE(c.partners[2].partner);
  CHECK_FALSE(c.partners[2].mutual);
}

TEST_CASE("a what-if is compared with its baseline", "[plan]") {
  const auto d = demand();
  // Baseline: the three clinics. Scenario: K1 closed and a clinic added at 50.
  const auto base_costs = line_costs({0, 5, 100}, plan::test::xs(d));
  const auto base =
      plan::backup_cover(d, plan::Reach(base_costs, {plan::ReachMeasure::length, 10.0}));
  const auto what_costs = line_costs({0, 5, 100, 50}, plan::test::xs(d));
  const std::vector<bool> open{true, false, true, true};
  const auto what =
      plan::backup_cover(d, plan::Reach(what_costs, {plan::ReachMeasure::length, 10.0}, open));
  const auto cmp = plan::compare_cover(d, base, what);
  CHECK(cmp.total.gained_cover.people == Approx(30.0));  // P2 by the new clinic
  CHECK(cmp.total.lost_cover.people == Approx(20.0));    // P1 had only K1
  CHECK(cmp.total.lost_backup.people == Approx(10.0));   // P0 keeps K0 alone
  CHECK(cmp.cities[1].gained_cover.people_75plus == Approx(6.0));
  CHECK_THROWS_AS(plan::compare_cover(d, base, plan::BackupCover{}), core::ArgumentError);
}
