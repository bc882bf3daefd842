#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/gdal_fixtures.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);

// Runs `f`, expects core::InputError, returns it.
template <class F>
core::InputError input_error(F f) {
  try {
    f();
  } catch (const core::InputError& e) {
    return e;
  }
  FAIL("no InputError");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("whole-file problems are InputErrors naming the file", "[io][errors]") {
  test::ScratchDir dir;

  SECTION("missing file") {
    const auto path = dir / "nowhere.csv";
    const auto e = input_error([&] { io::read_file(path, {}, kZone2); });
    CHECK(e.context().file == path.string());
    CHECK_THAT(e.what(), Catch::Contains("not found"));
  }
  SECTION("unknown format") {
    test::write_text(dir / "notes.xyz", "this is not geodata\n");
    const auto e = input_error([&] { io::read_file(dir / "notes.xyz", {}, kZone2); });
    CHECK(e.context().file == (dir / "notes.xyz").string());
    CHECK_THAT(e.what(), Catch::Contains("unknown format") && Catch::Contains(".xyz"));
  }
  SECTION("broken GeoJSON") {
    test::write_text(dir / "broken.geojson",
                     R"({"type": "FeatureCollection", "features": [{"type": "Feature", )");
    const auto e = input_error([&] { io::read_file(dir / "broken.geojson", {}, kZone2); });
    CHECK(e.context().file == (dir / "broken.geojson").string());
    CHECK_THAT(e.what(), Catch::Contains("cannot read"));
  }
  SECTION("a layer without CRS, unless source_crs is given") {
    test::write_points(dir / "nocrs.shp", "ESRI Shapefile", {{130.5, 33.8, "a"}}, false);
    REQUIRE_FALSE(std::filesystem::exists(dir / "nocrs.prj"));
    const auto e = input_error([&] { io::read_file(dir / "nocrs.shp", {}, kZone2); });
    CHECK_THAT(e.what(),
               Catch::Contains("no coordinate reference system") && Catch::Contains("source_crs"));
    io::ReadOptions o;
    o.source_crs = crs::CrsRef::wgs84();
    CHECK(io::read_file(dir / "nocrs.shp", o, kZone2).layer->size() == 1);
  }
  SECTION("a field named by the project that the file lacks") {
    test::write_text(dir / "h.csv", "ID,名称,lat,lon\n1,a,33.8,130.5\n");
    io::LayerSpec spec;
    spec.id = "hospitals";
    spec.source = "h.csv";
    spec.category = core::Category::hospital;
    spec.capacity_field = "病床数";
    const auto e = input_error([&] { io::read_layer(spec, kZone2, dir.path()); });
    CHECK(e.context().field == "病床数");
    CHECK(e.context().layer == "hospitals");
    CHECK(e.context().file == (dir / "h.csv").string());
    CHECK_THAT(e.what(), Catch::Contains("ID, 名称, lat, lon"));
    spec.capacity_field.clear();
    spec.hazard_fields = {"津波"};
    CHECK_THROWS_WITH(io::read_layer(spec, kZone2, dir.path()), Catch::Contains("津波"));
  }
  SECTION("a CSV without coordinate columns") {
    test::write_text(dir / "list.csv",
                     "医療機関コード,医療機関名称,住所\n400511246,池田内科,福津市\n");
    const auto e = input_error([&] { io::read_file(dir / "list.csv", {}, kZone2); });
    CHECK_THAT(e.what(), Catch::Contains("no coordinate columns") &&
                             Catch::Contains("医療機関コード, 医療機関名称, 住所"));
    io::ReadOptions o;
    o.x_field = "経度";
    o.y_field = "緯度";
    CHECK_THROWS_WITH(io::read_file(dir / "list.csv", o, kZone2), Catch::Contains("経度"));
  }
}
