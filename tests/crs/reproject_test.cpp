#include "crs/reproject.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

using namespace caremap;

TEST_CASE("reproject_layer moves every feature and keeps the rest", "[crs][reproject]") {
  core::Layer layer;
  layer.id = "hospitals";
  layer.crs = "EPSG:4326";
  layer.fields = {{"name", core::FieldType::text}};
  layer.features.push_back(
      {core::XY{131.0, 33.0}, {std::string("原点")}, core::Category::hospital, 4});
  layer.features.push_back({core::LineString{{131.0, 33.0}, {131.0, 33.1}},
                            {std::string("線")},
                            core::Category::road,
                            5});

  const core::Layer out = crs::reproject_layer(layer, crs::CrsRef::from_epsg(6670));
  CHECK(out.crs == "EPSG:6670");
  REQUIRE(out.size() == 2);
  const auto p = std::get<core::XY>(out.features[0].geometry);
  CHECK(p.x == Approx(0.0).margin(0.001));
  CHECK(p.y == Approx(0.0).margin(0.001));
  CHECK(std::get<std::string>(out.features[0].values[0]) == "原点");
  CHECK(out.features[1].source_row == 5);
  // 0.1° of latitude near 33°N is about 11.09 km.
  CHECK(core::length(out.features[1].geometry).value == Approx(11090.0).epsilon(0.002));

  const core::Layer back = crs::reproject_layer(out, crs::CrsRef::wgs84());
  const auto q = std::get<core::XY>(back.features[0].geometry);
  CHECK(q.x == Approx(131.0).margin(1e-9));
  CHECK(q.y == Approx(33.0).margin(1e-9));
}

TEST_CASE("a reprojected layer no longer vouches for its polygons", "[crs][reproject]") {
  core::Layer layer;
  layer.id = "boundary";
  layer.crs = "EPSG:4326";
  core::Polygon square;
  square.outer() = {{131.0, 33.0}, {131.0, 33.1}, {131.1, 33.1}, {131.1, 33.0}, {131.0, 33.0}};
  layer.features.push_back({square, {}, core::Category::boundary, 1});
  layer.polygons_valid = true;  // as a reader that checked them says
  CHECK_FALSE(crs::reproject_layer(layer, crs::CrsRef::from_epsg(6670)).polygons_valid);
  // The identity moves nothing, so the reader's word still holds.
  CHECK(crs::reproject_layer(layer, crs::CrsRef::wgs84()).polygons_valid);
}

TEST_CASE("reproject_layer errors name the layer and the row", "[crs][reproject]") {
  core::Layer layer;
  layer.id = "bad";
  layer.features.push_back({core::XY{131.0, 95.0}, {}, core::Category::other, 12});
  CHECK_THROWS_AS(crs::reproject_layer(layer, crs::CrsRef::from_epsg(6670)), core::InputError);
  layer.crs = "EPSG:4326";
  try {
    (void)crs::reproject_layer(layer, crs::CrsRef::from_epsg(6670));
    FAIL("latitude 95 reprojected");
  } catch (const core::InputError& e) {
    CHECK(e.context().layer == "bad");
    CHECK(e.context().row == 12);
  }
}
