#include "app/legend_model.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using namespace caremap::app;

TEST_CASE("the legend lists what is drawn, top layer first, with the same symbols", "[legend]") {
  AppState app;
  auto boundary = std::make_shared<core::Layer>();
  boundary->id = "boundary";
  boundary->title = "行政区域";
  boundary->category = core::Category::boundary;
  core::Polygon square;
  boost::geometry::read_wkt("POLYGON((0 0,0 10,10 10,10 0,0 0))", square);
  boundary->features.push_back(
      core::Feature{core::MultiPolygon{square}, {}, core::Category::boundary, 1});
  add_layer(app, boundary, {}, {});

  auto hospitals = std::make_shared<core::Layer>();
  hospitals->id = "hospitals";
  hospitals->title = "病院";
  hospitals->category = core::Category::hospital;
  hospitals->features.push_back(core::Feature{core::XY{1, 1}, {}, core::Category::hospital, 1});
  hospitals->features.push_back(
      core::Feature{core::XY{2, 2}, {}, core::Category::backup_hospital, 2});
  add_layer(app, hospitals, {}, {});

  auto groups = legend_model(app, Lang::ja);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].title == "病院");
  REQUIRE(groups[0].items.size() == 2);
  CHECK(groups[0].items[1].label == "後方支援病院");
  CHECK(groups[0].items[1].symbol.point.shape ==
        symbology(*find_layer(app, "hospitals")).classes[1].symbol.point.shape);
  CHECK(groups[0].items[0].icon == IconKind::point);
  CHECK(groups[1].items[0].icon == IconKind::fill);
  CHECK(groups[1].items[0].label == "行政区域");  // a one-class layer is labelled by its title

  // Hiding a layer removes it from the legend; changing its colour changes the legend too.
  find_layer(app, "boundary")->style.visible = false;
  find_layer(app, "hospitals")->style.color = style::rgb(0x112233);
  groups = legend_model(app, Lang::en);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].items[0].symbol.point.fill == style::rgb(0x112233));
  CHECK(groups[0].items[0].label == "Hospital");
}
