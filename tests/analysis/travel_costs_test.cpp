#include "analysis/travel_costs.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "network_fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

const char* const kTee = test::kTeeFixture;

}  // namespace

TEST_CASE("straight-line costs are distance x detour at the stated speed", "[analysis][costs]") {
  const std::vector<core::XY> from{{0, 0}, {300, 400}};
  const std::vector<core::XY> to{{0, 0}, {0, 1000}, {3000, 4000}};
  const TravelCosts c =
      straight_line_costs(from, to, {core::from_km_per_hour(36.0), 1.5});  // 10 m/s
  REQUIRE(c.origins == 2);
  REQUIRE(c.destinations == 3);
  CHECK_FALSE(c.by_road);
  CHECK(c.length(0, 2) == Approx(5000.0 * 1.5));
  CHECK(c.time(0, 2) == Approx(750.0));
  CHECK(c.time(1, 0) == Approx(75.0));
  CHECK(c.time(0, 0) == 0.0);
  CHECK(c.basis.en == "straight line (detour factor 1.5, 36 km/h)");
  CHECK(c.basis.ja == "直線距離（迂回係数 1.5、時速 36 km）");
  CHECK_THROWS_AS(straight_line_costs(from, to, {core::MetersPerSecond{0.0}, 1.0}),
                  core::ArgumentError);
  CHECK_THROWS_AS(straight_line_costs(from, to, {core::from_km_per_hour(30.0), 0.9}),
                  core::ArgumentError);
}

TEST_CASE("road costs fill the matrix from the OD matrix, unreachable as +inf",
          "[analysis][costs]") {
  const auto net = test::network_of(kTee);
  const std::vector<core::XY> from{{0, 0}, {5000, 5000}};  // the second is off the network
  const std::vector<core::XY> to{{2000, 0}, {1000, 1000}};
  OdOptions o;
  core::Diagnostics diagnostics;
  const TravelCosts c = road_costs(*net, from, to, o, nullptr, diagnostics);
  CHECK(c.by_road);
  CHECK(c.time(0, 0) == Approx(200.0));
  CHECK(c.length(0, 1) == Approx(2000.0));
  CHECK(c.time(0, 1) == Approx(200.0));
  CHECK_FALSE(c.reachable(1, 0));
  CHECK(diagnostics.count("snap_too_far") == 1);
  CHECK_THAT(c.basis.en, Catch::StartsWith("road ("));
  o.k_nearest = 1;
  CHECK_THROWS_AS(road_costs(*net, from, to, o, nullptr, diagnostics), core::ArgumentError);
}
