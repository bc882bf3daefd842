#include "app/options.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "core/error.hpp"

using namespace caremap;
using namespace caremap::app;

namespace {
ViewerOptions parse(std::vector<std::string_view> args) {
  return parse_viewer_options(args);
}
}  // namespace

TEST_CASE("defaults open the default region interactively", "[options]") {
  const ViewerOptions o = parse({});
  CHECK(o.inputs.empty());
  CHECK_FALSE(o.region.has_value());
  CHECK(o.width == 1600);
  CHECK(o.height == 1000);
  CHECK_FALSE(o.headless());
}

TEST_CASE("scripted screenshot options parse", "[options]") {
  const ViewerOptions o = parse({"--region",
                                 "itabashi",
                                 "--screenshot",
                                 "out.png",
                                 "--frames",
                                 "5",
                                 "--size",
                                 "1280x800",
                                 "--lang=en",
                                 "--view",
                                 "130.55,33.8,13.5",
                                 "--table",
                                 "hospitals",
                                 "--search",
                                 "病院",
                                 "--nearest",
                                 "130.53,33.82",
                                 "--k",
                                 "2",
                                 "--coverage",
                                 "clinic:4000",
                                 "--dump-state",
                                 "s.json",
                                 "--no-settings",
                                 "extra.csv"});
  CHECK(o.region == "itabashi");
  CHECK(o.screenshot == std::filesystem::path("out.png"));
  CHECK(o.frames == 5);
  CHECK(o.width == 1280);
  CHECK(o.height == 800);
  CHECK(o.lang == Lang::en);
  REQUIRE(o.view.has_value());
  CHECK(o.view->center.lon == Approx(130.55));
  CHECK(o.view->zoom == Approx(13.5));
  CHECK(o.table_layer == "hospitals");
  CHECK(o.search == "病院");
  REQUIRE(o.nearest.has_value());
  CHECK(o.nearest->lat == Approx(33.82));
  CHECK(o.nearest_k == 2);
  REQUIRE(o.coverage.has_value());
  CHECK(o.coverage->category == core::Category::clinic);
  CHECK(o.coverage->radius_m == Approx(4000.0));
  CHECK(o.no_settings);
  CHECK(o.inputs == std::vector<std::filesystem::path>{"extra.csv"});
  CHECK(o.headless());
}

TEST_CASE("bad options are argument errors naming the option", "[options]") {
  const std::vector<std::vector<std::string_view>> bad{
      {"--lang", "fr"},           {"--size", "big"},
      {"--view", "130,33"},       {"--frames"},
      {"--coverage", "road:100"}, {"--coverage", "clinic:-5"},
      {"--nearest", "200,10"},    {"--bogus"},
      {"--select", "hospitals"}};
  for (const auto& args : bad) {
    INFO(args[0]);
    try {
      parse(args);
      FAIL("expected an ArgumentError");
    } catch (const core::ArgumentError& e) {
      CHECK(std::string(e.what()).find(std::string(args[0])) != std::string::npos);
    }
  }
}

TEST_CASE("team coverage runs with or without home help", "[options]") {
  CHECK_FALSE(parse({}).team);
  const ViewerOptions core_team = parse({"--team"});
  CHECK(core_team.team);
  CHECK_FALSE(core_team.team_home_help);
  CHECK(parse({"--team-home-help"}).team_home_help);
  CHECK(parse({"--team-by-road"}).team_by_road);
}

TEST_CASE("select takes a layer and a row", "[options]") {
  const ViewerOptions o = parse({"--select", "hospitals:3"});
  REQUIRE(o.select.has_value());
  CHECK(o.select->layer_id == "hospitals");
  CHECK(o.select->row == 3);
}

TEST_CASE("road-network options parse", "[options]") {
  const ViewerOptions o = parse({"--region",
                                 "monaco",
                                 "--service-area",
                                 "7.42,43.738",
                                 "--bands",
                                 "2,4,6min",
                                 "--sa-shape",
                                 "rings",
                                 "--sa-mode",
                                 "split",
                                 "--closure-polygon",
                                 "7.4225 43.7345, 7.4260 43.7345, 7.426 43.7375",
                                 "--slowdown",
                                 "3:7.41 43.73, 7.42 43.73, 7.42 43.74",
                                 "--closure-line",
                                 "7.41 43.73,7.42 43.74",
                                 "--profile",
                                 "walking",
                                 "--route",
                                 "7.42,43.74",
                                 "--tab",
                                 "network",
                                 "--pan",
                                 "4"});
  REQUIRE(o.service_area);
  CHECK(o.service_area->lon == Approx(7.42));
  CHECK(o.bands == "2,4,6min");
  CHECK(o.sa_shape == 1);
  CHECK(o.sa_mode == 1);
  REQUIRE(o.closures.size() == 3);
  CHECK(o.closures[0].kind == "area");
  CHECK(o.closures[0].points.size() == 3);
  CHECK(o.closures[0].points[1].lon == Approx(7.426));
  CHECK(o.closures[0].points[2].lat == Approx(43.7375));
  CHECK(o.closures[1].kind == "slowdown");
  CHECK(o.closures[1].factor == 3.0);
  CHECK(o.closures[2].kind == "line");
  CHECK(o.profile == "walking");
  REQUIRE(o.route);
  CHECK(o.tab == 1);
  CHECK(o.pan_px == 4.0);
}

TEST_CASE("bad road-network options name the option", "[options]") {
  auto fails_with = [](std::vector<std::string_view> args, const std::string& option) {
    try {
      parse(std::move(args));
      return false;
    } catch (const core::ArgumentError& e) {
      return std::string(e.what()).find(option) != std::string::npos;
    }
  };
  CHECK(fails_with({"--closure-polygon", "7.4 43.7, 7.5 43.7"}, "--closure-polygon"));
  CHECK(fails_with({"--closure-line", "7.4,43.7"}, "--closure-line"));
  CHECK(fails_with({"--slowdown", "7.4 43.7, 7.5 43.7, 7.5 43.8"}, "--slowdown"));
  CHECK(fails_with({"--slowdown", "-1:7.4 43.7, 7.5 43.7, 7.5 43.8"}, "--slowdown"));
  CHECK(fails_with({"--profile", "bicycle"}, "--profile"));
  CHECK(fails_with({"--sa-shape", "squares"}, "--sa-shape"));
  CHECK(fails_with({"--closure-polygon", "200 43.7, 7.5 43.7, 7.5 43.8"}, "--closure-polygon"));
}

TEST_CASE("the drill options name a scenario (--drill) and the time shown (--drill-t)",
          "[options]") {
  const ViewerOptions o = parse({"--drill", "default", "--drill-t", "40"});
  REQUIRE(o.drill.has_value());
  CHECK(*o.drill == "default");
  REQUIRE(o.drill_t_min.has_value());
  CHECK(*o.drill_t_min == 40.0);
  CHECK_FALSE(parse({}).drill.has_value());
  CHECK_THROWS_AS(parse({"--drill-t", "-5"}), core::ArgumentError);
  CHECK_THROWS_AS(parse({"--drill-t", "soon"}), core::ArgumentError);
}

TEST_CASE("presentation mode options parse; --slide implies --present", "[options][presentation]") {
  CHECK_FALSE(parse({}).present);
  CHECK(parse({"--present"}).present);
  const ViewerOptions o = parse({"--slide", "2", "--screenshot", "x.png"});
  CHECK(o.present);
  CHECK(o.slide == 2);
  CHECK_THROWS_AS(parse({"--slide", "0"}), core::ArgumentError);
  CHECK_THROWS_AS(parse({"--slide", "two"}), core::ArgumentError);
}
