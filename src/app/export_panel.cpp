#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/panels.hpp"

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
  ImGui::InputInt(tr(l, Str::export_width), &view.export_png.width, 500, 1000);
  view.export_png.width = std::clamp(view.export_png.width, 256, 8000);
  const float aspect = view.map_rect.height / std::max(1.0f, view.map_rect.width);
  ImGui::TextDisabled("%d × %d px", view.export_png.width,
                      static_cast<int>(static_cast<float>(view.export_png.width) * aspect));
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
