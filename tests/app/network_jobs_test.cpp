#include "app/network_jobs.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "app/loading.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "crs/transformer.hpp"
#include "io/read.hpp"
#include "job_pump.hpp"
#include "routing/profile.hpp"
#include "routing/road_network.hpp"
#include "test_paths.hpp"

using namespace caremap;
using namespace caremap::app;
using caremap::app::test::pump;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kMonaco = fs::path(CAREMAP_TEST_DATA_DIR) / "osm" / "monaco.osm.pbf";
const fs::path kPharmacies = fs::path(CAREMAP_APP_TEST_DATA_DIR) / "monaco_pharmacies.geojson";

// The Monaco region's state: its CRS and roads, as opening monaco.caremap.json leaves it.
void monaco(AppState& app) {
  set_working_crs(app, "EPSG:32632");
  app.region_name = "Monaco";
  app.network.region_roads = kMonaco;
}

core::XY place(const AppState& app, double lon, double lat) {
  return app.lonlat->forward(core::LonLat{lon, lat});
}

}  // namespace

TEST_CASE("band text parses to sorted minutes", "[network]") {
  CHECK(parse_band_minutes("5,10,15,30") == std::vector<double>{5, 10, 15, 30});
  CHECK(parse_band_minutes("6 2 4min") == std::vector<double>{2, 4, 6});
  CHECK(parse_band_minutes("10, 5, 10 分") == std::vector<double>{5, 10});
  CHECK(parse_band_minutes("2.5") == std::vector<double>{2.5});
  CHECK_FALSE(parse_band_minutes(""));
  CHECK_FALSE(parse_band_minutes("5,-1"));
  CHECK_FALSE(parse_band_minutes("0"));
  CHECK_FALSE(parse_band_minutes("five"));
  CHECK_FALSE(parse_band_minutes("5x"));
  CHECK_FALSE(parse_band_minutes("1,2,3,4,5,6,7,8,9"));
}

TEST_CASE("OpenStreetMap files are told from layers by name", "[network]") {
  CHECK(is_osm_path("data/geo/osm/monaco.osm.pbf"));
  CHECK(is_osm_path("KYUSHU.OSM.PBF"));
  CHECK(is_osm_path("extract.osm"));
  CHECK(is_osm_path("extract.osm.bz2"));
  CHECK_FALSE(is_osm_path("hospitals.csv"));
  CHECK_FALSE(is_osm_path("roads.gpkg"));
}

TEST_CASE("the graph cache falls back to the user cache for read-only folders", "[network]") {
  const fs::path tmp = fs::temp_directory_path() / "caremap-cache-test";
  fs::remove_all(tmp);
  fs::create_directories(tmp / "ro");
  fs::create_directories(tmp / "xdg");
  setenv("XDG_CACHE_HOME", (tmp / "xdg").c_str(), 1);
  const routing::Profile car = routing::car_profile();
  CHECK(graph_cache_path(tmp / "roads.osm.pbf", car).parent_path() == tmp);
  fs::permissions(tmp / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const bool really_read_only = access((tmp / "ro").c_str(), W_OK) != 0;  // not as root
  if (really_read_only) {
    CHECK(graph_cache_path(tmp / "ro" / "roads.osm.pbf", car).parent_path() ==
          tmp / "xdg" / "caremap");
  }
  fs::permissions(tmp / "ro", fs::perms::owner_all);
  unsetenv("XDG_CACHE_HOME");
  fs::remove_all(tmp);
}

TEST_CASE("without a network every travel-time action stops and says why", "[network]") {
  AppState app;
  set_working_crs(app, "EPSG:6670");
  start_load_network(app);  // the region has no roads: nothing to load
  CHECK_FALSE(app.network.loading);
  start_route_nearest(app, core::XY{-50000, 3770000});
  CHECK(routes_state(app).note == tr(app.lang, Str::net_disabled_no_network));
  service_area_state(app).origin = core::XY{-50000, 3770000};
  start_service_area(app);
  CHECK(service_area_state(app).note == tr(app.lang, Str::net_disabled_no_network));
  CHECK(app.jobs.idle());
  CHECK(app.layers.empty());  // no straight-line stand-in results
}

TEST_CASE("Monaco's network loads, service areas coalesce, stale results are dropped",
          "[network]") {
  AppState app;
  monaco(app);
  start_load_network(app);
  CHECK(app.network.loading);
  pump(app);
  const LoadedNetwork* net = current_network(app.network);
  REQUIRE(net != nullptr);
  CHECK(net->segments > 1000);
  CHECK(find_layer(app, "road_network") != nullptr);

  // Two requests in a row: the second replaces the first (same job key).
  service_area_state(app).origin = place(app, 7.4200, 43.7380);
  service_area_state(app).bands = "2";
  start_service_area(app);
  service_area_state(app).bands = "1,3";
  start_service_area(app);
  pump(app);
  REQUIRE(service_area_state(app).bands_result.size() == 2);
  CHECK(service_area_state(app).bands_result[0].band_min == 1.0);
  CHECK(service_area_state(app).bands_result[1].band_min == 3.0);
  CHECK(service_area_state(app).bands_result[0].area_km2 <
        service_area_state(app).bands_result[1].area_km2);
  const LayerEntry* areas = find_layer(app, "service_area");
  REQUIRE(areas != nullptr);
  REQUIRE(areas->style.ramp.has_value());
  CHECK(areas->style.ramp->colours.size() == 2);

  // A result computed for an older network or older closures is not applied.
  service_area_state(app).bands = "5";
  start_service_area(app);
  ++app.network.generation;
  pump(app);
  CHECK(service_area_state(app).bands_result.size() == 2);
}

TEST_CASE("closures change routes, close roads and report their effect", "[network]") {
  AppState app;
  monaco(app);
  io::ReadOptions read;
  read.category = core::Category::pharmacy;
  const io::LoadedLayer pharmacies =
      io::read_file(kPharmacies, read, crs::CrsRef::parse(app.working_crs));
  add_layer(app, pharmacies.layer, {}, kPharmacies.string());
  start_load_network(app);
  pump(app);
  REQUIRE(current_network(app.network) != nullptr);

  const core::XY origin = place(app, 7.4200, 43.7380);
  start_route_nearest(app, origin);
  pump(app);
  REQUIRE(routes_state(app).rows.size() == 3);
  const double before_s = routes_state(app).rows.front().time_s;
  CHECK(before_s > 0.0);
  REQUIRE(find_layer(app, "routes") != nullptr);

  // Close a square of 300 m around the origin's roads: the place is cut off.
  ClosureShape square{ClosureKind::area,
                      {place(app, 7.4180, 43.7365), place(app, 7.4220, 43.7365),
                       place(app, 7.4220, 43.7395), place(app, 7.4180, 43.7395)},
                      2.0};
  add_closure(app, square);
  pump(app);
  CHECK(find_layer(app, "closures") != nullptr);
  const LayerEntry* closed = find_layer(app, "closed_roads");
  REQUIRE(closed != nullptr);
  CHECK(closed->layer->size() > 0);
  CHECK(closures_state(app).closed_arcs > 0);
  REQUIRE(closures_state(app).effect.has_value());
  CHECK(closures_state(app).effect->summary.demand_points == 1);
  CHECK(closures_state(app).effect->summary.newly_unreachable +
            closures_state(app).effect->summary.slower +
            closures_state(app).effect->summary.facility_changed ==
        1);

  // Removing it restores the first answer.
  remove_closure(app, false, 0);
  pump(app);
  CHECK(find_layer(app, "closed_roads") == nullptr);
  CHECK_FALSE(closures_state(app).effect.has_value());
  REQUIRE_FALSE(routes_state(app).rows.empty());
  CHECK(routes_state(app).rows.front().time_s == Approx(before_s));
}

TEST_CASE("switching the travel profile shows each profile's own road layer", "[network]") {
  AppState app;
  monaco(app);
  start_load_network(app);
  pump(app);
  const LoadedNetwork* car = current_network(app.network);
  REQUIRE(car != nullptr);
  REQUIRE(find_layer(app, "road_network") != nullptr);
  CHECK(find_layer(app, "road_network")->layer == car->roads);

  set_profile(app, TravelProfile::walking);  // not loaded yet: loads it
  pump(app);
  const LoadedNetwork* walking = current_network(app.network);
  REQUIRE(walking != nullptr);
  CHECK(walking->segments > car->segments);  // footways and steps
  CHECK(find_layer(app, "road_network")->layer == walking->roads);

  set_profile(app, TravelProfile::car);  // loaded: its layer comes back as it was built
  CHECK(find_layer(app, "road_network")->layer == car->roads);
  CHECK(car->roads->features.size() == car->segments);
}
