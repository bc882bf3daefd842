#include "app/modules/plan/plan_module.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "analysis/population_demand.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "plan/reach.hpp"
#include "plan/serving_sites.hpp"
#include "plan/what_if.hpp"

namespace caremap::app {

PlanState& plan_state(AppState& app) {
  return find_module<PlanModule>(app).state;
}

const char* PlanModule::title(core::Lang lang) const {
  return tr(lang, Str::plan_title);
}

void PlanModule::stop_picking() {
  state.tool = PlanTool::none;
  state.moving.reset();
}

// A click removes or picks the clinic nearest to it within this distance (clinic positions are
// 町丁目 representative points; a click a few hundred metres off still means that clinic).
constexpr double kPickRadiusM = 800.0;

void PlanModule::picked(AppState& app, core::XY at) {
  if (!state.baseline) {
    return;
  }
  switch (state.tool) {
    case PlanTool::add:
      state.added.push_back(at);
      break;
    case PlanTool::remove:
      if (const auto s = clinic_near(*state.baseline, state.removed, at, kPickRadiusM)) {
        state.removed.push_back(*s);
      }
      break;
    case PlanTool::move:
      if (!state.moving) {
        state.moving = clinic_near(*state.baseline, state.removed, at, kPickRadiusM);
        return;  // the next click places it
      }
      state.removed.push_back(*state.moving);
      state.added.push_back(at);
      state.moving.reset();
      break;
    case PlanTool::none:
      return;
  }
  start_plan_what_if(app);
}

void PlanModule::network_changed(AppState& app) {
  if (state.baseline || state.requested) {
    start_plan_baseline(app);
  }
}

void PlanModule::clear(AppState& app) {
  remove_result_layer(app, kLayer);
  remove_result_layer(app, kAddedLayer);
  state.added.clear();
  state.removed.clear();
  state.moving.reset();
  state.rows.clear();
  state.n_minus_one.clear();
  state.baseline.reset();
  state.remove_at.clear();
  state.requested = false;
  state.note.clear();
}

std::optional<std::uint32_t> clinic_near(const PlanBaseline& b,
                                         const std::vector<std::uint32_t>& removed, core::XY at,
                                         double radius_m) {
  std::optional<std::uint32_t> best;
  double best_d = radius_m;
  for (std::uint32_t s = 0; s < b.sites.size(); ++s) {
    if (std::find(removed.begin(), removed.end(), s) != removed.end()) {
      continue;
    }
    const double d = std::hypot(b.sites[s].position.x - at.x, b.sites[s].position.y - at.y);
    if (d <= best_d) {
      best_d = d;
      best = s;
    }
  }
  return best;
}

namespace {

const core::Layer* region_layer(const AppState& app, core::Category c) {
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result && e.layer->category == c) {
      return e.layer.get();
    }
  }
  return nullptr;
}

analysis::TravelCosts costs_from(const PlanBaseline& b, std::span<const core::XY> from,
                                 core::Progress* progress) {
  std::vector<core::XY> to;
  to.reserve(b.demand.points.size());
  for (const auto& p : b.demand.points) {
    to.push_back(p.position);
  }
  if (!b.network) {
    return analysis::straight_line_costs(from, to, b.straight);
  }
  analysis::OdOptions options;
  options.threads = 0;
  core::Diagnostics ignored;  // snapping problems of a clicked place: the cell shows "0"
  const routing::Overlay* overlay = b.closures ? b.closures->get() : nullptr;
  analysis::TravelCosts costs =
      analysis::road_costs(*b.network, from, to, options, overlay, ignored, progress);
  if (overlay != nullptr) {
    costs.basis = analysis::with_closures(costs.basis, overlay->closed_count(),
                                          {tr(core::Lang::ja, Str::plan_closures_on_map),
                                           tr(core::Lang::en, Str::plan_closures_on_map)});
  }
  return costs;
}

// The what-if's added clinics as points of category proposed_site: their own symbol on the map
// and in the legend, never the look of an existing facility.
core::LayerPtr added_sites_layer(const std::vector<plan::PlanSite>& sites, std::size_t first_added,
                                 const std::string& crs, const core::Provenance& provenance,
                                 std::string title) {
  auto l = std::make_shared<core::Layer>();
  l->id = PlanModule::kAddedLayer;
  l->title = std::move(title);
  l->category = core::Category::proposed_site;
  l->crs = crs;
  l->provenance = provenance;
  l->fields = {{"name", core::FieldType::text}};
  l->name_field = 0;
  for (std::size_t s = first_added; s < sites.size(); ++s) {
    core::Feature f;
    f.geometry = sites[s].position;
    f.category = core::Category::proposed_site;
    f.values = {sites[s].name};
    l->features.push_back(std::move(f));
  }
  return l;
}

style::Ramp cover_ramp(core::Lang l) {
  style::Ramp ramp;
  ramp.field = "in_reach";
  ramp.breaks = {0.5, 1.5};
  ramp.colours = {style::rgb(0xd73027, 200), style::rgb(0xfdae61, 200), style::rgb(0x91cf60, 170)};
  ramp.labels = {tr(l, Str::plan_cover_none), tr(l, Str::plan_cover_one),
                 tr(l, Str::plan_cover_two)};
  return ramp;
}

}  // namespace

void start_plan_baseline(AppState& app) {
  PlanState& s = plan_state(app);
  s.note.clear();
  s.requested = true;
  const core::Layer* population = region_layer(app, core::Category::population);
  const core::Layer* boundary = region_layer(app, core::Category::boundary);
  if (population == nullptr) {
    s.note = tr(app.lang, Str::plan_no_population);
    return;
  }
  const LoadedNetwork* net = current_network(app.network);
  auto base = std::make_shared<PlanBaseline>();
  base->network = net ? net->network : nullptr;
  if (net != nullptr && has_closures(app.network)) {
    base->closures = current_overlay(app);
  }
  base->reach = {plan::ReachMeasure::time, s.reach_min * 60.0};
  base->crs = app.working_crs;
  const float reach_min = s.reach_min;
  // The layers are shared read-only with the job; copies of the pointers keep them alive.
  core::LayerPtr population_ptr;
  core::LayerPtr boundary_ptr;
  for (const LayerEntry& e : app.layers) {
    if (e.layer.get() == population) {
      population_ptr = e.layer;
    }
    if (e.layer.get() == boundary) {
      boundary_ptr = e.layer;
    }
  }
  AnalysisJob job;
  job.key = PlanModule::kBaselineJob;
  job.label = "planning baseline";
  job.current = same_network(app);
  job.work = [base, population_ptr, boundary_ptr, layers = facility_layers(app),
              reach_min](core::Progress& progress) {
    base->demand = analysis::population_demand(*population_ptr, boundary_ptr.get());
    core::Diagnostics diagnostics;
    const std::vector<core::Category> clinics{core::Category::clinic};
    base->sites = plan::serving_sites(layers, clinics, false, diagnostics).sites;
    std::vector<core::XY> from;
    for (const auto& site : base->sites) {
      from.push_back(site.position);
    }
    base->costs = costs_from(*base, from, &progress);
    base->cover = plan::backup_cover(base->demand, plan::Reach(base->costs, base->reach));
    AnalysisResult result;
    result.apply = [base, reach_min](AppState& app) {
      PlanState& s = plan_state(app);
      s.baseline = base;
      s.baseline_reach_min = reach_min;
      for (const core::XY& at : s.remove_at) {
        if (const auto site = clinic_near(*base, s.removed, at, kPickRadiusM)) {
          s.removed.push_back(*site);
        }
      }
      s.remove_at.clear();
      s.distance = app.lang == core::Lang::ja ? base->costs.basis.ja : base->costs.basis.en;
      s.demand = app.lang == core::Lang::ja ? base->demand.basis.ja : base->demand.basis.en;
      start_plan_what_if(app);
    };
    return result;
  };
  submit_analysis(app, std::move(job));
}

void start_plan_what_if(AppState& app) {
  PlanState& s = plan_state(app);
  if (!s.baseline) {
    return;
  }
  const core::Lang lang = app.lang;
  AnalysisJob job;
  job.key = PlanModule::kWhatIfJob;
  job.label = "planning what-if";
  job.current = same_network(app);
  job.work = [base = s.baseline, added = s.added, removed = s.removed,
              lang](core::Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const analysis::TravelCosts extra = costs_from(*base, added, &progress);
    const analysis::TravelCosts all = plan::append_sites(base->costs, extra);
    const plan::WhatIfResult r =
        plan::what_if(base->demand, base->cover, all, base->reach, removed);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::vector<plan::PlanSite> sites = base->sites;
    for (std::size_t k = 0; k < added.size(); ++k) {
      sites.push_back({"what-if " + std::to_string(k + 1), "what-if", added[k]});
    }
    core::Provenance p;
    p.operation = "plan_what_if";
    p.param("reach", plan::reach_label(base->reach).en);
    p.param("added", std::to_string(added.size()));
    p.param("removed", std::to_string(removed.size()));
    p.basis.distance = base->costs.basis;
    p.basis.demand = base->demand.basis;
    auto layer = std::make_shared<core::Layer>(
        plan::backup_cells_layer(base->demand, r.cover, sites, base->reach, base->crs, p));
    layer->id = PlanModule::kLayer;
    layer->title = tr(lang, Str::plan_layer);
    std::vector<PlanCityRow> rows;
    auto row = [](const std::string& city, const plan::CoverCounts& now,
                  const plan::CoverCounts& before, const plan::CoverChange& ch) {
      return PlanCityRow{city,
                         now.people.people,
                         now.none.people,
                         now.one.people,
                         now.two_plus.people,
                         before.none.people,
                         before.one.people,
                         before.two_plus.people,
                         ch.gained_cover.people,
                         ch.lost_cover.people,
                         ch.lost_backup.people,
                         ch.gained_backup.people};
    };
    for (std::size_t c = 0; c < base->demand.cities.size(); ++c) {
      rows.push_back(row(base->demand.cities[c], r.cover.cities[c], base->cover.cities[c],
                         r.change.cities[c]));
    }
    rows.push_back(
        row(tr(lang, Str::analysis_total), r.cover.total, base->cover.total, r.change.total));
    std::vector<PlanLossRow> losses;
    for (std::size_t k = 0; k < r.n_minus_one.size() && k < 5; ++k) {
      const plan::CoverLoss& l = r.n_minus_one[k];
      losses.push_back({sites[l.removed.front()].name, l.lost_cover.people,
                        l.lost_cover.people_75plus, l.lost_backup.people});
    }
    AnalysisResult result;
    result.apply = [rows, losses, ms](AppState& app) {
      PlanState& s = plan_state(app);
      s.rows = rows;
      s.n_minus_one = losses;
      s.recompute_ms = ms;
    };
    result.layers = {layer};
    if (added.empty()) {
      result.removed = {PlanModule::kAddedLayer};
    } else {
      result.layers.push_back(added_sites_layer(sites, base->sites.size(), base->crs, p,
                                                tr(lang, Str::plan_added_layer)));
    }
    result.styled = [ramp = cover_ramp(lang)](AppState& app) {
      find_layer(app, PlanModule::kLayer)->style.ramp = ramp;
    };
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
