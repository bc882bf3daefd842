#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/people_bands.hpp"
#include "network_fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

const char* const kTee = test::kTeeFixture;

}  // namespace

TEST_CASE("people by road time to the nearest facility on a drawn network",
          "[analysis][population][bands]") {
  const auto net = test::network_of(kTee);
  Demand d;
  d.cities = {"A", "B"};
  d.has_age_bands = true;
  auto at = [](core::XY p, std::uint32_t city, double people) {
    DemandPoint dp;
    dp.position = p;
    dp.shape = p;
    dp.city = city;
    dp.people = people;
    dp.people_75plus = people / 10;
    return dp;
  };
  // At A, at C, and far off the network (reaches nothing).
  d.points = {at({0, 0}, 0, 100), at({2000, 0}, 0, 50), at({9000, 9000}, 1, 20)};
  // One clinic at D: A is 2,000 m (200 s) away by road, C too; the straight line is 1,414 m.
  const std::vector<core::XY> clinics{{1000, 1000}};
  core::Diagnostics diagnostics;
  const auto time = nearest_road_time_s(*net, d, clinics, {}, nullptr, diagnostics);
  REQUIRE(time.size() == 3);
  CHECK(time[0] == Approx(200.0));
  CHECK(time[1] == Approx(200.0));
  CHECK(std::isinf(time[2]));
  CHECK(diagnostics.count("snap_too_far") == 1);

  const PeopleBands bands = people_by_band(d, time, default_time_bands_s());
  CHECK(bands.by_city[0][0].people == Approx(150.0));  // < 5 min
  CHECK(bands.by_city[0][0].people_75plus == Approx(15.0));
  CHECK(bands.by_city[1].back().people == Approx(20.0));  // no road
  const auto pct = person_percentiles_by_city(d, time);
  CHECK(pct[0].median == Approx(200.0));
  CHECK(std::isinf(pct[1].p90));

  const auto straight = nearest_straight_line_m(d, clinics);
  CHECK(straight[0] == Approx(std::sqrt(2.0) * 1000.0));
}
