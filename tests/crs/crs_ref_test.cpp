#include "crs/crs_ref.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "core/error.hpp"

using namespace caremap;

TEST_CASE("CrsRef parses and normalises definitions", "[crs][crs_ref]") {
  const auto zone2 = crs::CrsRef::parse("epsg:6670");
  CHECK(zone2.definition == "EPSG:6670");
  CHECK(zone2.epsg == 6670);
  CHECK_THAT(zone2.name, Catch::Contains("Japan Plane Rectangular CS II"));
  CHECK(crs::CrsRef::parse("urn:ogc:def:crs:EPSG::6668").epsg == 6668);
  CHECK(crs::CrsRef::from_epsg(4326) == crs::CrsRef::wgs84());

  const auto lcc =
      crs::CrsRef::parse("+proj=lcc +lat_1=30 +lat_2=40 +lon_0=135 +ellps=GRS80", "my conic");
  CHECK_THAT(lcc.definition, Catch::EndsWith("+type=crs"));
  CHECK_FALSE(lcc.epsg.has_value());
  CHECK(lcc.label() == "my conic");

  CHECK_THROWS_AS(crs::CrsRef::parse("EPSG:999999"), core::ArgumentError);
  CHECK_THROWS_WITH(crs::CrsRef::parse("not a crs"), Catch::Contains("not a crs"));
}

TEST_CASE("inspect tells geographic from metric projected CRSs", "[crs][crs_ref]") {
  CHECK(crs::inspect(crs::CrsRef::wgs84()).geographic);
  CHECK_FALSE(crs::is_metric_projected(crs::CrsRef::wgs84()));
  CHECK(crs::is_metric_projected(crs::CrsRef::from_epsg(6670)));
  CHECK(crs::is_metric_projected(crs::CrsRef::from_epsg(32632)));
  // NAD27 / Texas North (US survey feet) is projected but not in metres.
  CHECK_FALSE(crs::is_metric_projected(crs::CrsRef::from_epsg(32037)));
}

TEST_CASE("a CRS error names its own cause, not an earlier one on the same thread",
          "[crs][crs_ref]") {
  auto message_of = [](const std::string& definition) {
    try {
      (void)crs::CrsRef::parse(definition);
    } catch (const core::ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string alone;
  std::thread([&] { alone = message_of("EPSG:999999"); }).join();  // a thread of its own
  CHECK_THAT(alone, Catch::Contains("EPSG:999999"));
  const std::string typo = message_of("+proj=foo");
  CHECK(typo != "no error");
  CHECK(message_of("EPSG:999999") == alone);
}
