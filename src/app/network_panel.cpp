// The road-network tab of the analysis panel: the network's state (or why there is none and how
// to get one), travel-time nearest facilities, service areas, and closures with what they change.
// Every travel-time action is disabled without a network, with the reason beside it.

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "app/analysis_jobs.hpp"
#include "app/category_title.hpp"
#include "app/facility_table.hpp"
#include "app/network_jobs.hpp"
#include "app/panels.hpp"
#include "app/symbol_icons.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

namespace {

const ImVec4 kWarning(0.80f, 0.33f, 0.0f, 1.0f);
const ImVec4 kActive(0.0f, 0.45f, 0.70f, 1.0f);

// Keeps a category choice on one that is present in the loaded facility layers.
void keep_present(core::Category& c, const std::vector<core::Category>& present) {
  if (!present.empty() && std::find(present.begin(), present.end(), c) == present.end()) {
    c = present.front();
  }
}

void wrapped_disabled(const char* text) {
  text_wrapped(text, TextTone::quiet);
}

void wrapped(const char* text) {
  text_wrapped(text);
}

// The reason shown on every disabled travel-time control.
void disabled_reason(bool enabled, Lang l) {
  if (!enabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", tr(l, Str::net_disabled_no_network));
  }
}

void draw_status(AppState& app, ViewState& view, Lang l) {
  NetworkState& n = app.network;
  const LoadedNetwork* net = current_network(n);
  if (net != nullptr) {
    ImGui::TextColored(kActive, "%s", tr(l, Str::net_loaded));
    ImGui::SameLine();
    ImGui::TextUnformatted(net->source.filename().string().c_str());
    ImGui::TextDisabled("%s · %zu %s · %zu %s · %s %.1f s", to_string(n.profile), net->nodes,
                        tr(l, Str::net_nodes), net->segments, tr(l, Str::net_segments),
                        tr(l, net->from_cache ? Str::net_from_cache : Str::net_built),
                        net->seconds);
  } else if (n.loading) {
    ImGui::TextColored(kActive, "%s", tr(l, Str::net_loading));
    ImGui::SameLine();
    ImGui::TextUnformatted(n.requested.filename().string().c_str());
    for (const JobStatus& s : app.jobs.status()) {
      if (s.running && s.label.starts_with("road network")) {
        ImGui::ProgressBar(static_cast<float>(s.fraction), ImVec2(-1, 0));
      }
    }
  } else {
    ImGui::TextColored(kWarning, "%s", tr(l, Str::net_missing));
    if (!n.error.empty()) {
      wrapped(n.error.c_str());
    } else if (!n.region_roads) {
      char text[512];
      std::snprintf(text, sizeof text, tr(l, Str::net_missing_reason),
                    app.region_name.empty() ? "-" : app.region_name.c_str());
      wrapped(text);
    }
    wrapped_disabled(tr(l, Str::net_missing_how));
  }
  ImGui::SetNextItemWidth(-60);
  const bool entered = ImGui::InputTextWithHint("##osm", tr(l, Str::net_osm_hint), &view.osm_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(l, Str::net_load)) || entered) && !view.osm_path.empty()) {
    start_load_network(app, view.osm_path);
  }
  ImGui::TextUnformatted(tr(l, Str::net_profile));
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(l, Str::net_car), n.profile == TravelProfile::car)) {
    set_profile(app, TravelProfile::car);
  }
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(l, Str::net_walking), n.profile == TravelProfile::walking)) {
    set_profile(app, TravelProfile::walking);
  }
}

void draw_routes(AppState& app, Lang l, bool enabled) {
  NetworkState& n = app.network;
  wrapped_disabled(tr(l, Str::net_route_hint));
  ImGui::PushID("routes");
  ImGui::BeginDisabled(!enabled);
  if (n.picking_route) {
    ImGui::TextColored(kActive, "%s", tr(l, Str::analysis_picking));
  } else if (ImGui::Button(tr(l, Str::analysis_pick))) {
    n.picking_route = true;
    n.picking_service_area = false;
  }
  disabled_reason(enabled, l);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  if (ImGui::SliderInt(tr(l, Str::analysis_k), &n.route_k, 1, 5) && n.route_origin) {
    start_route_nearest(app, *n.route_origin);
  }
  ImGui::EndDisabled();
  ImGui::PopID();
  if (!enabled) {
    wrapped_disabled(tr(l, Str::net_disabled_no_network));
  }
  if (!n.route_note.empty() && enabled) {
    wrapped_disabled(n.route_note.c_str());
  }
  if (n.route_rows.empty()) {
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("routes", 4, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::analysis_rank), ImGuiTableColumnFlags_WidthFixed, 34);
    ImGui::TableSetupColumn(tr(l, Str::analysis_facility));
    ImGui::TableSetupColumn(tr(l, Str::net_minutes), ImGuiTableColumnFlags_WidthFixed, 52);
    ImGui::TableSetupColumn(tr(l, Str::net_road_km), ImGuiTableColumnFlags_WidthFixed, 64);
    ImGui::TableHeadersRow();
    CategoryHeadings headings(l);
    for (const RouteRow& r : n.route_rows) {
      headings.before_row(r.category);
      facility_row(r.rank, r.name);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%.1f", r.time_s / 60.0);
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%.2f", r.length_m / 1000.0);
    }
    ImGui::EndTable();
  }
}

void draw_service_area(AppState& app, Lang l, bool enabled) {
  NetworkState& n = app.network;
  ImGui::PushID("service_area");
  ImGui::BeginDisabled(!enabled);
  int source = static_cast<int>(n.sa_source);
  ImGui::RadioButton(tr(l, Str::net_sa_from_point), &source, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(l, Str::net_sa_from_selection), &source, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr(l, Str::net_sa_from_category), &source, 2);
  n.sa_source = static_cast<ServiceAreaSource>(source);
  if (n.sa_source == ServiceAreaSource::clicked_point) {
    if (n.picking_service_area) {
      ImGui::TextColored(kActive, "%s", tr(l, Str::analysis_picking));
    } else if (ImGui::Button(tr(l, Str::analysis_pick))) {
      n.picking_service_area = true;
      n.picking_route = false;
    }
    disabled_reason(enabled, l);
  } else if (n.sa_source == ServiceAreaSource::category) {
    keep_present(n.sa_category, facility_categories(app));
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo(tr(l, Str::analysis_category),
                          category_title(n.sa_category, l).c_str())) {
      for (core::Category c : facility_categories(app)) {
        if (ImGui::Selectable(category_title(c, l).c_str(), c == n.sa_category)) {
          n.sa_category = c;
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::SetNextItemWidth(140);
  ImGui::InputText(tr(l, Str::net_bands), &n.sa_bands);
  const char* modes[] = {tr(l, Str::net_mode_overlap), tr(l, Str::net_mode_split),
                         tr(l, Str::net_mode_dissolve)};
  ImGui::SetNextItemWidth(200);
  ImGui::Combo(tr(l, Str::net_mode), &n.sa_mode, modes, 3);
  const char* shapes[] = {tr(l, Str::net_shape_disks), tr(l, Str::net_shape_rings)};
  ImGui::SetNextItemWidth(200);
  ImGui::Combo(tr(l, Str::net_shape), &n.sa_shape, shapes, 2);
  if (ImGui::Button(tr(l, Str::analysis_run))) {
    start_service_area(app);
  }
  disabled_reason(enabled, l);
  ImGui::EndDisabled();
  ImGui::PopID();
  if (!enabled) {
    wrapped_disabled(tr(l, Str::net_disabled_no_network));
  }
  if (!n.sa_note.empty() && enabled) {
    wrapped_disabled(n.sa_note.c_str());
  }
  if (n.sa_bands_result.empty()) {
    return;
  }
  const std::vector<style::Rgba> colours =
      style::sequential_ramp(n.sa_bands_result.size(), kBandAlpha);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("bands", 3, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::net_band));
    ImGui::TableSetupColumn(tr(l, Str::analysis_area_km2));
    ImGui::TableSetupColumn(tr(l, Str::net_polygons));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < n.sa_bands_result.size(); ++i) {
      const BandArea& b = n.sa_bands_result[i];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const style::Symbol base = style::default_symbol(core::Category::service_area);
      style::FillSymbol fill = base.fill;
      fill.fill = colours[i];
      draw_fill_icon(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 3), 16.0f, fill);
      ImGui::Dummy(ImVec2(20, 16));
      ImGui::SameLine();
      ImGui::Text(tr(l, Str::net_within_min), b.band_min);
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%.2f", b.area_km2);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%zu", b.polygons);
    }
    ImGui::EndTable();
  }
}

const char* kind_text(const std::string& kind, Lang l) {
  if (kind == "line") {
    return tr(l, Str::net_kind_line);
  }
  if (kind == "point") {
    return tr(l, Str::net_kind_point);
  }
  if (kind == "way") {
    return tr(l, Str::net_kind_way);
  }
  if (kind == "slowdown") {
    return tr(l, Str::net_kind_slowdown);
  }
  return tr(l, Str::net_kind_area);
}

void draw_closure_list(AppState& app, Lang l) {
  NetworkState& n = app.network;
  std::optional<std::pair<bool, std::size_t>> remove;
  for (const bool slowdown : {false, true}) {
    const core::LayerPtr& layer = slowdown ? n.slowdowns : n.closures;
    if (!layer) {
      continue;
    }
    const auto kind = layer->field_index("kind");
    const auto factor = layer->field_index("factor");
    const auto source = layer->field_index("source");
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
      const core::Feature& f = layer->features[i];
      ImGui::PushID(static_cast<int>(i * 2 + (slowdown ? 1 : 0)));
      const std::string k = kind ? core::to_text(f.values[*kind]) : std::string();
      std::string from = source ? core::to_text(f.values[*source]) : std::string();
      if (from == "drawn") {
        from = tr(l, Str::net_source_drawn);
      }
      if (slowdown && factor) {
        ImGui::BulletText("%s ×%s · %s", kind_text(k, l), core::to_text(f.values[*factor]).c_str(),
                          from.c_str());
      } else {
        ImGui::BulletText("%s · %s", kind_text(k, l), from.c_str());
      }
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(l, Str::layers_remove))) {
        remove = std::pair{slowdown, i};
      }
      ImGui::PopID();
    }
  }
  if (remove) {
    remove_closure(app, remove->first, remove->second);
  }
}

void draw_closures(AppState& app, ViewState& view, Lang l, bool enabled) {
  NetworkState& n = app.network;
  ClosureEditor& editor = view.closure_editor;
  wrapped_disabled(tr(l, Str::net_closure_hint));
  ImGui::PushID("closures");
  if (editor.active()) {
    ImGui::TextColored(kActive, "%s", tr(l, Str::net_drawing));
    wrapped_disabled(tr(l, Str::net_drawing_keys));
    if (editor.problem() == ClosureEditor::Problem::too_few_vertices) {
      ImGui::TextColored(kWarning, "%s", tr(l, Str::net_too_few_vertices));
    } else if (editor.problem() == ClosureEditor::Problem::self_intersecting) {
      ImGui::TextColored(kWarning, "%s", tr(l, Str::net_self_intersecting));
    }
    if (ImGui::Button(tr(l, Str::net_finish))) {
      if (const auto shape = editor.finish()) {
        add_closure(app, *shape);
      }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(l, Str::status_cancel))) {
      editor.cancel();
    }
  } else {
    if (ImGui::Button(tr(l, Str::net_draw_area))) {
      editor.start(ClosureKind::area);
      n.picking_route = n.picking_service_area = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(l, Str::net_draw_line))) {
      editor.start(ClosureKind::line);
      n.picking_route = n.picking_service_area = false;
    }
    if (ImGui::Button(tr(l, Str::net_draw_slowdown))) {
      editor.start(ClosureKind::slowdown, view.slowdown_factor);
      n.picking_route = n.picking_service_area = false;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::SliderFloat(tr(l, Str::net_factor), &view.slowdown_factor, 1.1f, 10.0f, "×%.1f");
  }
  draw_closure_list(app, l);
  ImGui::SetNextItemWidth(-60);
  const bool entered =
      ImGui::InputTextWithHint("##closures_path", tr(l, Str::net_closures_hint),
                               &view.closures_path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(l, Str::net_load)) || entered) && !view.closures_path.empty()) {
    start_load_closures(app, view.closures_path);
    view.closures_path.clear();
  }
  if (has_closures(n) && ImGui::SmallButton(tr(l, Str::net_clear_closures))) {
    clear_closures(app);
  }
  ImGui::PopID();
  if (!has_closures(n)) {
    return;
  }
  if (!enabled) {
    wrapped_disabled(tr(l, Str::net_disabled_no_network));
    return;
  }
  ImGui::Text(tr(l, Str::net_closed_count), n.closed_arcs);
  // What the closures change for the demand: the clicked place or a point layer.
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(l, Str::net_effect));
  std::string demand_label = tr(l, Str::net_clicked_point);
  if (LayerEntry* e = find_layer(app, n.effect_demand_uid)) {
    demand_label = e->title;
  }
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(tr(l, Str::net_demand), demand_label.c_str())) {
    if (ImGui::Selectable(tr(l, Str::net_clicked_point), n.effect_demand_uid == 0)) {
      n.effect_demand_uid = 0;
      refresh_network_results(app);
    }
    for (const LayerEntry& e : app.layers) {
      if (e.layer && !e.is_result && !core::is_facility(e.layer->category) &&
          e.layer->category != core::Category::boundary &&
          e.layer->category != core::Category::road) {
        if (ImGui::Selectable(e.title.c_str(), n.effect_demand_uid == e.uid)) {
          n.effect_demand_uid = e.uid;
          refresh_network_results(app);
        }
      }
    }
    ImGui::EndCombo();
  }
  keep_present(n.effect_category, facility_categories(app));
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(tr(l, Str::net_effect_category),
                        category_title(n.effect_category, l).c_str())) {
    for (core::Category c : facility_categories(app)) {
      if (ImGui::Selectable(category_title(c, l).c_str(), c == n.effect_category)) {
        n.effect_category = c;
        refresh_network_results(app);
      }
    }
    ImGui::EndCombo();
  }
  if (!n.effect_note.empty()) {
    wrapped_disabled(n.effect_note.c_str());
  }
  if (!n.effect) {
    return;
  }
  const ClosureEffectFigures& f = *n.effect;
  ImGui::TextDisabled("%s", f.demand.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("effect", 2, flags)) {
    auto row = [](const char* label, const std::string& value) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(label);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(value.c_str());
    };
    char buf[64];
    row(tr(l, Str::net_effect_points), std::to_string(f.summary.demand_points));
    row(tr(l, Str::net_effect_unchanged), std::to_string(f.summary.unchanged));
    row(tr(l, Str::net_effect_slower), std::to_string(f.summary.slower));
    row(tr(l, Str::net_effect_changed), std::to_string(f.summary.facility_changed));
    row(tr(l, Str::net_effect_cut_off), std::to_string(f.summary.newly_unreachable));
    row(tr(l, Str::net_effect_still_cut_off), std::to_string(f.summary.still_unreachable));
    std::snprintf(buf, sizeof buf, "%.1f / %.1f", f.summary.added_total_s / 60.0,
                  f.summary.added_max_s / 60.0);
    row(tr(l, Str::net_effect_added), buf);
    ImGui::EndTable();
  }
}

}  // namespace

void draw_network_tab(AppState& app, ViewState& view) {
  const Lang l = app.lang;
  draw_status(app, view, l);
  const bool enabled = current_network(app.network) != nullptr;
  ImGui::Spacing();
  const auto sections = std::exchange(view.network_sections_request, std::nullopt);
  auto header = [&](Str title, std::size_t i) {
    if (sections) {
      ImGui::SetNextItemOpen((*sections)[i], ImGuiCond_Always);
    }
    return ImGui::CollapsingHeader(tr(l, title), ImGuiTreeNodeFlags_DefaultOpen);
  };
  if (header(Str::net_route_title, 0)) {
    draw_routes(app, l, enabled);
  }
  if (header(Str::net_sa_title, 1)) {
    draw_service_area(app, l, enabled);
  }
  if (header(Str::net_closures_title, 2)) {
    draw_closures(app, view, l, enabled);
  }
}

}  // namespace caremap::app
