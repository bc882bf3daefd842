#include "core/units.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;
using namespace caremap::core::literals;

TEST_CASE("quantities convert between units and keep their type", "[core][units]") {
  CHECK((16_km).value == 16000.0);
  CHECK((15_min).value == 900.0);
  CHECK(to_km(Meters{2500}) == Approx(2.5));
  CHECK(to_km2(SquareMeters{119.94e6}) == Approx(119.94));
  CHECK(to_minutes(Seconds{90}) == Approx(1.5));
  CHECK(from_km_per_hour(36).value == Approx(10.0));
  CHECK(travel_time(Meters{1000}, from_km_per_hour(36)).value == Approx(100.0));
  CHECK(Meters{3} < Meters{4});
  CHECK((Meters{3} + Meters{4}) * 2.0 == Meters{14});
  CHECK(Meters{10} / Meters{4} == Approx(2.5));
}
