// The autosaved project state (app/project_state.hpp, app/project_capture.hpp): JSON round trip,
// malformed text, restoring through the command line's options, and capturing it from the
// viewer's state (places back to longitude/latitude).

#include "app/project_state.hpp"

#include <catch2/catch.hpp>

#include "app/app_state.hpp"
#include "app/loading.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/modules/nearest/nearest_module.hpp"
#include "app/modules/plan/plan_module.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "app/project_capture.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"

using namespace caremap;
using namespace caremap::app;

namespace {

// Every field away from its default.
ProjectState full_state() {
  ProjectState s;
  s.region = "data/geo/itabashi.caremap.json";
  s.files = {"/data/patients.csv", "/data/ortho.tif"};
  s.view = ViewOption{{130.5403, 33.8057}, 13.25};
  s.layer_visible = {{"clinics", true}, {"shelters", false}};
  s.lang = "en";
  s.nearest_k = 5;
  s.nearest = core::LonLat{130.51, 33.79};
  s.coverage = CoverageOption{core::Category::hospital, 4000.0};
  s.team = true;
  s.team_by_road = true;
  s.osm = "/data/fukuoka.osm.pbf";
  s.profile = "walking";
  s.route = core::LonLat{130.52, 33.80};
  s.service_area = core::LonLat{130.53, 33.81};
  s.bands = "5,10";
  s.sa_mode = 2;
  s.sa_shape = 1;
  s.closures = {ClosureOption{"area", {{130.5, 33.8}, {130.51, 33.8}, {130.51, 33.81}}, 2.0},
                ClosureOption{"slowdown", {{130.6, 33.8}, {130.61, 33.8}, {130.61, 33.81}}, 3.5}};
  s.closure_files = {"/data/flood.geojson"};
  s.plan = true;
  s.plan_reach_min = 15;
  s.plan_add = {{130.55, 33.82}};
  s.plan_remove = {{130.56, 33.83}, {130.57, 33.84}};
  s.drill = "data/geo/munakata-fukutsu/drill.json";
  s.drill_t_min = 30.0;
  s.drill_bed_edits = {BedEditOption{0, 0.0, "0141010001", 3},
                       BedEditOption{2, 40.0, "0141010002", 0}};
  io::SavedView slide;
  slide.title = "診療所から16 km";
  slide.extent = crs::GeoBox{{130.40, 33.70}, {130.60, 33.90}};
  slide.layers = {"clinics", "coverage"};
  slide.coverage = io::ViewCoverage{core::Category::clinic, 16000.0};
  io::SavedView plain;
  plain.title = "宗像市全体";
  plain.extent = crs::GeoBox{{130.45, 33.75}, {130.65, 33.95}};
  s.views = std::vector<io::SavedView>{slide, plain};
  return s;
}

std::vector<std::string_view> views(const std::vector<std::string>& args) {
  return {args.begin(), args.end()};
}

}  // namespace

TEST_CASE("the project state survives its JSON text", "[autosave]") {
  const ProjectState full = full_state();
  CHECK(parse_project_state(project_state_json(full)) == full);
  const ProjectState empty;
  CHECK(parse_project_state(project_state_json(empty)) == empty);
  // Older or newer files: unknown keys are ignored, missing ones keep their defaults.
  const ProjectState partial = parse_project_state(R"({"region": "monaco", "future": [1, 2]})");
  CHECK(partial.region == "monaco");
  CHECK(partial.nearest_k == 3);
  CHECK_FALSE(partial.view);
  // An autosave from before the views and the bed edits were kept still loads: no views kept
  // (the project file's stand), no edits.
  const ProjectState before = parse_project_state(
      R"({"region": "munakata-fukutsu", "drill": {"file": "drill.json", "t_min": 20}})");
  CHECK(before.drill == std::optional<std::string>("drill.json"));
  CHECK(before.drill_bed_edits.empty());
  CHECK_FALSE(before.views);
  // Kept but empty (every view deleted) is not the same as not kept.
  ProjectState none_left;
  none_left.views = std::vector<io::SavedView>{};
  CHECK(parse_project_state(project_state_json(none_left)).views ==
        std::optional<std::vector<io::SavedView>>(std::vector<io::SavedView>{}));
}

TEST_CASE("malformed project state text is an input error", "[autosave]") {
  CHECK_THROWS_AS(parse_project_state("[1, 2]"), core::InputError);
  CHECK_THROWS_AS(parse_project_state("{\"region\": "), core::InputError);
  CHECK_THROWS_AS(parse_project_state(R"({"nearest": [130.5]})"), core::InputError);
  CHECK_THROWS_AS(parse_project_state(R"({"coverage": {"category": "castle"}})"), core::InputError);
  CHECK_THROWS_AS(parse_project_state(R"({"nearest_k": "three"})"), core::InputError);
  // Views are read with the project file's checks.
  CHECK_THROWS_AS(parse_project_state(R"({"views": [{"title": "x"}]})"), core::InputError);
  CHECK_THROWS_AS(
      parse_project_state(R"({"drill": {"file": "d.json", "bed_edits": [{"inject": 0}]}})"),
      core::InputError);
}

TEST_CASE("restoring gives the options the command line would give", "[autosave]") {
  ViewerOptions restored = parse_viewer_options(views({"--screenshot", "out.png"}));
  restore_options(full_state(), restored);
  const ViewerOptions typed =
      parse_viewer_options(views({"data/geo/itabashi.caremap.json",
                                  "--screenshot",
                                  "out.png",
                                  "/data/patients.csv",
                                  "/data/ortho.tif",
                                  "--view",
                                  "130.5403,33.8057,13.25",
                                  "--lang",
                                  "en",
                                  "--k",
                                  "5",
                                  "--nearest",
                                  "130.51,33.79",
                                  "--coverage",
                                  "hospital:4000",
                                  "--team",
                                  "--team-by-road",
                                  "--osm",
                                  "/data/fukuoka.osm.pbf",
                                  "--profile",
                                  "walking",
                                  "--route",
                                  "130.52,33.80",
                                  "--service-area",
                                  "130.53,33.81",
                                  "--bands",
                                  "5,10",
                                  "--sa-mode",
                                  "dissolve",
                                  "--sa-shape",
                                  "rings",
                                  "--closure-polygon",
                                  "130.5 33.8, 130.51 33.8, 130.51 33.81",
                                  "--slowdown",
                                  "3.5:130.6 33.8, 130.61 33.8, 130.61 33.81",
                                  "--closures",
                                  "/data/flood.geojson",
                                  "--plan-reach",
                                  "15",
                                  "--plan-add",
                                  "130.55,33.82",
                                  "--plan-remove",
                                  "130.56,33.83",
                                  "--plan-remove",
                                  "130.57,33.84",
                                  "--drill",
                                  "data/geo/munakata-fukutsu/drill.json",
                                  "--drill-t",
                                  "30"}));
  // The command line puts a project file among the inputs; the restore names it as the region.
  CHECK(restored.region == std::optional<std::string>("data/geo/itabashi.caremap.json"));
  CHECK(restored.inputs ==
        std::vector<std::filesystem::path>{"/data/patients.csv", "/data/ortho.tif"});
  CHECK(restored.screenshot == typed.screenshot);  // kept from the command line
  CHECK(restored.view == typed.view);
  CHECK(restored.lang == typed.lang);
  CHECK(restored.nearest_k == typed.nearest_k);
  CHECK(restored.nearest == typed.nearest);
  CHECK(restored.coverage == typed.coverage);
  CHECK(restored.team == typed.team);
  CHECK(restored.team_by_road == typed.team_by_road);
  CHECK(restored.team_home_help == typed.team_home_help);
  CHECK(restored.osm == typed.osm);
  CHECK(restored.profile == typed.profile);
  CHECK(restored.route == typed.route);
  CHECK(restored.service_area == typed.service_area);
  CHECK(restored.bands == typed.bands);
  CHECK(restored.sa_mode == typed.sa_mode);
  CHECK(restored.sa_shape == typed.sa_shape);
  CHECK(restored.closures == typed.closures);
  CHECK(restored.closures_files == typed.closures_files);
  CHECK(restored.plan_reach_min == typed.plan_reach_min);
  CHECK(restored.plan_add == typed.plan_add);
  CHECK(restored.plan_remove == typed.plan_remove);
  CHECK(restored.drill == typed.drill);
  CHECK(restored.drill_t_min == typed.drill_t_min);
  // No option for these: they go to the viewer as they were kept.
  CHECK(restored.drill_bed_edits == full_state().drill_bed_edits);
  CHECK(restored.views == full_state().views);
}

TEST_CASE("the captured state holds what the planner set up, in longitude/latitude", "[autosave]") {
  AppState app;
  set_working_crs(app, "EPSG:6670");
  app.opened_region = "munakata-fukutsu";
  auto clinics = std::make_shared<core::Layer>();
  clinics->id = "clinics";
  clinics->category = core::Category::clinic;
  add_layer(app, clinics, {}, "/data/clinics.csv");
  app.opened_files = {"/data/clinics.csv", "/data/removed-again.csv"};
  find_layer(app, "clinics")->style.visible = false;

  crs::Transformer to_working(crs::CrsRef::wgs84(), crs::CrsRef::parse("EPSG:6670"));
  const core::LonLat origin{130.5403, 33.8057};
  nearest_state(app).origin = to_working.forward(origin);
  nearest_state(app).k = 4;
  CoverageState& coverage = coverage_state(app);
  coverage.category = core::Category::clinic;
  coverage.radius_m = 2500.0f;
  coverage.radius_from_user = true;
  coverage.computed_for = "clinic 2500 m";
  ClosureShape area;
  area.kind = ClosureKind::area;
  const std::vector<core::LonLat> corners{{130.50, 33.80}, {130.52, 33.80}, {130.52, 33.82}};
  for (const core::LonLat& c : corners) {
    area.vertices.push_back(to_working.forward(c));
  }
  add_closure(app, area);
  plan_state(app).added = {to_working.forward({130.55, 33.82})};
  plan_state(app).reach_min = 25.0f;

  ViewState view;
  view.camera_ready = true;
  view.camera.set_center(to_working.forward(origin));
  view.camera.set_meters_per_pixel(render::m_per_px_from_zoom_level(14.0, origin.lat));

  const ProjectState s = capture_project_state(app, view);
  const double deg = 1e-9;  // what survives a round trip through the working CRS
  CHECK(s.region == "munakata-fukutsu");
  CHECK(s.files == std::vector<std::string>{"/data/clinics.csv"});
  CHECK(s.layer_visible.at("clinics") == false);
  CHECK(s.layer_visible.at("closures") == true);
  REQUIRE(s.view);
  CHECK(s.view->center.lon == Approx(origin.lon).margin(deg));
  CHECK(s.view->center.lat == Approx(origin.lat).margin(deg));
  CHECK(s.view->zoom == Approx(14.0).margin(1e-9));
  REQUIRE(s.nearest);
  CHECK(s.nearest->lon == Approx(origin.lon).margin(deg));
  CHECK(s.nearest_k == 4);
  REQUIRE(s.coverage);
  CHECK(s.coverage->category == core::Category::clinic);
  CHECK(s.coverage->radius_m == std::optional<double>(2500.0));
  REQUIRE(s.closures.size() == 1);
  CHECK(s.closures[0].kind == "area");
  // The area as the closures layer keeps it: the drawn outline, turned clockwise (Boost's
  // orientation) from the same first vertex.
  REQUIRE(s.closures[0].points.size() == corners.size());
  const std::vector<core::LonLat> clockwise{corners[0], corners[2], corners[1]};
  for (std::size_t i = 0; i < corners.size(); ++i) {
    CHECK(s.closures[0].points[i].lon == Approx(clockwise[i].lon).margin(deg));
    CHECK(s.closures[0].points[i].lat == Approx(clockwise[i].lat).margin(deg));
  }
  CHECK(s.plan);
  CHECK(s.plan_reach_min == 25);
  REQUIRE(s.plan_add.size() == 1);
  CHECK(s.plan_add[0].lat == Approx(33.82).margin(deg));
  CHECK_FALSE(s.drill);
  CHECK_FALSE(s.views);  // no project file open: nothing to keep apart from it
  // What was captured survives the file.
  CHECK(parse_project_state(project_state_json(s)) == s);
}

TEST_CASE("the saved views and the drill's bed edits are captured", "[autosave]") {
  AppState app;
  app.project_file = "/data/munakata-fukutsu.caremap.json";
  io::SavedView v;
  v.title = "まだ保存していないビュー";
  v.extent = crs::GeoBox{{130.5, 33.8}, {130.6, 33.9}};
  app.views = {v};
  DrillModuleState& drill = drill_state(app);
  auto scenario = std::make_shared<drill::Scenario>();
  scenario->hospitals.resize(2);
  scenario->hospitals[0].id = "H1";
  scenario->hospitals[1].id = "H2";
  scenario->injects.resize(3);
  scenario->injects[1].t_min = 20.0;
  scenario->injects[2].t_min = 40.0;
  drill.scenario = scenario;
  drill.path = "drill.json";
  drill::set_bed_edit(drill.bed_edits, {2, 1, 4});
  drill::set_bed_edit(drill.bed_edits, {1, 0, 0});

  const ProjectState s = capture_project_state(app, ViewState{});
  CHECK(s.views == std::optional<std::vector<io::SavedView>>(app.views));
  REQUIRE(s.drill_bed_edits.size() == 2);
  CHECK(s.drill_bed_edits[0] == BedEditOption{2, 40.0, "H2", 4});
  CHECK(s.drill_bed_edits[1] == BedEditOption{1, 20.0, "H1", 0});
  const ProjectState back = parse_project_state(project_state_json(s));
  CHECK(back == s);

  // Back onto the same scenario: the same edits.
  std::size_t dropped = 9;
  const auto edits = bed_edits_from(*scenario, back.drill_bed_edits, &dropped);
  CHECK(dropped == 0);
  REQUIRE(edits.size() == 2);
  CHECK(drill::bed_edit_at(edits, 2, 1) == std::optional<int>(4));
  CHECK(drill::bed_edit_at(edits, 1, 0) == std::optional<int>(0));
  // The file changed since: a hospital gone, an inject moved. Those edits are left out, never
  // put on another hospital or moment.
  drill::Scenario changed = *scenario;
  changed.hospitals.pop_back();
  changed.injects[1].t_min = 25.0;
  const auto kept = bed_edits_from(changed, back.drill_bed_edits, &dropped);
  CHECK(kept.empty());
  CHECK(dropped == 2);
}
