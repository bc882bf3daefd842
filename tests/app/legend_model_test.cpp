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

TEST_CASE("long legend labels end in an ellipsis before the count column", "[legend]") {
  // One unit per character, as a monospace font would measure.
  auto width = [](std::string_view s) {
    float n = 0;
    for (unsigned char c : s) {
      n += (c & 0xC0) != 0x80 ? 1.0f : 0.0f;
    }
    return n;
  };
  CHECK(ellipsize("病院", 10, width) == "病院");
  const std::string long_label = "定期巡回・随時対応型訪問介護看護";  // 16 characters
  const std::string cut = ellipsize(long_label, 8, width);
  CHECK(cut == "定期巡回・随時…");
  CHECK(width(cut) <= 8);
  CHECK(ellipsize("abcdef", 0.5f, width) == "…");
}

TEST_CASE("travel-time band keys become words in the legend's language", "[legend]") {
  AppState app;
  auto areas = std::make_shared<core::Layer>();
  areas->id = "service_area";
  areas->title = "到達圏";
  areas->category = core::Category::service_area;
  areas->fields = {core::Field{"band_min", core::FieldType::real}};
  core::Polygon square;
  boost::geometry::read_wkt("POLYGON((0 0,0 10,10 10,10 0,0 0))", square);
  for (double m : {5.0, 10.0}) {
    areas->features.push_back(core::Feature{
        core::MultiPolygon{square}, {core::FieldValue{m}}, core::Category::service_area, 0});
  }
  const std::uint32_t uid = add_layer(app, areas, {}, {}, true);
  find_layer(app, uid)->style.ramp = style::Ramp{
      "band_min", {7.5}, style::sequential_ramp(2, 150), {"min:0-5", "min:5-10"}, {}, {}};
  auto groups = legend_model(app, Lang::ja);
  REQUIRE(groups.size() == 1);
  REQUIRE(groups[0].items.size() == 2);
  CHECK(groups[0].items[0].label == "5 分以内");
  CHECK(groups[0].items[1].label == "5–10 分");
  CHECK(groups[0].items[0].symbol.fill.fill == style::sequential_ramp(2, 150)[0]);
  groups = legend_model(app, Lang::en);
  CHECK(groups[0].items[0].label == "within 5 min");
}
