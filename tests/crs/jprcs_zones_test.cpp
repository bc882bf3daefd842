#include "crs/jprcs_zones.hpp"

#include <catch2/catch.hpp>

#include "crs/transformer.hpp"

using namespace caremap;

TEST_CASE("the zone table agrees with the EPSG definitions", "[crs][zones]") {
  REQUIRE(crs::plane_rectangular_zones().size() == 19);
  for (const auto& zone : crs::plane_rectangular_zones()) {
    INFO("zone " << zone.roman);
    CHECK(zone.epsg == 6668 + zone.number);
    auto t = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(zone.epsg));
    const core::XY o = t.forward(zone.origin);
    CHECK(o.x == Approx(0.0).margin(0.001));
    CHECK(o.y == Approx(0.0).margin(0.001));
  }
}

TEST_CASE("prefectures and municipality codes", "[crs][zones]") {
  CHECK(crs::prefecture_of("40220") == 40);
  CHECK(crs::prefecture_of("402206") == 40);
  CHECK(crs::prefecture_of("13119") == 13);
  CHECK_FALSE(crs::prefecture_of("4022").has_value());
  CHECK_FALSE(crs::prefecture_of("48001").has_value());
  CHECK_FALSE(crs::prefecture_of("4O220").has_value());
  CHECK(crs::prefecture_name(40) == "福岡県");
  CHECK(crs::prefecture_name(47) == "沖縄県");
  for (int pref = 1; pref <= 47; ++pref) {
    INFO("prefecture " << pref);
    CHECK_FALSE(crs::prefecture_zones(pref).empty());
    CHECK_FALSE(crs::prefecture_name(pref).empty());
  }
  CHECK(crs::prefecture_zones(40).front() == 2);
  CHECK(crs::prefecture_zones(13).front() == 9);
  CHECK(crs::prefecture_zones(1).size() == 3);
  CHECK(crs::prefecture_zones(0).empty());
}
