// N-1 on the backup-cover line (see backup_cover_test.cpp for the drawing), plus a set removal.

#include "plan/cover_loss.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "plan/plan_fixtures.hpp"

using namespace caremap;
using plan::test::line_costs;
using plan::test::line_demand;

namespace {

// Clinics K0 at 0, K1 at 5, K2 at 100, K3 at 104; reach 10.
//   P0 x=0  (A, 10, 4): K0, K1        P1 x=12 (A, 20, 5): K1
//   P2 x=98 (B, 30, 6): K2, K3        P3 x=200 (B, 40, 7): none
analysis::Demand demand() {
  return line_demand({{0, 0, 10, 4}, {12, 0, 20, 5}, {98, 1, 30, 6}, {200, 1, 40, 7}});
}

}  // namespace

TEST_CASE("N-1 ranks the clinics by the people who lose all cover", "[plan]") {
  const auto d = demand();
  const auto costs = line_costs({0, 5, 100, 104}, plan::test::xs(d));
  const plan::Reach reach(costs, {plan::ReachMeasure::length, 10.0});
  const auto losses = plan::n_minus_one(d, reach);
  REQUIRE(losses.size() == 4);
  // K1 is P1's only clinic (20 people lose cover) and one of P0's two (10 lose the backup).
  CHECK(losses[0].removed == std::vector<std::uint32_t>{1});
  CHECK(losses[0].lost_cover.people == Approx(20.0));
  CHECK(losses[0].lost_cover.people_75plus == Approx(5.0));
  CHECK(losses[0].lost_backup.people == Approx(10.0));
  // The others take no one's only clinic; by backup lost: K2, K3 (30 each), then K0 (10).
  CHECK(losses[1].removed == std::vector<std::uint32_t>{2});
  CHECK(losses[1].lost_backup.people == Approx(30.0));
  CHECK(losses[2].removed == std::vector<std::uint32_t>{3});
  CHECK(losses[3].removed == std::vector<std::uint32_t>{0});
  CHECK(losses[3].lost_cover.people == Approx(0.0));
  // Each single removal agrees with the general set removal.
  for (const auto& l : losses) {
    const auto again = plan::cover_loss(d, reach, l.removed);
    CHECK(again.lost_cover.people == Approx(l.lost_cover.people));
    CHECK(again.lost_backup.people == Approx(l.lost_backup.people));
  }
}

TEST_CASE("removing a set of clinics (a hazard zone) counts what is lost together", "[plan]") {
  const auto d = demand();
  const auto costs = line_costs({0, 5, 100, 104}, plan::test::xs(d));
  const plan::Reach reach(costs, {plan::ReachMeasure::length, 10.0});
  const std::vector<std::uint32_t> zone{2, 3, 3};
  const auto l = plan::cover_loss(d, reach, zone);
  CHECK(l.removed == std::vector<std::uint32_t>{2, 3});
  CHECK(l.lost_cover.people == Approx(30.0));  // P2 loses both its clinics
  CHECK(l.lost_cover_by_city[1].people == Approx(30.0));
  CHECK(l.lost_backup.people == Approx(0.0));
  const std::vector<std::uint32_t> bad{9};
  CHECK_THROWS_AS(plan::cover_loss(d, reach, bad), core::ArgumentError);
}
