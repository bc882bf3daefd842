// The nearest other sites (副主治医 candidates) and each candidate's gain on its own, on a line
// where every figure is read off the positions.
//   sites (length = time, 1 m/s): K0 at 0, K1 at 5, K2 at 100
//   reach 10 m: K0 and K1 have each other within reach; K2's nearest (K1) is 95 m away.

#include "plan/nearest_sites.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "plan/candidate_gain.hpp"
#include "plan/plan_fixtures.hpp"

using namespace caremap;
using plan::test::line_costs;
using plan::test::line_demand;

TEST_CASE("each site's nearest others, flagged beyond the reach", "[plan]") {
  const std::vector<double> sites{0, 5, 100};
  const auto between = line_costs(sites, sites);
  const auto n = plan::nearest_other_sites(between, {plan::ReachMeasure::length, 10.0}, 2);
  REQUIRE(n.size() == 3);
  REQUIRE(n[0].nearest.size() == 2);
  CHECK(n[0].nearest[0].site == 1u);
  CHECK(n[0].nearest[0].length_m == Approx(5.0));
  CHECK(n[0].nearest[1].site == 2u);
  CHECK_FALSE(n[0].beyond_reach);
  CHECK(n[0].others_in_reach == 1);
  CHECK(n[2].nearest[0].site == 1u);
  CHECK(n[2].nearest_cost == Approx(95.0));
  CHECK(n[2].beyond_reach);
  CHECK(n[2].others_in_reach == 0);

  // Keep one; an unreachable site is left out and a site with no reachable other is flagged.
  auto cut = between;
  for (std::size_t o = 0; o < 3; ++o) {
    cut.time_s[o * 3 + 2] = cut.length_m[o * 3 + 2] = analysis::kUnreachableCost;
    cut.time_s[2 * 3 + o] = cut.length_m[2 * 3 + o] = analysis::kUnreachableCost;
  }
  const auto m = plan::nearest_other_sites(cut, {plan::ReachMeasure::time, 10.0}, 1);
  CHECK(m[0].nearest.size() == 1);
  CHECK(m[2].nearest.empty());
  CHECK(m[2].beyond_reach);

  CHECK_THROWS_AS(plan::nearest_other_sites(line_costs({0, 5}, {0}), {}, 1), core::ArgumentError);
}

TEST_CASE("a candidate's gain counts only people no existing site reaches", "[plan]") {
  // Existing K at 0; candidates C0 at 50, C1 at 60; reach 10.
  //   P0 x=0 (covered already), P1 x=48 (20 people, 5 aged 75+), P2 x=58 (30, 2), P3 x=65 (7, 7)
  const auto d = line_demand({{0, 0, 10, 1}, {48, 0, 20, 5}, {58, 1, 30, 2}, {65, 1, 7, 7}});
  const auto costs = line_costs({0, 50, 60}, plan::test::xs(d));
  const std::vector<double> w{10, 20, 30, 7};
  const auto pr = plan::make_location_problem(plan::LocationModel::mclp, costs, 1, w,
                                              {plan::ReachMeasure::length, 10.0}, 1);
  const auto gains = plan::candidate_gains(pr, d);
  REQUIRE(gains.size() == 2);
  // C1 reaches P2 and P3 (37 people); C0 reaches P1 and P2 (50 people): C0 first.
  CHECK(gains[0].candidate == 0u);
  CHECK(gains[0].gained.people == Approx(50.0));
  CHECK(gains[0].gained.people_75plus == Approx(7.0));
  CHECK(gains[1].candidate == 1u);
  CHECK(gains[1].gained.people == Approx(37.0));
  CHECK(gains[1].gained.people_75plus == Approx(9.0));

  auto fewer = d;
  fewer.points.pop_back();
  CHECK_THROWS_AS(plan::candidate_gains(pr, fewer), core::ArgumentError);
}
