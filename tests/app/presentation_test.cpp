// Saved views and presentation mode without a window (app/presentation.hpp): capturing the
// current state, editing the list, stepping the slides, what a slide shows, saving the views
// into the project file.

#include "app/presentation.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/modules/coverage/coverage_module.hpp"
#include "core/error.hpp"
#include "job_pump.hpp"
#include "strip_region.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

// The strip's middle, 2 km across at 2 m a pixel.
app::ViewState strip_view() {
  app::ViewState v;
  v.camera = render::Camera(core::XY{15000, 500}, 2.0, 1000, 500);
  v.camera_ready = true;
  return v;
}

bool shown(app::AppState& a, const char* id) {
  const app::LayerEntry* e = app::find_layer(a, id);
  return e != nullptr && e->style.visible;
}

}  // namespace

TEST_CASE("a view captures the extent in degrees, the visible layers and the coverage",
          "[presentation]") {
  app::AppState a;
  app::test::strip_region(a);
  app::ViewState view = strip_view();
  app::find_layer(a, "population")->style.visible = false;
  io::SavedView v = app::capture_view(a, view, "middle");
  CHECK(v.title == "middle");
  CHECK(v.layers == std::vector<std::string>{"boundary", "clinics"});
  CHECK_FALSE(v.coverage);
  // EPSG:6670's origin is 33°N 131°E: 15 km east and 500 m north of it.
  CHECK(v.extent.center().lat == Approx(33.0045).margin(0.001));
  CHECK(v.extent.center().lon == Approx(131.161).margin(0.002));
  CHECK(v.extent.width_deg() == Approx(2000.0 / 93300.0).epsilon(0.05));

  app::CoverageState& c = app::coverage_state(a);
  c.radius_m = 3000.0f;
  c.radius_from_user = true;
  app::start_coverage(a);
  app::test::pump(a);
  v = app::capture_view(a, view, "covered");
  REQUIRE(v.coverage);
  CHECK(v.coverage->category == core::Category::clinic);
  CHECK(v.coverage->radius_m == 3000.0);
}

TEST_CASE("views are added, renamed, moved and removed", "[presentation]") {
  app::AppState a;
  app::test::strip_region(a);
  const app::ViewState view = strip_view();
  CHECK(app::add_view(a, view) == 0);
  CHECK(app::add_view(a, view) == 1);
  CHECK(app::add_view(a, view) == 2);
  CHECK(a.views[1].title == "表示 2");
  const auto generation = a.names_generation;
  app::rename_view(a, 2, "三つ目");
  CHECK(a.names_generation > generation);  // the slide font needs the new glyphs
  app::move_view(a, 2, -5);                // clamped to the first place
  CHECK(a.views[0].title == "三つ目");
  CHECK(a.views[2].title == "表示 2");
  app::move_view(a, 0, 1);
  CHECK(a.views[1].title == "三つ目");
  app::remove_view(a, 0);
  app::remove_view(a, 9);  // no such view: nothing happens
  REQUIRE(a.views.size() == 2);
  CHECK(a.views[0].title == "三つ目");
}

TEST_CASE("presentation mode steps the slides and shows each slide's layers and coverage",
          "[presentation]") {
  app::AppState a;
  app::test::strip_region(a);
  app::ViewState view = strip_view();

  SECTION("without saved views: one slide of the current view under the region's name") {
    a.region_name = "Strip";
    const bool population = shown(a, "population");
    app::start_presentation(a, view, 3);
    CHECK(view.presentation.active);
    CHECK(view.presentation.slide == 0);
    CHECK(app::slides(a).front().title == "Strip");
    CHECK_FALSE(view.fit_request);  // the map stays where it was
    CHECK(shown(a, "population") == population);
    app::step_slide(a, view, 1);
    CHECK(view.presentation.slide == 0);
  }

  SECTION("saved views") {
    io::SavedView all = app::capture_view(a, view, "all");
    all.layers = {"boundary", "clinics", "population"};
    io::SavedView gaps = all;
    gaps.title = "gaps";
    gaps.layers = {"boundary", "coverage_gap"};
    gaps.coverage = io::ViewCoverage{core::Category::clinic, 2000.0};
    a.views = {all, gaps};

    app::start_presentation(a, view, 0);
    REQUIRE(view.fit_request);
    CHECK(view.fit_request->min_corner().x == Approx(14000).margin(5));
    CHECK(view.fit_request->max_corner().x == Approx(16000).margin(5));
    CHECK(shown(a, "population"));
    CHECK_FALSE(a.jobs.busy(app::CoverageModule::kJob));

    view.fit_request.reset();
    app::step_slide(a, view, 1);  // →: the gaps slide computes its coverage
    CHECK(view.presentation.slide == 1);
    CHECK(view.fit_request);
    CHECK_FALSE(shown(a, "population"));
    CHECK_FALSE(shown(a, "clinics"));
    CHECK(app::coverage_state(a).radius_m == 2000.0f);
    app::test::pump(a);
    CHECK(app::coverage_state(a).computed_for.find("2000 m") != std::string::npos);
    // The results arrive after the slide was shown: they follow the slide's list.
    app::keep_slide_layers(a, view);
    CHECK(shown(a, "coverage_gap"));
    CHECK_FALSE(shown(a, "coverage_mesh"));
    CHECK_FALSE(shown(a, "coverage_area"));

    app::step_slide(a, view, 1);  // past the last: stays
    CHECK(view.presentation.slide == 1);
    app::step_slide(a, view, -1);
    CHECK(view.presentation.slide == 0);
    CHECK(shown(a, "clinics"));
    app::stop_presentation(view);
    CHECK_FALSE(view.presentation.active);
    app::find_layer(a, "clinics")->style.visible = false;
    app::keep_slide_layers(a, view);  // not presenting: the user's choice stays
    CHECK_FALSE(shown(a, "clinics"));
  }
}

TEST_CASE("views are saved into the open project file", "[presentation]") {
  app::AppState a;
  app::test::strip_region(a);
  const app::ViewState view = strip_view();
  app::add_view(a, view);
  CHECK_THROWS_AS(app::save_views(a), core::ArgumentError);  // no project open

  const fs::path dir = fs::temp_directory_path() / ("caremap-views-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  a.project_file = dir / "strip.caremap.json";
  std::ofstream(a.project_file) << R"({"id": "strip", "layers": []})";
  app::rename_view(a, 0, "帯状の町");
  app::save_views(a);
  const io::Project p = io::read_project(a.project_file);
  REQUIRE(p.views.size() == 1);
  CHECK(p.views[0].title == "帯状の町");
  CHECK(p.views[0].layers == a.views[0].layers);
  CHECK(p.views[0].extent.south_west.lon == Approx(a.views[0].extent.south_west.lon));
  fs::remove_all(dir);
}
