#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "app/panels.hpp"
#include "render/map_renderer.hpp"

namespace caremap::app {

void draw_export_panel(AppState& app, ViewState& view, ExportRequest& request) {
  if (!view.show_export) {
    return;
  }
  const Lang l = app.lang;
  ImGui::SetNextWindowPos(
      ImVec2(view.map_rect.x + view.map_rect.width / 2, view.map_rect.y + view.map_rect.height / 2),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_Appearing);
  ImGui::Begin(tr(l, Str::export_png_title), &view.show_export, ImGuiWindowFlags_NoCollapse);
  // The GL's limit (llvmpipe: 16384), and no more than 8000 either way: a slide or an A1 poster
  // at 200 dpi needs less.
  const int limit = std::min(8000, render::max_offscreen_size());
  const float aspect = view.map_rect.height / std::max(1.0f, view.map_rect.width);
  if (view.export_png.height <= 0) {
    view.export_png.height =
        static_cast<int>(std::lround(static_cast<float>(view.export_png.width) * aspect));
  }
  ImGui::InputInt(tr(l, Str::export_width), &view.export_png.width, 500, 1000);
  ImGui::InputInt(tr(l, Str::export_height), &view.export_png.height, 500, 1000);
  view.export_png.width = std::clamp(view.export_png.width, 256, limit);
  view.export_png.height = std::clamp(view.export_png.height, 256, limit);
  if (ImGui::SmallButton(tr(l, Str::export_fit_aspect))) {
    view.export_png.height =
        static_cast<int>(std::lround(static_cast<float>(view.export_png.width) * aspect));
  }
  ImGui::SameLine();
  ImGui::TextDisabled(tr(l, Str::export_limit), limit);
  ImGui::InputText(tr(l, Str::export_path), &view.export_png.path);
  if (ImGui::Button(tr(l, Str::export_save))) {
    request.requested = true;
  }
  if (!view.export_png.message.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", view.export_png.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace caremap::app
