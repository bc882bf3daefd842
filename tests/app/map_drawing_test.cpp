#include "app/map_drawing.hpp"

#include <catch2/catch.hpp>

using namespace caremap;

TEST_CASE("an export at the map's aspect scales everything by width over map width", "[export]") {
  // The default window's map area is about 780 x 820 px; a 4000 px slide export.
  const app::ExportFrame f = app::export_frame(780.0f, 820.0f, 4000, 0);
  CHECK(f.width == 4000);
  CHECK(f.height == 4205);  // 820 * 4000 / 780 = 4205.1
  // The rounded height limits the scale, by a hair: 4205 / 820 < 4000 / 780.
  CHECK(f.pixel_ratio == Approx(4205.0 / 820.0).epsilon(1e-6));
  CHECK(f.pixel_ratio == Approx(4000.0 / 780.0).epsilon(1e-4));
  // The camera sees the screen's extent: the viewport in screen pixels is the map area again,
  // never less.
  CHECK(f.view_height == Approx(820.0).epsilon(1e-6));
  CHECK(f.view_width >= 780.0);
  CHECK(f.view_width == Approx(780.0).margin(0.05));
}

TEST_CASE("an export of another aspect keeps the whole screen extent and adds to one side",
          "[export]") {
  // A 16:9 slide from a square map: the height limits the scale, the width shows more.
  const app::ExportFrame f = app::export_frame(800.0f, 800.0f, 3200, 1800);
  CHECK(f.width == 3200);
  CHECK(f.height == 1800);
  CHECK(f.pixel_ratio == Approx(1800.0 / 800.0));
  CHECK(f.view_height == Approx(800.0));
  CHECK(f.view_width == Approx(3200.0 / 2.25));
  CHECK(f.view_width > 800.0);
}

TEST_CASE("an export from a collapsed map area still has a size", "[export]") {
  const app::ExportFrame f = app::export_frame(0.0f, 0.0f, 2000, 0);
  CHECK(f.width == 2000);
  CHECK(f.height == 2000);  // a 1 x 1 map area is square
  CHECK(f.pixel_ratio == Approx(2000.0));
}
