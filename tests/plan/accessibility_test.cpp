// 2SFCA and E2SFCA on a hand-computed example: two clinics, three demand points, costs in
// minutes.
//   supply: S1 = 1, S2 = 2        demand: P1 = 100, P2 = 200, P3 = 300
//   site 1 to the points: 5, 15, 40 min;   site 2: 25, 8, 12 min
// 2SFCA, 30 min: R1 = 1 / (100 + 200) = 1/300; R2 = 2 / (100 + 200 + 300) = 1/300;
//   A1 = A2 = 2/300, A3 = 1/300.
// E2SFCA (10/20/30 min: 1, 0.68, 0.22):
//   R1 = 1 / (100*1 + 200*0.68) = 1/236;  R2 = 2 / (100*0.22 + 200*1 + 300*0.68) = 2/426;
//   A1 = R1*1 + R2*0.22;  A2 = R1*0.68 + R2*1;  A3 = R2*0.68.

#include "plan/accessibility.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

using namespace caremap;

namespace {

analysis::TravelCosts minutes(const std::vector<std::vector<double>>& rows) {
  analysis::TravelCosts c;
  c.origins = rows.size();
  c.destinations = rows[0].size();
  for (const auto& r : rows) {
    for (double m : r) {
      c.time_s.push_back(m * 60.0);
    }
  }
  c.length_m = c.time_s;
  return c;
}

const std::vector<double> kSupply{1, 2};
const std::vector<double> kDemand{100, 200, 300};

}  // namespace

TEST_CASE("2SFCA on a hand-computed example", "[plan]") {
  const auto c = minutes({{5, 15, 40}, {25, 8, 12}});
  const auto r = plan::accessibility(c, kSupply, kDemand,
                                     plan::two_step_fca(plan::ReachMeasure::time, 1800.0));
  CHECK(r.ratio[0] == Approx(1.0 / 300));
  CHECK(r.ratio[1] == Approx(1.0 / 300));
  CHECK(r.access[0] == Approx(2.0 / 300));
  CHECK(r.access[1] == Approx(2.0 / 300));
  CHECK(r.access[2] == Approx(1.0 / 300));
  // Supply is conserved: sum of A_i P_i = total supply when every site reaches someone.
  double served = 0.0;
  for (std::size_t i = 0; i < kDemand.size(); ++i) {
    served += r.access[i] * kDemand[i];
  }
  CHECK(served == Approx(3.0));
}

TEST_CASE("E2SFCA uses the published zone weights", "[plan]") {
  const auto params = plan::enhanced_two_step_fca();
  REQUIRE(params.zones.size() == 3);
  CHECK(params.zones[0].limit == Approx(600.0));
  CHECK(params.zones[1].limit == Approx(1200.0));
  CHECK(params.zones[2].limit == Approx(1800.0));
  CHECK(params.zones[0].weight == Approx(1.0));
  CHECK(params.zones[1].weight == Approx(0.68));
  CHECK(params.zones[2].weight == Approx(0.22));
  CHECK(plan::zone_weight(params, 600.0) == Approx(1.0));
  CHECK(plan::zone_weight(params, 601.0) == Approx(0.68));
  CHECK(plan::zone_weight(params, 1801.0) == Approx(0.0));

  const auto c = minutes({{5, 15, 40}, {25, 8, 12}});
  const auto r = plan::accessibility(c, kSupply, kDemand, params);
  const double r1 = 1.0 / 236.0;
  const double r2 = 2.0 / 426.0;
  CHECK(r.ratio[0] == Approx(r1));
  CHECK(r.ratio[1] == Approx(r2));
  CHECK(r.access[0] == Approx(r1 + r2 * 0.22));
  CHECK(r.access[1] == Approx(r1 * 0.68 + r2));
  CHECK(r.access[2] == Approx(r2 * 0.68));
  CHECK(plan::access_method_label(params).en == "E2SFCA (10/20/30 min: weights 1, 0.68, 0.22)");
}

TEST_CASE("accessibility checks its inputs", "[plan]") {
  const auto c = minutes({{5, 15, 40}, {25, 8, 12}});
  const std::vector<double> one{1};
  CHECK_THROWS_AS(plan::accessibility(c, one, kDemand, plan::enhanced_two_step_fca()),
                  core::ArgumentError);
  plan::AccessParams bad{plan::ReachMeasure::time, {{600, 1.0}, {300, 0.5}}};
  CHECK_THROWS_AS(plan::accessibility(c, kSupply, kDemand, bad), core::ArgumentError);
  // A site no one reaches has ratio 0, not infinity.
  const auto far = minutes({{500, 500, 500}, {25, 8, 12}});
  const auto r = plan::accessibility(far, kSupply, kDemand, plan::enhanced_two_step_fca());
  CHECK(r.ratio[0] == 0.0);
}
