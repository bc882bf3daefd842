#include "app/modules/routes/routes_module.hpp"

#include <algorithm>

#include "analysis/access_leg_lines.hpp"
#include "analysis/nearest_by_time.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "app/shared_overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

RoutesState& routes_state(AppState& app) {
  return find_module<RoutesModule>(app).state;
}

const char* RoutesModule::title(core::Lang lang) const {
  return tr(lang, Str::net_route_title);
}

void RoutesModule::picked(AppState& app, core::XY at) {
  state.picking = false;
  start_route_nearest(app, at);
}

void RoutesModule::network_changed(AppState& app) {
  if (state.origin) {
    start_route_nearest(app, *state.origin);
  }
}

void RoutesModule::clear(AppState& app) {
  remove_result_layer(app, kLayer);
  remove_result_layer(app, kLegsLayer);
  state.rows.clear();
  state.origin.reset();
  state.note.clear();
}

namespace {

// A class of the route layers in the routes' colour: solid for roads, thinner and dashed for a
// straight leg (at the access measure, not a road of the data).
void add_route_class(style::Ramp& ramp, bool straight, std::string label) {
  const style::LineSymbol route = style::default_symbol(core::Category::route).line;
  ramp.colours.push_back(route.color);
  ramp.line_widths.push_back(straight ? std::max(1.5f, route.width_px * 0.6f) : route.width_px);
  ramp.line_dashes_px.push_back(straight ? 5.0f : 0.0f);
  ramp.labels.push_back(std::move(label));
}

// Routes through the network solid, direct legs (faster than any road) dashed: the map must not
// draw a road the data does not have.
style::Ramp routes_ramp(core::Lang lang) {
  style::Ramp ramp;
  ramp.field = "direct";
  ramp.breaks = {0.5};
  add_route_class(ramp, false, tr(lang, Str::net_route_by_road));
  add_route_class(ramp, true, tr(lang, Str::net_route_direct));
  return ramp;
}

// The access legs of the routes through the network, one dashed class.
style::Ramp legs_ramp(core::Lang lang) {
  style::Ramp ramp;
  ramp.field = "straight_m";
  add_route_class(ramp, true, tr(lang, Str::net_access_legs_class));
  return ramp;
}

}  // namespace

std::optional<OriginMarker> RoutesModule::marker() const {
  if (!state.origin) {
    return std::nullopt;
  }
  return OriginMarker{*state.origin, style::rgb(0x111111)};
}

void start_route_nearest(AppState& app, core::XY origin) {
  RoutesState& s = routes_state(app);
  s.origin = origin;
  s.rows.clear();
  s.note.clear();
  const LoadedNetwork* net = current_network(app.network);
  if (net == nullptr) {
    s.note = tr(app.lang, Str::net_disabled_no_network);
    return;
  }
  // The closure effect's default demand is this origin.
  start_closure_effect(app);
  const std::vector<core::LayerPtr> facilities = facility_layers(app);
  const std::vector<core::Category> categories = facility_categories(app);
  if (categories.empty()) {
    s.note = tr(app.lang, Str::net_no_facilities);
    remove_result_layer(app, RoutesModule::kLayer);
    return;
  }
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = current_overlay(app);
  const std::size_t k = static_cast<std::size_t>(std::clamp(s.k, 1, 10));
  const std::string crs = app.working_crs;
  const std::string title = tr(app.lang, Str::net_routes_layer);
  const std::string legs_title = tr(app.lang, Str::net_access_legs_layer);
  const core::Lang lang = app.lang;
  const std::string unreachable = tr(app.lang, Str::net_unreachable);
  AnalysisJob job;
  job.key = RoutesModule::kJob;
  job.label = "routes";
  job.current = same_network(app);
  job.work = [=](core::Progress& progress) {
    const routing::Overlay* overlay = shared->get();
    const core::LayerPtr demand = clicked_point_layer(origin, crs, "origin");
    auto routes = std::make_shared<core::Layer>();
    auto legs = std::make_shared<core::Layer>();
    std::vector<RouteRow> rows;
    for (std::size_t i = 0; i < categories.size(); ++i) {
      analysis::NearestByTimeParams params;
      params.categories = {categories[i]};
      params.k = k;
      params.direction = analysis::TravelDirection::to_facility;
      analysis::NearestByTimeResult r =
          analysis::nearest_by_time(*network, *demand, facilities, params, overlay, nullptr);
      for (const analysis::NearestByTimeRow& row : r.rows) {
        rows.push_back(RouteRow{categories[i], row.rank, r.facilities[row.facility].name,
                                row.time_s, row.length_m});
      }
      core::Layer l = analysis::access_leg_lines(r, *demand, params.direction, false);
      if (legs->fields.empty()) {
        *legs = std::move(l);
      } else {
        for (core::Feature& f : l.features) {
          legs->features.push_back(std::move(f));
        }
      }
      if (routes->fields.empty()) {
        *routes = std::move(r.routes);
      } else {
        for (core::Feature& f : r.routes.features) {
          routes->features.push_back(std::move(f));
        }
      }
      core::report_progress(&progress, static_cast<double>(i + 1) / categories.size());
    }
    routes->id = RoutesModule::kLayer;
    routes->title = title;
    routes->category = core::Category::route;
    routes->crs = crs;
    AnalysisResult result;
    result.apply = [rows, unreachable](AppState& app) {
      RoutesState& s = routes_state(app);
      s.rows = rows;
      s.note = rows.empty() ? unreachable : std::string();
    };
    result.layers = {routes};
    const bool with_legs = !legs->features.empty();
    if (with_legs) {
      legs->id = RoutesModule::kLegsLayer;
      legs->title = legs_title;
      legs->crs = crs;
      result.layers.push_back(legs);
    } else {
      result.removed = {RoutesModule::kLegsLayer};
    }
    result.styled = [lang, with_legs](AppState& app) {
      find_layer(app, RoutesModule::kLayer)->style.ramp = routes_ramp(lang);
      if (with_legs) {
        find_layer(app, RoutesModule::kLegsLayer)->style.ramp = legs_ramp(lang);
      }
    };
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
