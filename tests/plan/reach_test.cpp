// Reach: which sites reach each point, nearest first, ties by index, closed sites left out.

#include "plan/reach.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "plan/plan_fixtures.hpp"

using namespace caremap;
using plan::test::line_costs;

TEST_CASE("reach lists the sites within the limit, nearest first, ties by index", "[plan]") {
  // Sites at 0, 30, 10, 20; one point at 10: costs 10, 20, 0, 10.
  const auto costs = line_costs({0, 30, 10, 20}, {10});
  const plan::Reach r(costs, {plan::ReachMeasure::length, 10.0});
  REQUIRE(r.sites_of(0).size() == 3);  // 30 is 20 m away
  CHECK(r.sites_of(0)[0] == 2);
  CHECK(r.sites_of(0)[1] == 0);  // 10 m, the limit itself reaches; index 0 before index 3
  CHECK(r.sites_of(0)[2] == 3);
  CHECK(r.costs_of(0)[1] == Approx(10.0));
}

TEST_CASE("reach leaves closed sites out and checks its inputs", "[plan]") {
  const auto costs = line_costs({0, 5}, {1, 100});
  const std::vector<bool> open{false, true};
  const plan::Reach r(costs, {plan::ReachMeasure::time, 50.0}, open);
  REQUIRE(r.sites_of(0).size() == 1);
  CHECK(r.sites_of(0)[0] == 1);
  CHECK(r.sites_of(1).empty());
  CHECK_THROWS_AS(plan::Reach(costs, {plan::ReachMeasure::time, 0.0}), core::ArgumentError);
  const std::vector<bool> wrong{true};
  CHECK_THROWS_AS(plan::Reach(costs, {plan::ReachMeasure::time, 5.0}, wrong), core::ArgumentError);
}

TEST_CASE("reach labels say the measure and the limit", "[plan]") {
  CHECK(plan::reach_label({plan::ReachMeasure::time, 1200.0}).en == "within 20 min");
  CHECK(plan::reach_label({plan::ReachMeasure::length, 16000.0}).ja == "16 km以内");
  CHECK(plan::reach_parameter({plan::ReachMeasure::length, 16000.0}) == "16000 m");
}
