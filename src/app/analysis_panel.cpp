// The analysis panel: a tab per ModuleTab, each the sections of its registered modules
// (app/modules/registry.cpp) in registration order; the network tab starts with the network's
// own state (network_panel.cpp).

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "app/modules/analysis_module.hpp"
#include "app/panels.hpp"

namespace caremap::app {

void draw_module_sections(AppState& app, ViewState& view, ModuleTab tab) {
  const Lang l = app.lang;
  // A scripted run opens the sections it uses (the panel is not scrolled in a screenshot).
  // They are taken by the tab that holds one of them.
  std::optional<std::vector<std::string>> open;
  if (view.open_sections && std::any_of(app.modules.begin(), app.modules.end(), [&](const auto& m) {
        return m->tab() == tab && std::find(view.open_sections->begin(), view.open_sections->end(),
                                            m->id()) != view.open_sections->end();
      })) {
    open = std::exchange(view.open_sections, std::nullopt);
  }
  bool first = true;
  for (const auto& m : app.modules) {
    if (m->tab() != tab) {
      continue;
    }
    if (!first) {
      ImGui::Spacing();
    }
    first = false;
    if (open) {
      const bool wanted = std::find(open->begin(), open->end(), m->id()) != open->end();
      ImGui::SetNextItemOpen(wanted, ImGuiCond_Always);
    }
    ImGui::PushID(m.get());
    if (ImGui::CollapsingHeader(m->title(l), ImGuiTreeNodeFlags_DefaultOpen)) {
      m->draw_panel(app, view);
    }
    ImGui::PopID();
  }
}

void draw_analysis_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_analysis) {
    return;
  }
  const Lang l = app.lang;
  const float avail_h = view.window_h - layout.menu_h - layout.status_h;
  const float top = view.show_inspector ? layout.menu_h + avail_h * 0.42f : layout.menu_h;
  ImGui::SetNextWindowPos(ImVec2(view.window_w - layout.right_w, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.menu_h + avail_h - top), ImGuiCond_Always);
  ImGui::Begin(tr(l, Str::panel_analysis), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTabBar("analysis_tabs")) {
    const std::optional<int> request = std::exchange(view.analysis_tab_request, std::nullopt);
    auto flags = [&](int tab) {
      return request == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabItem(tr(l, Str::analysis_tab_basic), nullptr, flags(0))) {
      draw_module_sections(app, view, ModuleTab::basic);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(l, Str::analysis_tab_network), nullptr, flags(1))) {
      draw_network_tab(app, view);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace caremap::app
