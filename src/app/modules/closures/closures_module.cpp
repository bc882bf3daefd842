#include "app/modules/closures/closures_module.hpp"

#include <algorithm>

#include "analysis/nearest_by_time.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/network_jobs.hpp"
#include "app/shared_overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

ClosuresState& closures_state(AppState& app) {
  return find_module<ClosuresModule>(app).state;
}

const char* ClosuresModule::title(core::Lang lang) const {
  return tr(lang, Str::net_closures_title);
}

void ClosuresModule::clear(AppState& app) {
  for (const char* id : {kClosedRoadsLayer, kEffectLayer}) {
    remove_result_layer(app, id);
  }
  state.closed_arcs = 0;
  state.effect.reset();
  state.effect_note.clear();
}

namespace {

void start_closed_roads(AppState& app) {
  const LoadedNetwork* net = current_network(app.network);
  if (net == nullptr || !has_closures(app.network)) {
    remove_result_layer(app, ClosuresModule::kClosedRoadsLayer);
    closures_state(app).closed_arcs = 0;
    return;
  }
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = current_overlay(app);
  const std::string title = tr(app.lang, Str::net_closed_roads_layer);
  const std::string crs = app.working_crs;
  AnalysisJob job;
  job.key = ClosuresModule::kClosedRoadsJob;
  job.label = "closed roads";
  job.current = same_network(app);
  job.work = [=](core::Progress&) {
    const routing::Overlay* overlay = shared->get();
    auto layer = std::make_shared<core::Layer>(
        overlay ? analysis::closed_roads_layer(network->graph(), *overlay) : core::Layer{});
    layer->id = ClosuresModule::kClosedRoadsLayer;
    layer->title = title;
    layer->category = core::Category::closure;
    layer->crs = crs;
    AnalysisResult result;
    result.apply = [closed = overlay ? overlay->closed_count() : 0,
                    diagnostics = shared->diagnostics()](AppState& app) {
      closures_state(app).closed_arcs = closed;
      app.network.diagnostics.append(diagnostics);  // reported once, by this job
    };
    if (layer->features.empty()) {
      result.removed.emplace_back(ClosuresModule::kClosedRoadsLayer);
    } else {
      result.layers = {layer};
    }
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace

void ClosuresModule::network_changed(AppState& app) {
  if (current_network(app.network) == nullptr) {
    return;
  }
  start_closed_roads(app);
  start_closure_effect(app);
}

void start_closure_effect(AppState& app) {
  ClosuresState& s = closures_state(app);
  const LoadedNetwork* net = current_network(app.network);
  s.effect.reset();
  s.effect_note.clear();
  if (net == nullptr || !has_closures(app.network)) {
    remove_result_layer(app, ClosuresModule::kEffectLayer);
    return;
  }
  const std::vector<core::LayerPtr> facilities = facility_layers(app);
  const std::vector<core::Category>& present = facility_categories(app);
  if (present.empty()) {
    s.effect_note = tr(app.lang, Str::net_no_facilities);
    return;
  }
  core::LayerPtr demand;
  std::string demand_title;
  if (s.effect_demand_uid != 0) {
    if (LayerEntry* e = find_layer(app, s.effect_demand_uid); e && e->layer) {
      demand = e->layer;
      demand_title = e->title;
    }
  } else if (const auto& origin = routes_state(app).origin) {
    demand_title = tr(app.lang, Str::net_clicked_point);
    demand = clicked_point_layer(*origin, app.working_crs, demand_title);
  }
  if (!demand) {
    s.effect_note = tr(app.lang, Str::net_effect_needs_demand);
    return;
  }
  if (std::find(present.begin(), present.end(), s.effect_category) == present.end()) {
    s.effect_category = present.front();
  }
  const core::Category category = s.effect_category;
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = current_overlay(app);
  const std::string title = tr(app.lang, Str::net_effect_layer);
  const std::string described = demand_title + " · " + category_title(category, app.lang);
  AnalysisJob job;
  job.key = ClosuresModule::kEffectJob;
  job.label = "closure effect";
  job.current = same_network(app);
  job.work = [=](core::Progress& progress) {
    const routing::Overlay* overlay = shared->get();
    analysis::NearestByTimeParams params;
    params.categories = {category};
    params.build_routes = false;
    params.threads = 0;
    auto r = analysis::closure_effect(*network, *demand, facilities, params, *overlay, &progress);
    auto points = std::make_shared<core::Layer>(std::move(r.points));
    points->id = ClosuresModule::kEffectLayer;
    points->title = title;
    AnalysisResult result;
    result.apply = [figures = ClosureEffectFigures{r.summary, described}](AppState& app) {
      closures_state(app).effect = figures;
    };
    result.layers = {points};
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
