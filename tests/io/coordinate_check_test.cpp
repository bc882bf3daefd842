#include "io/coordinate_check.hpp"

#include <catch2/catch.hpp>

#include "io/coordinate_columns.hpp"

using namespace caremap;

TEST_CASE("numbers in coordinate cells", "[io][coordinates]") {
  CHECK(io::parse_decimal(" 130.5 ") == 130.5);
  CHECK(io::parse_decimal("+33.8") == 33.8);
  CHECK(io::parse_decimal("-12") == -12.0);
  CHECK(io::parse_decimal("１３０．５") == 130.5);     // full-width digits
  CHECK(io::parse_decimal("　１３０．５ ") == 130.5);  // and an ideographic space
  CHECK(io::parse_decimal("130．5") == 130.5);         // ASCII and full-width mixed
  CHECK(io::parse_decimal("\t-12.25\r") == -12.25);
  CHECK_FALSE(io::parse_decimal("").has_value());
  CHECK_FALSE(io::parse_decimal("130.5E").has_value());
  CHECK_FALSE(io::parse_decimal("nan").has_value());
  CHECK_FALSE(io::parse_decimal("inf").has_value());
  CHECK_FALSE(io::parse_decimal("33°48'").has_value());
  CHECK_FALSE(io::parse_decimal("1,5").has_value());
  CHECK_FALSE(io::parse_decimal("-inf").has_value());
  CHECK_FALSE(io::parse_decimal("1e5").has_value());  // fixed notation only
  CHECK(io::parse_decimal("-0.000001") == -0.000001);
  CHECK(io::parse_decimal("130.7189123") == 130.7189123);
}

TEST_CASE("each coordinate problem has its code", "[io][coordinates]") {
  auto code = [](std::string_view x, std::string_view y) {
    return io::check_coordinates(x, y, true, "経度", "緯度").code;
  };
  CHECK(code("130.5", "33.8").empty());
  CHECK(io::check_coordinates("130.5", "33.8", true).point == core::XY{130.5, 33.8});
  CHECK(code("", "33.8") == "empty_coordinates");
  CHECK(code(" ", "") == "empty_coordinates");
  CHECK(code("　", "33.8") == "empty_coordinates");  // U+3000 only
  CHECK(code("１３０．５", "３３．８").empty());
  CHECK(code("0", "0") == "zero_coordinates");
  CHECK(code("0.0", "0.000000") == "zero_coordinates");
  CHECK(code("33.8", "130.5") == "swapped_coordinates");
  CHECK(code("200", "33.8") == "out_of_range_coordinates");
  CHECK(code("130.5", "-95") == "out_of_range_coordinates");
  CHECK(code("abc", "33.8") == "unparsable_coordinates");
  CHECK(io::check_coordinates("", "33.8", true, "経度", "緯度").field == "経度");
  CHECK(io::check_coordinates("abc", "33.8", true, "経度", "緯度").message ==
        "'abc' is not a number");
  // Projected coordinates: no degree ranges, but still no (0, 0).
  CHECK(io::check_coordinates("-46295.96", "88832.79", false).point.has_value());
  CHECK(io::check_coordinates("250000", "130000", false).point.has_value());
  CHECK(io::check_coordinates("0", "0", false).code == "zero_coordinates");
  // Longitude 0 alone is a real place (Greenwich).
  CHECK(io::check_coordinates("0", "51.48", true).point.has_value());
}

TEST_CASE("coordinate columns are found by name", "[io][coordinates]") {
  using V = std::vector<std::string>;
  auto detect = [](V names) { return io::detect_coordinate_columns(names); };
  CHECK(detect(V{"id", "lat", "lon"})->x == "lon");
  CHECK(detect(V{"id", "Latitude", "LONGITUDE"})->y == "Latitude");
  CHECK(detect(V{"X", "Y"})->x == "X");
  CHECK(detect(V{"名称", "緯度", "経度"})->x == "経度");
  const auto mhlw = detect(V{"ID", "所在地座標（緯度）", "所在地座標（経度）"});
  REQUIRE(mhlw);
  CHECK(mhlw->x == "所在地座標（経度）");
  CHECK(mhlw->y == "所在地座標（緯度）");
  CHECK(detect(V{"中心経度", "中心緯度"})->y == "中心緯度");  // the only 経度/緯度 pair
  CHECK_FALSE(detect(V{"id", "name", "address"}).has_value());
  CHECK_FALSE(detect(V{"経度1", "経度2", "緯度"}).has_value());  // ambiguous
}
