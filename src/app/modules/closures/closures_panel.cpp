// The closures section of the network tab: draw or load closures, the list, the closed roads and
// what the closures change for the demand.

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <optional>
#include <utility>

#include "app/facility_layers.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/panel_widgets.hpp"
#include "app/network_jobs.hpp"

namespace caremap::app {

namespace {

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

}  // namespace

void ClosuresModule::draw_panel(AppState& app, ViewState& view) {
  const Lang l = app.lang;
  const bool enabled = current_network(app.network) != nullptr;
  NetworkState& n = app.network;
  ClosuresState& s = state;
  ClosureEditor& editor = view.closure_editor;
  wrapped_quiet(tr(l, Str::net_closure_hint));
  ImGui::PushID("closures");
  if (editor.active()) {
    ImGui::TextColored(kPanelActive, "%s", tr(l, Str::net_drawing));
    wrapped_quiet(tr(l, Str::net_drawing_keys));
    if (editor.problem() == ClosureEditor::Problem::too_few_vertices) {
      ImGui::TextColored(kPanelWarning, "%s", tr(l, Str::net_too_few_vertices));
    } else if (editor.problem() == ClosureEditor::Problem::self_intersecting) {
      ImGui::TextColored(kPanelWarning, "%s", tr(l, Str::net_self_intersecting));
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
      stop_all_picking(app);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(l, Str::net_draw_line))) {
      editor.start(ClosureKind::line);
      stop_all_picking(app);
    }
    if (ImGui::Button(tr(l, Str::net_draw_slowdown))) {
      editor.start(ClosureKind::slowdown, view.slowdown_factor);
      stop_all_picking(app);
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
    wrapped_quiet(tr(l, Str::net_disabled_no_network));
    return;
  }
  ImGui::Text(tr(l, Str::net_closed_count), s.closed_arcs);
  // What the closures change for the demand: the clicked place or a point layer.
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(l, Str::net_effect));
  std::string demand_label = tr(l, Str::net_clicked_point);
  if (LayerEntry* e = find_layer(app, s.effect_demand_uid)) {
    demand_label = e->title;
  }
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(tr(l, Str::net_demand), demand_label.c_str())) {
    if (ImGui::Selectable(tr(l, Str::net_clicked_point), s.effect_demand_uid == 0)) {
      s.effect_demand_uid = 0;
      start_closure_effect(app);
    }
    for (const LayerEntry& e : app.layers) {
      if (e.layer && !e.is_result && !core::is_facility(e.layer->category) &&
          e.layer->category != core::Category::boundary &&
          e.layer->category != core::Category::road) {
        if (ImGui::Selectable(e.title.c_str(), s.effect_demand_uid == e.uid)) {
          s.effect_demand_uid = e.uid;
          start_closure_effect(app);
        }
      }
    }
    ImGui::EndCombo();
  }
  keep_present(s.effect_category, facility_categories(app));
  if (category_combo(tr(l, Str::net_effect_category), s.effect_category, facility_categories(app),
                     l)) {
    start_closure_effect(app);
  }
  if (!s.effect_note.empty()) {
    wrapped_quiet(s.effect_note.c_str());
  }
  if (!s.effect) {
    return;
  }
  const ClosureEffectFigures& f = *s.effect;
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

}  // namespace caremap::app
