// The missing-member map: every class of analysis::missing_code gets its own colour and label,
// and a layer of team cells resolves to those classes; a run keeps its result when the roads
// arrive while it works.

#include "app/modules/team/team_module.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "../job_pump.hpp"
#include "../strip_region.hpp"
#include "analysis/team_coverage.hpp"
#include "app/app_state.hpp"
#include "style/style.hpp"

using namespace caremap;

TEST_CASE("the missing-member ramp has one class per missing_code", "[app][team]") {
  const auto team = analysis::default_team(/*home_help_required=*/true);
  const style::Ramp ramp = app::team_missing_ramp(team, core::Lang::ja);
  CHECK(ramp.field == "missing_code");
  REQUIRE(ramp.colours.size() == team.size() + 2);
  REQUIRE(ramp.breaks.size() == ramp.colours.size() - 1);
  REQUIRE(ramp.labels.size() == ramp.colours.size());
  CHECK(ramp.labels.front() == "なし（チームがそろう）");
  CHECK(ramp.labels[2] == "訪問看護");
  CHECK(ramp.labels.back() == "複数");
  CHECK(app::team_missing_ramp(team, core::Lang::en).labels[2] == "visiting nurse");
  std::set<std::uint32_t> distinct;
  for (const style::Rgba& c : ramp.colours) {
    distinct.insert(static_cast<std::uint32_t>(c.r) << 16 | static_cast<std::uint32_t>(c.g) << 8 |
                    c.b);
  }
  CHECK(distinct.size() == ramp.colours.size());
}

TEST_CASE("team cells resolve to the class of their missing member", "[app][team]") {
  const auto team = analysis::default_team();
  core::Layer cells;
  cells.category = core::Category::mesh;
  const std::size_t f = cells.add_field("missing_code", core::FieldType::integer);
  // none, the visiting nurse alone, the care manager alone, several.
  const std::vector<std::vector<std::size_t>> missing{{}, {1}, {3}, {1, 2}};
  for (const auto& m : missing) {
    core::Feature feature;
    feature.geometry = core::XY{0.0, 0.0};
    feature.category = core::Category::mesh;
    feature.values.resize(cells.fields.size());
    feature.values[f] = static_cast<std::int64_t>(analysis::missing_code(m, team.size()));
    cells.features.push_back(feature);
  }
  style::LayerStyle layer_style;
  layer_style.ramp = app::team_missing_ramp(team, core::Lang::en);
  const style::LayerSymbology s = style::resolve_symbology(cells, layer_style);
  REQUIRE(s.feature_class.size() == 4);
  CHECK(s.classes[s.feature_class[0]].range_label == "none (whole team)");
  CHECK(s.classes[s.feature_class[1]].range_label == "visiting nurse");
  CHECK(s.classes[s.feature_class[2]].range_label == "care manager");
  CHECK(s.classes[s.feature_class[3]].range_label == "several");
}

TEST_CASE("a straight-line team run keeps its result when the roads arrive meanwhile",
          "[app][team]") {
  // Opening a region starts the team run and the road network's load together; the network's
  // arrival bumps NetworkState::generation. A straight-line run does not stand on the roads,
  // so its result must still be shown (it used to be dropped as stale, leaving no map).
  app::AppState app;
  app::test::strip_region(app);
  app::team_state(app).by_road = false;
  app::start_team(app);
  ++app.network.generation;
  app::test::pump(app);
  CHECK(app::find_layer(app, app::TeamModule::kCells) != nullptr);
  REQUIRE_FALSE(app::team_state(app).cities.empty());
  // Clinics alone are not a team: nobody has every member in reach.
  CHECK(app::team_state(app).cities.back().whole_team_pct == 0.0);
  CHECK(app::team_state(app).cities.back().people == Approx(3000.0));
}
