#include "app/facility_layers.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using namespace caremap::app;

namespace {

core::LayerPtr layer_of(std::string id, core::Category c) {
  auto l = std::make_shared<core::Layer>();
  l->id = std::move(id);
  l->category = c;
  l->features.push_back(core::Feature{core::XY{0, 0}, {}, c, 0});
  return l;
}

}  // namespace

TEST_CASE("the coverage radius of a category: the project's, else the planner's default",
          "[coverage][state]") {
  AppState app;
  add_layer(app, layer_of("clinics", core::Category::clinic), {}, {});
  add_layer(app, layer_of("emergency", core::Category::shelter_emergency), {}, {});
  const auto shelters =
      add_layer(app, layer_of("evac", core::Category::shelter_evacuation), {}, {});
  // The defaults `caremap coverage` uses (analysis/coverage_radius.hpp).
  CHECK(coverage_radius_for(app, core::Category::clinic).value == 16000.0);
  CHECK(coverage_radius_for(app, core::Category::shelter_emergency).value == 500.0);
  CHECK(coverage_radius_for(app, core::Category::shelter_evacuation).value == 2000.0);
  // A project file's coverage_radius_m on the layer wins, and goes to the analysis with it.
  find_layer(app, shelters)->coverage_radius = core::Meters{1500.0};
  CHECK(coverage_radius_for(app, core::Category::shelter_evacuation).value == 1500.0);
  const auto sources = coverage_sources(app);
  REQUIRE(sources.size() == 3);
  int with_radius = 0;
  for (const auto& s : sources) {
    if (s.radius) {
      ++with_radius;
      CHECK(s.layer->id == "evac");
      CHECK(s.radius->value == 1500.0);
    }
  }
  CHECK(with_radius == 1);
}

TEST_CASE("results are not facilities for coverage", "[coverage][state]") {
  AppState app;
  add_layer(app, layer_of("clinics", core::Category::clinic), {}, {});
  put_result_layer(app, layer_of("nearest-result", core::Category::clinic));
  CHECK(coverage_sources(app).size() == 1);
  CHECK(facility_layers(app).size() == 1);
}
