#include <algorithm>
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/gdal_fixtures.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

const std::vector<test::FixturePoint> kPoints = {
    {130.534045, 33.806377, "宗像医師会病院"},
    {130.497574, 33.761437, "宗像水光会総合病院"},
};

void check_points(const io::LoadedLayer& l) {
  REQUIRE(l.layer->size() == 2);
  CHECK(l.layer->display_name(core::FeatureId{0}) == "宗像医師会病院");
  CHECK(l.layer->display_name(core::FeatureId{1}) == "宗像水光会総合病院");
  const auto p = std::get<core::XY>(l.layer->features[0].geometry);
  CHECK(p.x == Approx(130.534045).margin(1e-9));
  CHECK(p.y == Approx(33.806377).margin(1e-9));
}

}  // namespace

TEST_CASE("Shapefile, FlatGeobuf, KML and GeoPackage sources", "[io][formats]") {
  test::ScratchDir dir;
  const auto wgs84 = crs::CrsRef::wgs84();
  SECTION("Shapefile in CP932 with a .cpg") {
    test::write_points(dir / "h.shp", "ESRI Shapefile", kPoints, true, {"ENCODING=CP932"});
    REQUIRE(std::filesystem::exists(dir / "h.cpg"));
    CHECK(test::read_text(dir / "h.cpg").find("932") != std::string::npos);
    check_points(io::read_file(dir / "h.shp", {}, wgs84));
  }
  SECTION("FlatGeobuf") {
    test::write_points(dir / "h.fgb", "FlatGeobuf", kPoints);
    check_points(io::read_file(dir / "h.fgb", {}, wgs84));
  }
  SECTION("KML") {
    test::write_points(dir / "h.kml", "KML", kPoints);
    check_points(io::read_file(dir / "h.kml", {}, wgs84));
  }
  SECTION("GeoPackage with several layers needs source_layer") {
    test::write_points(dir / "two.gpkg", "GPKG", kPoints, true, {}, "first");
    {
      GDALDatasetUniquePtr ds(
          GDALDataset::Open((dir / "two.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
      OGRSpatialReference srs;
      srs.importFromEPSG(4326);
      ds->CreateLayer("second", &srs, wkbPoint, nullptr);
    }
    CHECK_THROWS_WITH(
        io::read_file(dir / "two.gpkg", {}, wgs84),
        Catch::Contains("first") && Catch::Contains("second") && Catch::Contains("source_layer"));
    io::ReadOptions o;
    o.source_layer = "first";
    check_points(io::read_file(dir / "two.gpkg", o, wgs84));
  }
}

TEST_CASE("a GeoJSON point at 0,0 and an empty geometry are reported", "[io][formats]") {
  test::ScratchDir dir;
  test::write_text(dir / "s.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[130.5,33.8]}},
    {"type":"Feature","properties":{"name":"zero"},"geometry":{"type":"Point","coordinates":[0,0]}},
    {"type":"Feature","properties":{"name":"none"},"geometry":null}]})");
  const auto l = io::read_file(dir / "s.geojson", {}, crs::CrsRef::from_epsg(6670));
  CHECK(l.layer->size() == 1);
  CHECK(l.diagnostics.count("zero_coordinates") == 1);
  CHECK(l.diagnostics.count("empty_geometry") == 1);
  CHECK(l.diagnostics.items()[1].row == 3u);
}

TEST_CASE("an invalid polygon is repaired and reported", "[io][formats]") {
  test::ScratchDir dir;
  // A bow tie: two triangles of 0.01° x 0.005° meeting at a self-intersection.
  test::write_text(dir / "bowtie.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[
      [130.50,33.80],[130.51,33.81],[130.51,33.80],[130.50,33.81],[130.50,33.80]]]}}]})");
  const auto l = io::read_file(dir / "bowtie.geojson", {}, crs::CrsRef::from_epsg(6670));
  REQUIRE(l.layer->size() == 1);
  CHECK(l.diagnostics.count("invalid_geometry") == 1);
  const auto& g = l.layer->features[0].geometry;
  std::string reason;
  CHECK(std::visit(
      [&](const auto& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, core::MultiPolygon> ||
                      std::is_same_v<std::decay_t<decltype(v)>, core::Polygon>) {
          return core::bg::is_valid(v, reason);
        } else {
          return false;
        }
      },
      g));
  // Two triangles, each a quarter of the 0.01° square: about 925 m x 1109 m / 2 in total.
  CHECK(core::area(g).value == Approx(926.0 * 1109.0 / 2.0).epsilon(0.01));
  // Repaired, so the layer vouches for its polygons and analyses need not check them again.
  CHECK(l.layer->polygons_valid);
}

TEST_CASE("a layer with a polygon beyond repair does not vouch for its polygons", "[io][formats]") {
  test::ScratchDir dir;
  // A square, and a ring that folds back on itself along a line: no area to keep, so MakeValid
  // leaves no polygon and the reader keeps the ring as read.
  test::write_text(dir / "mixed.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[
      [130.50,33.80],[130.50,33.81],[130.51,33.81],[130.51,33.80],[130.50,33.80]]]}},
    {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[
      [130.52,33.80],[130.53,33.80],[130.52,33.80],[130.53,33.80],[130.52,33.80]]]}}]})");
  const auto l = io::read_file(dir / "mixed.geojson", {}, crs::CrsRef::from_epsg(6670));
  const bool beyond_repair = std::any_of(
      l.diagnostics.items().begin(), l.diagnostics.items().end(), [](const core::Diagnostic& d) {
        return d.code == "invalid_geometry" &&
               d.message.find("could not be repaired") != std::string::npos;
      });
  REQUIRE(beyond_repair);
  CHECK_FALSE(l.layer->polygons_valid);

  test::write_text(dir / "square.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[
      [130.50,33.80],[130.50,33.81],[130.51,33.81],[130.51,33.80],[130.50,33.80]]]}}]})");
  CHECK(io::read_file(dir / "square.geojson", {}, crs::CrsRef::from_epsg(6670))
            .layer->polygons_valid);
}

TEST_CASE("a projected CRS without EPSG code is read from the file's WKT", "[io][formats]") {
  test::ScratchDir dir;
  const char* lcc = "+proj=lcc +lat_0=34 +lon_0=131 +lat_1=33 +lat_2=35 +ellps=GRS80 +units=m";
  crs::Transformer to_lcc(crs::CrsRef::wgs84(), crs::CrsRef::parse(lcc));
  std::vector<test::FixturePoint> projected;
  for (const auto& p : kPoints) {
    const core::XY q = to_lcc.transform({p.lon, p.lat});
    projected.push_back({q.x, q.y, p.name});
  }
  test::write_points(dir / "lcc.shp", "ESRI Shapefile", projected, true, {"ENCODING=UTF-8"},
                     "points", lcc);
  REQUIRE(test::read_text(dir / "lcc.prj").find("Lambert_Conformal_Conic") != std::string::npos);
  const auto l = io::read_file(dir / "lcc.shp", {}, crs::CrsRef::wgs84());
  check_points(l);
  CHECK_THAT(core::summarize(l.layer->provenance), Catch::Contains("source_crs=custom CRS (WKT)"));
}
