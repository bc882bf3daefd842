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

TEST_CASE("result layers take the same place whichever analysis finishes first", "[state]") {
  auto order_after = [](bool coverage_first) {
    AppState app;
    add_layer(app, make_layer("boundary", core::Category::boundary, {}), {}, {});
    add_layer(app, make_layer("clinics", core::Category::clinic, {{0, 0}}), {}, {});
    const auto coverage = make_layer("coverage", core::Category::coverage_area, {});
    const auto areas = make_layer("service_areas", core::Category::service_area, {});
    put_result_layer(app, coverage_first ? coverage : areas);
    put_result_layer(app, coverage_first ? areas : coverage);
    std::vector<std::string> ids;
    for (const LayerEntry& e : app.layers) {
      ids.push_back(e.id);
    }
    return ids;
  };
  const std::vector<std::string> expected{"boundary", "coverage", "service_areas", "clinics"};
  CHECK(order_after(true) == expected);
  CHECK(order_after(false) == expected);
}

TEST_CASE("closed roads draw over the roads whichever came first", "[state]") {
  AppState app;
  put_result_layer(app, make_layer("closed_roads", core::Category::closure, {}));
  put_result_layer(app, make_layer("roads", core::Category::road, {}));
  put_result_layer(app, make_layer("route", core::Category::route, {}));
  REQUIRE(app.layers.size() == 3);
  CHECK(app.layers[0].id == "roads");
  CHECK(app.layers[1].id == "route");
  CHECK(app.layers[2].id == "closed_roads");
}

TEST_CASE("a loaded layer goes under the results of its category", "[state]") {
  AppState app;
  put_result_layer(app, make_layer("coverage-b", core::Category::coverage_area, {}));
  add_layer(app, make_layer("coverage-a", core::Category::coverage_area, {}), {}, {});
  REQUIRE(app.layers.size() == 2);
  CHECK(app.layers[0].id == "coverage-a");
  CHECK(app.layers[1].id == "coverage-b");
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

namespace {

core::Polygon square(double x0, double y0, double size) {
  core::Polygon p;
  for (const core::XY q :
       {core::XY{x0, y0}, core::XY{x0, y0 + size}, core::XY{x0 + size, y0 + size},
        core::XY{x0 + size, y0}, core::XY{x0, y0}}) {
    boost::geometry::append(p.outer(), q);
  }
  boost::geometry::correct(p);
  return p;
}

}  // namespace

TEST_CASE("fit all shows the cities whole but not a far empty islet", "[state]") {
  AppState app;
  // A city of 10 km x 10 km, a small island with a shelter 3 km off, and a smaller empty islet
  // 60 km away (沖ノ島's case). Facilities sit in the middle of the city and on the island.
  auto boundary = std::make_shared<core::Layer>();
  boundary->id = "boundary";
  boundary->category = core::Category::boundary;
  core::MultiPolygon city{square(0, 0, 10000), square(13000, 0, 1000), square(70000, 0, 500)};
  boundary->features.push_back(core::Feature{city, {}, core::Category::boundary, 0});
  add_layer(app, boundary, {}, {});
  add_layer(app,
            make_layer("shelters", core::Category::shelter_evacuation,
                       {{3000, 3000}, {7000, 6000}, {13500, 500}}),
            {}, {});
  const auto box = fit_bounds(app);
  REQUIRE(box.has_value());
  // The whole city (not only the facilities' 3000..7000) and the island; not the islet.
  CHECK(box->min_corner().x == Approx(0.0));
  CHECK(box->min_corner().y == Approx(0.0));
  CHECK(box->max_corner().y == Approx(10000.0));
  CHECK(box->max_corner().x == Approx(14000.0));
  // Without facilities, everything visible.
  find_layer(app, "shelters")->style.visible = false;
  CHECK(fit_bounds(app)->max_corner().x == Approx(70500.0));
}

TEST_CASE("symbology is cached until the style changes", "[state]") {
  AppState app;
  add_layer(app, make_layer("clinics", core::Category::clinic, {{0, 0}}), {}, {});
  LayerEntry& e = app.layers[0];
  const float before = symbology(e).classes[0].symbol.point.size_px;
  e.style.size_px = before + 5.0f;
  CHECK(symbology(e).classes[0].symbol.point.size_px == Approx(before + 5.0f));
}
