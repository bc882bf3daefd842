#include <imgui.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "app/category_title.hpp"
#include "app/panels.hpp"

namespace caremap::app {

namespace {

// Attributes worth showing first in a tooltip: a known quirk of the feature (注記, from the
// project file's marks), address, capacity, departments, type, then the home-care offices'
// number, telephone and operator.
int attribute_rank(const std::string& name) {
  static constexpr std::array<std::string_view, 13> kPreferred{
      "注記",       "所在地",     "住所",       "定員",     "病床",     "診療科目", "種別",
      "受入対象者", "病院の役割", "事業所番号", "電話番号", "運営法人", "URL"};
  for (std::size_t i = 0; i < kPreferred.size(); ++i) {
    if (name.find(kPreferred[i]) != std::string::npos) {
      return static_cast<int>(i);
    }
  }
  return 100;
}

void feature_summary(const LayerEntry& e, core::FeatureId id, Lang l, std::size_t max_fields) {
  const core::Layer& layer = *e.layer;
  const core::Feature& f = layer[id];
  ImGui::TextUnformatted(layer.display_name(id).c_str());
  ImGui::TextDisabled(
      "%s · %s", e.title.c_str(),
      category_title(f.category == core::Category::other ? layer.category : f.category, l).c_str());
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    if (layer.name_field && *layer.name_field == i) {
      continue;
    }
    if (i < f.values.size() && !core::to_text(f.values[i]).empty()) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return attribute_rank(layer.fields[a].name) < attribute_rank(layer.fields[b].name);
  });
  if (order.size() > max_fields) {
    order.resize(max_fields);
  }
  if (order.empty()) {
    return;
  }
  for (std::size_t i : order) {
    ImGui::TextDisabled("%s", layer.fields[i].name.c_str());
    ImGui::Indent(12.0f);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(core::to_text(f.values[i]).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Unindent(12.0f);
  }
}

}  // namespace

void centre_on_selection(AppState& app, ViewState& view, double max_m_per_px) {
  const std::optional<core::XY> p = selection_position(app);
  if (!p) {
    return;
  }
  view.camera.set_center(*p);
  if (view.camera.meters_per_pixel() > max_m_per_px) {
    view.camera.set_meters_per_pixel(max_m_per_px);
  }
}

void draw_hover_tooltip(AppState& app, ViewState&) {
  if (!app.hover) {
    return;
  }
  LayerEntry* e = find_layer(app, app.hover->layer_uid);
  if (e == nullptr || !e->layer || app.hover->feature.value >= e->layer->size()) {
    return;
  }
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
  feature_summary(*e, app.hover->feature, app.lang, 4);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void draw_inspector_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_inspector) {
    return;
  }
  const Lang l = app.lang;
  const float avail_h = view.window_h - layout.menu_h - layout.status_h;
  const float h = view.show_analysis ? avail_h * 0.42f : avail_h;
  ImGui::SetNextWindowPos(ImVec2(view.window_w - layout.right_w, layout.menu_h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, h), ImGuiCond_Always);
  ImGui::Begin(tr(l, Str::panel_inspector), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  LayerEntry* e = app.selection ? find_layer(app, app.selection->layer_uid) : nullptr;
  if (e == nullptr || !e->layer || app.selection->feature.value >= e->layer->size()) {
    text_wrapped(tr(l, Str::inspector_hint), TextTone::quiet);
    ImGui::End();
    return;
  }
  if (ImGui::SmallButton(tr(l, Str::inspector_centre))) {
    centre_on_selection(app, view);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(l, Str::inspector_clear))) {
    app.selection.reset();
    ImGui::End();
    return;
  }
  ImGui::Separator();
  feature_summary(*e, app.selection->feature, l, 64);
  ImGui::End();
}

}  // namespace caremap::app
