#include "app/project_capture.hpp"

#include <algorithm>

#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/modules/nearest/nearest_module.hpp"
#include "app/modules/plan/plan_module.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "app/modules/team/team_module.hpp"
#include "crs/transformer.hpp"
#include "drill/drill_run.hpp"
#include "render/camera.hpp"

namespace caremap::app {

namespace {

std::optional<std::string> text_field(const core::Layer& layer, const core::Feature& f,
                                      std::string_view name) {
  const auto i = layer.field_index(name);
  if (!i || *i >= f.values.size()) {
    return std::nullopt;
  }
  if (const auto* s = std::get_if<std::string>(&f.values[*i])) {
    return *s;
  }
  return std::nullopt;
}

std::optional<double> real_field(const core::Layer& layer, const core::Feature& f,
                                 std::string_view name) {
  const auto i = layer.field_index(name);
  if (!i || *i >= f.values.size()) {
    return std::nullopt;
  }
  if (const auto* v = std::get_if<double>(&f.values[*i])) {
    return *v;
  }
  return std::nullopt;
}

// The vertices a drawn closure was made of: the outline of an area (without the closing
// vertex, as drawn) or the points of a line.
std::vector<core::XY> drawn_vertices(const core::Geometry& g) {
  if (const auto* line = std::get_if<core::LineString>(&g)) {
    return {line->begin(), line->end()};
  }
  if (const auto* polygon = std::get_if<core::Polygon>(&g)) {
    std::vector<core::XY> ring(polygon->outer().begin(), polygon->outer().end());
    if (ring.size() > 1 && ring.front() == ring.back()) {
      ring.pop_back();
    }
    return ring;
  }
  return {};
}

// Closures drawn on the map (the "source" field says "drawn"); file closures are kept as their
// file.
void capture_drawn(const core::LayerPtr& layer, core::Projector& lonlat,
                   std::vector<ClosureOption>& out) {
  if (!layer) {
    return;
  }
  for (const core::Feature& f : layer->features) {
    if (text_field(*layer, f, "source") != "drawn") {
      continue;
    }
    ClosureOption c;
    c.kind = text_field(*layer, f, "kind").value_or("area");
    c.factor = real_field(*layer, f, "factor").value_or(2.0);
    for (const core::XY& p : drawn_vertices(f.geometry)) {
      c.points.push_back(lonlat.inverse(p));
    }
    if (!c.points.empty()) {
      out.push_back(std::move(c));
    }
  }
}

bool has_entry_from(const AppState& app, const std::string& source) {
  return std::any_of(app.layers.begin(), app.layers.end(),
                     [&](const LayerEntry& e) { return !e.is_result && e.source == source; });
}

}  // namespace

ProjectState capture_project_state(AppState& app, const ViewState& view) {
  ProjectState s;
  s.region = app.opened_region;
  for (const std::string& file : app.opened_files) {
    // A file whose layer was removed again is not part of the work any more.
    if (has_entry_from(app, file) &&
        std::find(s.files.begin(), s.files.end(), file) == s.files.end()) {
      s.files.push_back(file);
    }
  }
  for (const LayerEntry& e : app.layers) {
    s.layer_visible[e.id] = e.style.visible;
  }
  s.lang = std::string(to_string(app.lang));

  const NearestState& nearest = nearest_state(app);
  s.nearest_k = nearest.k;
  const CoverageState& coverage = coverage_state(app);
  if (!coverage.computed_for.empty()) {
    CoverageOption c;
    c.category = coverage.category;
    if (coverage.radius_from_user) {
      c.radius_m = coverage.radius_m;
    }
    s.coverage = c;
  }
  const TeamState& team = team_state(app);
  s.team = team.requested;
  s.team_home_help = team.require_home_help;
  s.team_by_road = team.by_road;

  const NetworkState& n = app.network;
  if (!n.requested.empty()) {
    s.osm = n.requested.string();
  }
  s.profile = to_string(n.profile);
  for (const std::filesystem::path& file : n.closure_files) {
    s.closure_files.push_back(file.string());
  }
  const ServiceAreasState& sa = service_area_state(app);
  s.bands = sa.bands;
  s.sa_mode = sa.mode;
  s.sa_shape = sa.shape;

  const PlanState& plan = plan_state(app);
  s.plan = plan.requested || plan.baseline || !plan.added.empty() || !plan.removed.empty();
  s.plan_reach_min = static_cast<int>(std::lround(plan.reach_min));

  const DrillModuleState& drill = drill_state(app);
  if (drill.scenario && !drill.path.empty()) {
    s.drill = drill.path;
    if (drill.result && drill.inject >= 0 &&
        static_cast<std::size_t>(drill.inject) < drill.result->injects.size()) {
      s.drill_t_min = drill.result->injects[static_cast<std::size_t>(drill.inject)].state.t_min;
    } else {
      s.drill_t_min = drill.wanted_t_min;
    }
    s.drill_bed_edits = bed_edit_options(*drill.scenario, drill.bed_edits);
  }
  if (!app.project_file.empty()) {
    s.views = app.views;  // edits of the views panel not yet saved to the file are kept too
  }

  if (!app.lonlat) {
    return s;
  }
  core::Projector& lonlat = *app.lonlat;
  if (view.camera_ready) {
    const core::LonLat c = lonlat.inverse(view.camera.center());
    s.view = ViewOption{c, render::zoom_level_from_m_per_px(view.camera.meters_per_pixel(), c.lat)};
  }
  if (nearest.origin) {
    s.nearest = lonlat.inverse(*nearest.origin);
  }
  if (const RoutesState& routes = routes_state(app); routes.origin) {
    s.route = lonlat.inverse(*routes.origin);
  }
  if (sa.requested && sa.source == ServiceAreaSource::clicked_point && sa.origin) {
    s.service_area = lonlat.inverse(*sa.origin);
  }
  capture_drawn(n.closures, lonlat, s.closures);
  capture_drawn(n.slowdowns, lonlat, s.closures);
  for (const core::XY& p : plan.added) {
    s.plan_add.push_back(lonlat.inverse(p));
  }
  if (plan.baseline) {
    for (std::uint32_t site : plan.removed) {
      if (site < plan.baseline->sites.size()) {
        s.plan_remove.push_back(lonlat.inverse(plan.baseline->sites[site].position));
      }
    }
  }
  for (const core::XY& p : plan.remove_at) {
    s.plan_remove.push_back(lonlat.inverse(p));
  }
  return s;
}

}  // namespace caremap::app
