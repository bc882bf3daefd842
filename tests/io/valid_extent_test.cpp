#include "io/valid_extent.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);
const crs::GeoBox kJapan{{122.0, 20.0}, {154.0, 46.5}};

// Row 1 is the Irish location MHLW's national files put several facilities at, row 2
// 宗像医師会病院, row 3 the 0,0 of an ungeocoded row.
const std::string kMixed =
    "name,lat,lon\n"
    "ireland,53.41291,-8.24388999999996\n"
    "munakata,33.806377,130.534045\n"
    "zero,0,0\n";

io::ReadOptions within(const crs::GeoBox& extent) {
  io::ReadOptions o;
  o.valid_extent = extent;
  return o;
}

}  // namespace

TEST_CASE("the extent reads in hemispheres", "[io][valid_extent]") {
  CHECK(io::describe_extent(kJapan) == "122–154 E, 20–46.5 N");
  CHECK(io::describe_extent(crs::GeoBox{{-10.5, -40.0}, {-2.0, -30.0}}) == "10.5–2 W, 40–30 S");
  CHECK(io::describe_extent(crs::GeoBox{{-10.0, -5.0}, {5.0, 45.0}}) == "10 W–5 E, 5 S–45 N");
  CHECK(io::outside_extent_message(core::LonLat{-8.24388999999996, 53.41291}, kJapan) ==
        "longitude -8.24389, latitude 53.41291 is outside the project's valid extent 122–154 E, "
        "20–46.5 N");
}

TEST_CASE("a box is outside only when it misses the extent entirely", "[io][valid_extent]") {
  const auto box = [](double x0, double y0, double x1, double y1) {
    return core::Box{{x0, y0}, {x1, y1}};
  };
  CHECK(io::entirely_outside(box(-9.0, 53.0, -8.0, 54.0), kJapan));
  CHECK(io::entirely_outside(box(130.0, 47.0, 131.0, 48.0), kJapan));  // north of it
  CHECK_FALSE(io::entirely_outside(box(130.0, 33.0, 131.0, 34.0), kJapan));
  CHECK_FALSE(io::entirely_outside(box(150.0, 40.0, 160.0, 50.0), kJapan));  // straddles
  CHECK_FALSE(io::entirely_outside(box(154.0, 46.5, 155.0, 47.0), kJapan));  // touches a corner
  CHECK_FALSE(io::entirely_outside(box(100.0, 0.0, 170.0, 80.0), kJapan));   // holds it
}

TEST_CASE("CSV rows outside the valid extent are reported and skipped", "[io][valid_extent]") {
  test::ScratchDir dir;
  test::write_text(dir / "mixed.csv", kMixed);

  const auto l = io::read_file(dir / "mixed.csv", within(kJapan), kZone2);
  REQUIRE(l.layer->size() == 1);
  CHECK(l.layer->display_name(core::FeatureId{0}) == "munakata");
  CHECK(l.layer->features[0].source_row == 2);
  CHECK(l.rows.read == 3);
  CHECK(l.rows.skipped == 2);
  CHECK(l.rows.filtered_out == 0);
  REQUIRE(l.diagnostics.size() == 2);
  const auto& d = l.diagnostics.items();
  CHECK(d[0].code == "outside_valid_extent");
  CHECK(d[0].row == 1u);
  CHECK(d[0].field == "lon/lat");
  CHECK(d[0].file == (dir / "mixed.csv").string());
  CHECK(d[0].severity == core::Severity::warning);
  CHECK_THAT(d[0].message, Catch::StartsWith("longitude -8.24389, latitude 53.41291 is outside "
                                             "the project's valid extent 122–154 E, 20–46.5 N"));
  CHECK(d[1].code == "zero_coordinates");
  CHECK(d[1].row == 3u);
  CHECK(core::describe_code("outside_valid_extent") != "outside_valid_extent");

  // Without an extent (a file read with no project open) the Irish row is plotted as before.
  const auto plain = io::read_file(dir / "mixed.csv", {}, crs::CrsRef::wgs84());
  CHECK(plain.layer->size() == 2);
  CHECK(plain.diagnostics.count("outside_valid_extent") == 0);
}

TEST_CASE("lines and polygons are skipped only when wholly outside", "[io][valid_extent]") {
  test::ScratchDir dir;
  // Feature 1 in Ireland, feature 2 around Munakata, feature 3 a line from Hokkaido out to sea
  // beyond the extent, feature 4 a point in Sweden.
  test::write_text(dir / "shapes.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "ireland"}, "geometry": {"type": "Polygon",
      "coordinates": [[[-8.3, 53.4], [-8.2, 53.4], [-8.2, 53.5], [-8.3, 53.5], [-8.3, 53.4]]]}},
    {"type": "Feature", "properties": {"name": "munakata"}, "geometry": {"type": "Polygon",
      "coordinates": [[[130.5, 33.8], [130.6, 33.8], [130.6, 33.9], [130.5, 33.9], [130.5, 33.8]]]}},
    {"type": "Feature", "properties": {"name": "out to sea"}, "geometry": {"type": "LineString",
      "coordinates": [[145.0, 43.0], [156.0, 48.0]]}},
    {"type": "Feature", "properties": {"name": "sweden"}, "geometry": {"type": "Point",
      "coordinates": [13.1156649, 57.7648253]}}]})");
  const auto l = io::read_file(dir / "shapes.geojson", within(kJapan), kZone2);
  REQUIRE(l.layer->size() == 2);
  CHECK(l.layer->display_name(core::FeatureId{0}) == "munakata");
  CHECK(l.layer->display_name(core::FeatureId{1}) == "out to sea");
  CHECK(l.rows.skipped == 2);
  REQUIRE(l.diagnostics.count("outside_valid_extent") == 2);
  const auto& d = l.diagnostics.items();
  CHECK(d[0].row == 1u);
  CHECK_THAT(d[0].message,
             Catch::Contains("8.3–8.2 W, 53.4–53.5 N") && Catch::Contains("entirely outside"));
  CHECK(d[1].row == 4u);
  CHECK_THAT(d[1].message, Catch::StartsWith("longitude 13.1156649, latitude 57.7648253"));
}

TEST_CASE("projected sources are not checked against the valid extent", "[io][valid_extent]") {
  test::ScratchDir dir;
  // Plane rectangular zone II metres near Munakata: as degrees they would be far outside.
  test::write_text(dir / "plane.csv", "name,x,y\nmunakata,-50000,90000\n");
  io::ReadOptions o = within(kJapan);
  o.x_field = "x";
  o.y_field = "y";
  o.source_crs = kZone2;
  const auto l = io::read_file(dir / "plane.csv", o, kZone2);
  CHECK(l.layer->size() == 1);
  CHECK(l.diagnostics.empty());
}

TEST_CASE("read_extent and choose_crs_for ignore rows outside the valid extent",
          "[io][valid_extent]") {
  test::ScratchDir dir;
  test::write_text(dir / "mixed.csv", kMixed);

  const auto box = io::read_extent(dir / "mixed.csv", within(kJapan));
  REQUIRE(box);
  CHECK(box->south_west.lon == Approx(130.534045));
  CHECK(box->north_east.lat == Approx(33.806377));
  const auto wide = io::read_extent(dir / "mixed.csv");
  REQUIRE(wide);
  CHECK(wide->south_west.lon == Approx(-8.24389));

  const std::vector<std::filesystem::path> files = {dir / "mixed.csv"};
  CHECK(io::choose_crs_for(files, kJapan).crs.epsg == 6670);
  // Ireland to Japan is wider than any one metric CRS.
  CHECK_THROWS_AS(io::choose_crs_for(files), core::ArgumentError);
}
