#pragma once
// The home-care team in the viewer (analysis/team_coverage.hpp): for every census cell piece,
// which member of the team (clinic, visiting nurse, pharmacy, care manager; home help optional)
// is out of its planning reach. Result layer "team_missing": the cells coloured by the missing
// member (team_missing_ramp); the panel shows per city the share of people and of 75+ with the
// whole team and the member missing most often, and says what the figures stand on (straight
// line, or road time on the loaded network for the visiting nurse, care manager and home help,
// with the closures in force; the census mesh population).
//
// The module's texts live here as core::LocalText rather than in the central string table: a
// module brings its own words (docs/ARCHITECTURE.md, "How to add an analysis").

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/team_coverage.hpp"
#include "app/modules/analysis_module.hpp"
#include "core/lang.hpp"
#include "style/style.hpp"

namespace caremap::app {

struct TeamMemberFigures {
  core::LocalText name;
  std::size_t offices = 0;
  double reach_m = 0.0;
  bool required = true;
};

struct TeamCityFigures {
  std::string city;
  double people = 0.0;
  double whole_team_pct = 0.0;
  double people_75plus = 0.0;
  double whole_team_75plus_pct = 0.0;
  core::LocalText most_missing;  ///< empty when everyone has the whole team
};

struct TeamState {
  bool require_home_help = false;
  /// Timed members by road on the loaded network (the closures in force); needs a network.
  bool by_road = false;
  bool requested = false;  ///< run at least once: a network or closure change reruns it
  std::vector<TeamMemberFigures> members;
  std::vector<TeamCityFigures> cities;  ///< per city, then the total row
  core::LocalText distance_basis;
  core::LocalText demand_basis;
  double seconds = 0.0;
  /// Why there is nothing to show (no population layer, no boundary); empty otherwise.
  core::LocalText problem;
};

class TeamModule final : public AnalysisModule {
 public:
  static constexpr const char* kJob = "team";
  static constexpr const char* kCells = "team_missing";

  TeamState state;

  std::string_view id() const override { return "team"; }
  ModuleTab tab() const override { return ModuleTab::basic; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
};

TeamState& team_state(AppState& app);

/// Team coverage of the loaded population layer by the loaded facility layers, on the job pool.
void start_team(AppState& app);

/// The missing-member map's colours, one class per "missing_code" (analysis::missing_code):
/// none (pale, nearly clear), each member alone in its own qualitative colour (ColorBrewer Set2,
/// apart from the facility symbols' saturated hues), several (dark red: the worst gap). Labels
/// in `lang`.
style::Ramp team_missing_ramp(const std::vector<analysis::TeamMember>& members, core::Lang lang);

}  // namespace caremap::app
