#include "app/modules/team/team_module.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "app/people_source.hpp"
#include "app/shared_overlay.hpp"
#include "app/strings.hpp"
#include "core/number_format.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

namespace {

TeamCityFigures figures_of(const analysis::TeamCityRow& row,
                           const std::vector<analysis::TeamMember>& members) {
  TeamCityFigures f;
  f.city = row.city;
  f.people = row.people.people;
  f.whole_team_pct = core::percent(row.whole_team.people, row.people.people);
  f.people_75plus = row.people.people_75plus;
  f.whole_team_75plus_pct = core::percent(row.whole_team.people_75plus, row.people.people_75plus);
  if (row.most_missing) {
    f.most_missing = members[*row.most_missing].name;
  }
  return f;
}

}  // namespace

TeamState& team_state(AppState& app) {
  return find_module<TeamModule>(app).state;
}

const char* TeamModule::title(core::Lang lang) const {
  return tr(lang, Str::team_title);
}

void TeamModule::network_changed(AppState& app) {
  if (state.requested && state.by_road) {
    start_team(app);
  }
}

void TeamModule::clear(AppState& app) {
  remove_result_layer(app, kCells);
  state.requested = false;
  state.members.clear();
  state.cities.clear();
  state.problem = {};
}

style::Ramp team_missing_ramp(const std::vector<analysis::TeamMember>& members, core::Lang lang) {
  // Set2 hues for the members in team order; alpha keeps the basemap and roads readable.
  constexpr std::array<std::uint32_t, 6> hues{0x66c2a5, 0xfc8d62, 0x8da0cb,
                                              0xe78ac3, 0xa6d854, 0xffd92f};
  style::Ramp ramp;
  ramp.field = "missing_code";
  ramp.colours.push_back(style::rgb(0xd9d9d9, 40));
  ramp.labels.push_back(tr(lang, Str::team_none_missing));
  for (std::size_t m = 0; m < members.size(); ++m) {
    ramp.breaks.push_back(static_cast<double>(m + 1));
    ramp.colours.push_back(style::rgb(hues[m % hues.size()], 170));
    ramp.labels.push_back(members[m].name.in(lang));
  }
  ramp.breaks.push_back(static_cast<double>(members.size() + 1));
  ramp.colours.push_back(style::rgb(0x99000d, 190));
  ramp.labels.push_back(tr(lang, Str::team_several));
  return ramp;
}

void start_team(AppState& app) {
  TeamState& s = team_state(app);
  const PeopleSource people = people_source(app);
  if (!people) {
    s.problem = {"人口レイヤー（国勢調査メッシュ）がないため、人数を数えられません。",
                 "No population layer (census mesh) is loaded, so people cannot be counted."};
    return;
  }
  const LoadedNetwork* net = current_network(app.network);
  if (s.by_road && !net) {
    // A network on its way reruns this when it arrives (network_changed).
    s.requested = app.network.loading;
    const Str why = app.network.loading ? Str::net_loading : Str::net_disabled_no_network;
    s.problem = core::LocalText{tr(core::Lang::ja, why), tr(core::Lang::en, why)};
    return;
  }
  s.problem = {};
  s.requested = true;
  std::shared_ptr<const routing::RoadNetwork> network;
  std::shared_ptr<SharedOverlay> overlay;
  if (s.by_road) {
    network = net->network;
    overlay = current_overlay(app);
  }
  const std::vector<core::LayerPtr> facilities = facility_layers(app);
  const bool home_help = s.require_home_help;
  const core::Lang lang = app.lang;
  AnalysisJob job;
  job.key = TeamModule::kJob;
  job.label = "team";
  // A straight-line run does not depend on the roads: the region's network arriving while it
  // runs must not drop its result (network_changed reruns only road runs).
  job.current = s.by_road ? same_network(app) : StillCurrent{};
  job.work = [people, facilities, home_help, lang, network, overlay](core::Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::shared_ptr<const analysis::Demand> demand = people.demand();
    std::vector<const core::Layer*> raw;
    for (const core::LayerPtr& l : facilities) {
      raw.push_back(l.get());
    }
    analysis::TeamParams params;
    params.members = analysis::default_team(home_help);
    params.network = network.get();
    params.overlay = overlay ? overlay->get() : nullptr;
    analysis::TeamResult r =
        analysis::team_coverage(*demand, raw, params, people.population->crs, &progress);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<TeamMemberFigures> members;
    for (std::size_t m = 0; m < r.members.size(); ++m) {
      members.push_back(TeamMemberFigures{r.members[m].name, r.member_sites[m],
                                          r.members[m].reach.value, r.members[m].required});
    }
    std::vector<TeamCityFigures> cities;
    for (const analysis::TeamCityRow& row : r.cities) {
      cities.push_back(figures_of(row, r.members));
    }
    cities.push_back(figures_of(r.total, r.members));
    const core::ResultBasis basis = r.cells.provenance.basis;
    auto cells = std::make_shared<core::Layer>(std::move(r.cells));
    cells->id = TeamModule::kCells;
    cells->title = tr(lang, Str::team_layer_cells);
    AnalysisResult result;
    result.apply = [members, cities, basis, seconds](AppState& app) {
      TeamState& s = team_state(app);
      s.members = members;
      s.cities = cities;
      s.distance_basis = basis.distance;
      s.demand_basis = basis.demand;
      s.seconds = seconds;
    };
    result.layers.push_back(cells);
    // The classes follow the team of this run (home help required or not). The first time,
    // the population choropleth is turned off: its reds under the nearly clear "none" class
    // would read as a missing member. The user can turn it back on; later runs leave it be.
    auto fresh = std::make_shared<bool>(false);
    result.apply = [apply = result.apply, fresh](AppState& app) {
      apply(app);
      *fresh = find_layer(app, TeamModule::kCells) == nullptr;
    };
    result.styled = [ramp = team_missing_ramp(r.members, lang), fresh](AppState& app) {
      if (LayerEntry* e = find_layer(app, TeamModule::kCells)) {
        e->style.ramp = ramp;
      }
      if (*fresh) {
        for (LayerEntry& e : app.layers) {
          if (e.layer && !e.is_result && e.layer->category == core::Category::population) {
            e.style.visible = false;
          }
        }
      }
    };
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
