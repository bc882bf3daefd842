// The planning module without a window and without a road network (straight line at 30 km/h,
// 20 min = 10 km): a strip of census cells, two clinics at one end, and what-if edits by map
// clicks, checked against the baseline. Drawn (x in km, cells 1 km wide, 100 people each):
//   cells at x = 0.5, 1.5, ..., 29.5 (30 cells), one city covering them all
//   clinic K0 at x = 0, clinic K1 at x = 1; an in-house clinic (施設内医務室) at x = 29, ignored
// Within 10 km of both clinics: the cells at x < 10 (about 10 cells, 2+); none beyond 11 km.

#include "app/modules/plan/plan_module.hpp"

#include <catch2/catch.hpp>

#include "app/loading.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "job_pump.hpp"
#include "routing/line_graph.hpp"
#include "strip_region.hpp"

using namespace caremap;
using namespace caremap::app;
using caremap::app::test::pump;
using caremap::app::test::strip_region;

namespace {

const PlanCityRow& total(const PlanState& s) {
  return s.rows.back();
}

// One road along the strip (y = 500 m, x = 0..30 km) at 60 km/h, reached by access legs at
// 20 km/h x 1.3 with direct legs, as the N01 profile does: 20 min by road reach x = 20 km.
void strip_road(AppState& app) {
  core::Layer road;
  road.id = "roads";
  road.crs = "EPSG:6670";
  road.add_field("road_class", core::FieldType::text);
  core::LineString line;
  for (int x = 0; x <= 30; ++x) {
    line.push_back({x * 1000.0, 500.0});
  }
  road.features.push_back({line, {std::string("national")}, core::Category::road, 1});
  routing::LineProfile profile;
  profile.name = "strip";
  profile.class_field = "road_class";
  profile.class_speeds_kmh = {{"national", 60.0}};
  profile.access = {20.0, 1.3, 1000.0, 10000.0, true};
  core::Diagnostics d;
  routing::LineGraph built =
      routing::build_line_graph(road, profile, {"strip_road.geojson", "strip", 0, "", {}}, d);
  routing::NetworkDescription description;
  description.access = profile.access;
  LoadedNetwork loaded;
  loaded.network =
      std::make_shared<const routing::RoadNetwork>(std::move(built.graph), description);
  app.network.requested = "strip_road.geojson";
  app.network.loaded[0] = std::move(loaded);
  ++app.network.generation;
}

// A flood zone over x = 5..15 km, drawn as a closure: the road inside is closed, and no access
// or direct leg crosses it.
void flood_zone(AppState& app) {
  auto zone = std::make_shared<core::Layer>();
  zone->id = "closures";
  zone->category = core::Category::closure;
  zone->crs = "EPSG:6670";
  zone->features.push_back(
      {test::square(5000, -1000, 15000, 2000), {}, core::Category::closure, 1});
  app.network.closures = zone;
  ++app.network.generation;
}

}  // namespace

TEST_CASE("planning: the baseline by straight line, then add, remove and move by click",
          "[plan][app]") {
  AppState app;
  strip_region(app);
  PlanState& s = plan_state(app);
  start_plan_baseline(app);
  pump(app);
  // The baseline's result starts the what-if job; on so small an instance it can finish before
  // pump() looks again and find the queue idle, leaving its completion to the next round.
  pump(app);
  REQUIRE(s.baseline);
  CHECK(s.baseline->sites.size() == 2);  // the in-house clinic is left out
  CHECK_THAT(s.distance, Catch::Contains("直線") || Catch::Contains("straight"));
  REQUIRE(s.rows.size() == 2);  // the city, then the total
  const double people = total(s).people;
  CHECK(people == Approx(3000.0).epsilon(1e-6));
  CHECK(total(s).none + total(s).one + total(s).two_plus == Approx(people));
  CHECK(total(s).none > 0.0);
  CHECK(total(s).gained_cover == 0.0);  // no edit yet
  CHECK(find_layer(app, PlanModule::kLayer) != nullptr);

  // A clinic added at the far end: the cells near x = 25 km gain cover, nobody loses any.
  auto& module = find_module<PlanModule>(app);
  s.tool = PlanTool::add;
  module.picked(app, core::XY{25000, 500});
  pump(app);
  CHECK(total(s).gained_cover > 0.0);
  CHECK(total(s).lost_cover == 0.0);
  CHECK(total(s).none < total(s).base_none);

  // Closing K1 (a click 300 m from it): its cells keep K0, so they lose only the backup.
  s.tool = PlanTool::remove;
  module.picked(app, core::XY{1300, 500});
  pump(app);
  REQUIRE(s.removed.size() == 1);
  CHECK(s.baseline->sites[s.removed[0]].name == "K1");
  CHECK(total(s).lost_backup > 0.0);
  // The N-1 ranking after the edits leaves the closed clinic out.
  for (const auto& r : s.n_minus_one) {
    CHECK(r.clinic != "K1");
  }

  // Moving K0 to the middle: two clicks, the clinic then the new place.
  s.tool = PlanTool::move;
  module.picked(app, core::XY{100, 400});
  CHECK(s.moving);
  module.picked(app, core::XY{12000, 500});
  pump(app);
  CHECK(s.removed.size() == 2);
  CHECK(s.added.size() == 2);
  CHECK(s.recompute_ms >= 0.0);

  module.clear(app);
  CHECK(find_layer(app, PlanModule::kLayer) == nullptr);
  CHECK_FALSE(s.baseline);
}

TEST_CASE("planning by road goes round the closures drawn on the map, and says so", "[plan][app]") {
  AppState app;
  strip_region(app);
  strip_road(app);
  REQUIRE(current_network(app.network) != nullptr);
  PlanState& s = plan_state(app);
  start_plan_baseline(app);
  pump(app);
  pump(app);
  REQUIRE(s.baseline);
  CHECK_FALSE(s.baseline->closures);
  CHECK_THAT(s.distance, !Catch::Contains("通行止め") && !Catch::Contains("closures"));
  // By road: the cells up to about x = 20 km reach both clinics within 20 min.
  const double open_none = total(s).none;
  CHECK(open_none == Approx(1000.0).margin(150.0));

  flood_zone(app);
  refresh_network_results(app);  // what a closure edit does: every module recomputes
  pump(app);
  pump(app);
  REQUIRE(s.baseline);
  REQUIRE(s.baseline->closures);
  CHECK_THAT(s.distance, Catch::Contains("通行止め") || Catch::Contains("closures"));
  // Beyond x = 5 km nobody is reached any more: the road and every leg stop at the zone.
  CHECK(total(s).none == Approx(2500.0).margin(150.0));
  CHECK(total(s).none > open_none + 1000.0);
}
