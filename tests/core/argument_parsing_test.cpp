#include "core/argument_parsing.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

using namespace caremap;
using namespace caremap::core;

TEST_CASE("distances and durations with units", "[cli][args]") {
  CHECK(parse_distance("16km", "--radius").value == 16000.0);
  CHECK(parse_distance("1.5 km", "--radius").value == 1500.0);
  CHECK(parse_distance("500m", "--radius").value == 500.0);
  CHECK(parse_distance("250", "--radius").value == 250.0);
  CHECK(parse_distance("0", "--x", true).value == 0.0);
  CHECK_THROWS_AS(parse_distance("0", "--radius"), core::ArgumentError);
  CHECK_THROWS_WITH(parse_distance("-2km", "--radius"), Catch::Contains("more than zero"));
  CHECK_THROWS_WITH(parse_distance("16 miles", "--radius"),
                    Catch::Contains("--radius") && Catch::Contains("'16 miles'"));
  CHECK(parse_duration("15min", "--t").value == 900.0);
  CHECK(parse_duration("1h", "--t").value == 3600.0);
  CHECK(parse_duration("90", "--t").value == 90.0);
  CHECK_THROWS_AS(parse_duration("soon", "--t"), core::ArgumentError);
}

TEST_CASE("places are lon,lat and a swapped pair is named", "[cli][args]") {
  const core::LonLat p = parse_lonlat("130.54,33.80", "--from");
  CHECK(p.lon == 130.54);
  CHECK(p.lat == 33.80);
  CHECK_THROWS_WITH(parse_lonlat("33.80,130.54", "--from"),
                    Catch::Contains("longitude comes first"));
  CHECK_THROWS_AS(parse_lonlat("200,10", "--from"), core::ArgumentError);
  CHECK_THROWS_AS(parse_lonlat("130.54", "--from"), core::ArgumentError);
  CHECK_THROWS_AS(parse_lonlat("130.54,north", "--from"), core::ArgumentError);
}

TEST_CASE("category lists and mesh sizes", "[cli][args]") {
  const auto c = parse_categories("hospital, clinic", "--category");
  REQUIRE(c.size() == 2);
  CHECK(c[1] == core::Category::clinic);
  CHECK_THROWS_WITH(
      parse_categories("hospitals", "--category"),
      Catch::Contains("unknown category 'hospitals'") && Catch::Contains("backup_hospital"));
  CHECK_THROWS_AS(parse_categories(",", "--category"), core::ArgumentError);
  CHECK(parse_mesh_level("250m", "--mesh") == core::MeshLevel::quarter);
  CHECK(parse_mesh_level("500m", "--mesh") == core::MeshLevel::half);
  CHECK_FALSE(parse_mesh_level("none", "--mesh").has_value());
  CHECK_THROWS_AS(parse_mesh_level("300m", "--mesh"), core::ArgumentError);
  CHECK(format_distance(core::Meters{850}) == "850 m");
  CHECK(format_distance(core::Meters{2400}) == "2.4 km");
}

TEST_CASE("band lists share the unit of their last item", "[cli][args]") {
  const auto t = parse_duration_list("15,5,10,30min", "--bands");
  REQUIRE(t.size() == 4);
  CHECK(t.front().value == 300.0);
  CHECK(t.back().value == 1800.0);
  const auto d = parse_distance_list("500m,1km,1000", "--distance");
  REQUIRE(d.size() == 2);  // "1000" takes the last unit (m): a duplicate of 1 km
  CHECK(d[0].value == 500.0);
  CHECK(d[1].value == 1000.0);
  CHECK_THROWS_AS(parse_duration_list("5,x,10min", "--bands"), core::ArgumentError);
}

TEST_CASE("one duration-list parser for the command line and the viewer's bands", "[args]") {
  auto seconds = [](const std::vector<core::Seconds>& v) {
    std::vector<double> out;
    for (const core::Seconds& s : v) {
      out.push_back(s.value);
    }
    return out;
  };
  const core::Seconds minute{60.0};
  // The command line: bare numbers are seconds; the viewer's bands: minutes.
  CHECK(seconds(parse_duration_list("90,120", "--t")) == std::vector<double>{90, 120});
  CHECK(seconds(parse_duration_list("5,10", "bands", minute)) == std::vector<double>{300, 600});
  // A unit on the last item applies to the bare ones, whatever the bare unit.
  CHECK(seconds(parse_duration_list("5,10,15min", "--t")) == std::vector<double>{300, 600, 900});
  CHECK(seconds(parse_duration_list("6 2 4min", "bands", minute)) ==
        std::vector<double>{120, 240, 360});
  CHECK(seconds(parse_duration_list("10, 5, 10 分", "bands", minute)) ==
        std::vector<double>{300, 600});
  CHECK(seconds(parse_duration_list("1h", "--t")) == std::vector<double>{3600});
  CHECK_THROWS_AS(parse_duration_list("5,-1", "bands", minute), core::ArgumentError);
  CHECK_THROWS_AS(parse_duration_list("five", "bands", minute), core::ArgumentError);
  CHECK_THROWS_AS(parse_duration_list("5x", "bands", minute), core::ArgumentError);
  // Spaces between a number and its unit stay one item.
  CHECK(parse_distance_list("1 km, 2 km", "--d").size() == 2);
}

TEST_CASE("vertex lists are lon lat pairs checked like places", "[args]") {
  const auto pts = parse_lonlat_list("7.42 43.73, 7.43 43.74,7.44 43.73", "--closure-polygon", 3);
  REQUIRE(pts.size() == 3);
  CHECK(pts[1].lon == 7.43);
  CHECK(pts[1].lat == 43.74);
  CHECK_THROWS_WITH(parse_lonlat_list("7.42 43.73, 7.43 43.74", "--closure-polygon", 3),
                    Catch::Contains("at least 3"));
  CHECK_THROWS_WITH(parse_lonlat_list("7.42,43.73", "--closure-line", 2),
                    Catch::Contains("lon lat"));
  // A swapped pair is named as in parse_lonlat.
  CHECK_THROWS_WITH(parse_lonlat_list("33.8 130.5, 33.9 130.6", "--closure-line", 2),
                    Catch::Contains("longitude comes first"));
}
