#include <imgui.h>

#include "app/panels.hpp"
#include "app/presentation.hpp"

namespace caremap::app {

void draw_menu_bar(AppState& app, ViewState& view, float* height_out) {
  const Lang l = app.lang;
  if (ImGui::BeginMainMenuBar()) {
    if (ImGui::BeginMenu(tr(l, Str::menu_file))) {
      if (ImGui::MenuItem(tr(l, Str::menu_export_png))) {
        view.show_export = true;
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(l, Str::menu_view))) {
      if (ImGui::MenuItem(tr(l, Str::menu_fit_all))) {
        view.fit_request = fit_bounds(app);
      }
      if (ImGui::MenuItem(tr(l, Str::menu_fit_selection), nullptr, false,
                          app.selection.has_value())) {
        centre_on_selection(app, view);
      }
      ImGui::Separator();
      ImGui::MenuItem(tr(l, Str::panel_layers), nullptr, &view.show_layers);
      ImGui::MenuItem(tr(l, Str::panel_legend), nullptr, &view.show_legend);
      ImGui::MenuItem(tr(l, Str::panel_inspector), nullptr, &view.show_inspector);
      ImGui::MenuItem(tr(l, Str::panel_analysis), nullptr, &view.show_analysis);
      ImGui::MenuItem(tr(l, Str::panel_table), nullptr, &view.show_table);
      ImGui::MenuItem(tr(l, Str::views_title), nullptr, &view.presentation.show_panel);
      ImGui::Separator();
      if (ImGui::MenuItem(tr(l, Str::views_present), "F5")) {
        start_presentation(app, view, 0);
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(l, Str::menu_language))) {
      if (ImGui::MenuItem("日本語", nullptr, app.lang == Lang::ja)) {
        app.lang = Lang::ja;
      }
      if (ImGui::MenuItem("English", nullptr, app.lang == Lang::en)) {
        app.lang = Lang::en;
      }
      ImGui::EndMenu();
    }
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(app.region_name.c_str()).x - 16);
    ImGui::TextDisabled("%s", app.region_name.c_str());
    *height_out = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
  }
}

}  // namespace caremap::app
