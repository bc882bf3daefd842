#include "report/page_setup.hpp"

#include <catch2/catch.hpp>

#include "report/map_furniture.hpp"

using namespace caremap::report;

TEST_CASE("paper sizes follow ISO 216 in whole points", "[report]") {
  PageSetup s;
  CHECK(s.size().width_pt == 595.0);
  CHECK(s.size().height_pt == 842.0);
  s.orientation = Orientation::landscape;
  CHECK(s.size().width_pt == 842.0);
  s.paper = Paper::a3;
  CHECK(s.size().width_pt == 1191.0);
  CHECK(s.size().height_pt == 842.0);
}

TEST_CASE("paper, orientation and format are parsed from the command line", "[report]") {
  CHECK(parse_paper("A3") == Paper::a3);
  CHECK_FALSE(parse_paper("letter"));
  CHECK(parse_orientation("landscape") == Orientation::landscape);
  CHECK_FALSE(parse_orientation("sideways"));
  CHECK(format_of_extension(".PDF") == Format::pdf);
  CHECK(format_of_extension(".svg") == Format::svg);
  CHECK(format_of_extension(".png") == Format::png);
  CHECK_FALSE(format_of_extension(".jpg"));
}

TEST_CASE("scale bars are 1, 2 or 5 times a power of ten, never longer than allowed", "[report]") {
  CHECK(nice_scale_length_m(7300.0) == 5000.0);
  CHECK(nice_scale_length_m(2100.0) == 2000.0);
  CHECK(nice_scale_length_m(1999.0) == 1000.0);
  CHECK(nice_scale_length_m(450.0) == 200.0);
  for (double m = 1.0; m < 1e6; m *= 1.37) {
    const double n = nice_scale_length_m(m);
    CHECK(n <= m);
    CHECK(n > m / 2.6);
  }
}
