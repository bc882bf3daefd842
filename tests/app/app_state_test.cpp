#include "app/app_state.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using namespace caremap::app;

namespace {

core::LayerPtr make_layer(std::string id, core::Category c, std::vector<core::XY> points) {
  auto l = std::make_shared<core::Layer>();
  l->id = std::move(id);
  l->category = c;
  for (const auto& p : points) {
    l->features.push_back(core::Feature{p, {}, c, 0});
  }
  return l;
}

}  // namespace

TEST_CASE("points are drawn above areas whatever order they arrive in", "[state]") {
  AppState app;
  add_layer(app, make_layer("clinics", core::Category::clinic, {{0, 0}}), {}, {});
  add_layer(app, make_layer("boundary", core::Category::boundary, {}), {}, {});
  add_layer(app, make_layer("hospitals", core::Category::hospital, {{1, 1}}), {}, {});
  REQUIRE(app.layers.size() == 3);
  CHECK(app.layers[0].id == "boundary");
  CHECK(app.layers[1].id == "clinics");
  CHECK(app.layers[2].id == "hospitals");
}

TEST_CASE("ids stay unique and move/remove keep the rest", "[state]") {
  AppState app;
  const auto a = add_layer(app, make_layer("x", core::Category::clinic, {}), {}, {});
  const auto b = add_layer(app, make_layer("x", core::Category::clinic, {}), {}, {});
  CHECK(find_layer(app, a)->id == "x");
  CHECK(find_layer(app, b)->id == "x-2");
  move_layer(app, b, -1);
  CHECK(app.layers[0].uid == b);
  remove_layer(app, b);
  REQUIRE(app.layers.size() == 1);
  CHECK(app.layers[0].uid == a);
}

TEST_CASE("replacing a result layer bumps its version and so its render key", "[state]") {
  AppState app;
  const auto uid = put_result_layer(app, make_layer("nearest", core::Category::nearest_link, {}));
  const auto key = render_key(*find_layer(app, uid));
  const auto again = put_result_layer(app, make_layer("nearest", core::Category::nearest_link, {}));
  CHECK(again == uid);
  CHECK(app.layers.size() == 1);
  CHECK(render_key(*find_layer(app, uid)) != key);
}

TEST_CASE("bounds of facility layers leave out areas", "[state]") {
  AppState app;
  add_layer(app, make_layer("clinics", core::Category::clinic, {{0, 0}, {10, 5}}), {}, {});
  add_layer(app, make_layer("far", core::Category::demand, {{1000, 1000}}), {}, {});
  const auto box = layers_bounds(app, true);
  REQUIRE(box.has_value());
  CHECK(box->max_corner().x == Approx(10.0));
  CHECK(layers_bounds(app, false)->max_corner().x == Approx(1000.0));
}

TEST_CASE("symbology is cached until the style changes", "[state]") {
  AppState app;
  add_layer(app, make_layer("clinics", core::Category::clinic, {{0, 0}}), {}, {});
  LayerEntry& e = app.layers[0];
  const float before = symbology(e).classes[0].symbol.point.size_px;
  e.style.size_px = before + 5.0f;
  CHECK(symbology(e).classes[0].symbol.point.size_px == Approx(before + 5.0f));
}
