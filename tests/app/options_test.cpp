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

TEST_CASE("select takes a layer and a row", "[options]") {
  const ViewerOptions o = parse({"--select", "hospitals:3"});
  REQUIRE(o.select.has_value());
  CHECK(o.select->layer_id == "hospitals");
  CHECK(o.select->row == 3);
}
