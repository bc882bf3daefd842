#include <imgui.h>

#include "app/legend_model.hpp"
#include "app/panels.hpp"
#include "app/symbol_icons.hpp"

namespace caremap::app {

void draw_legend_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_legend) {
    return;
  }
  const Lang l = app.lang;
  const float avail_h = view.window_h - layout.menu_h - layout.status_h;
  const float top = view.show_layers ? layout.menu_h + avail_h * 0.56f : layout.menu_h;
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.menu_h + avail_h - top), ImGuiCond_Always);
  ImGui::Begin(tr(l, Str::panel_legend), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  const auto groups = legend_model(app, l);
  if (groups.empty()) {
    ImGui::TextDisabled("%s", tr(l, Str::legend_empty));
  }
  const float icon = 18.0f;
  for (const LegendGroup& g : groups) {
    if (!g.title.empty()) {
      ImGui::Spacing();
      ImGui::TextDisabled("%s", g.title.c_str());
    }
    for (const LegendItem& item : g.items) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImDrawList* list = ImGui::GetWindowDrawList();
      switch (item.icon) {
        case IconKind::point:
          draw_point_icon(list, ImVec2(p.x + 4 + icon / 2, p.y + icon / 2), item.symbol.point,
                          std::min(1.0f, icon / std::max(1.0f, item.symbol.point.size_px)));
          break;
        case IconKind::line:
          draw_line_icon(list, ImVec2(p.x + 4, p.y + 2), icon, item.symbol.line);
          break;
        case IconKind::fill:
          draw_fill_icon(list, ImVec2(p.x + 4, p.y + 3), icon, item.symbol.fill);
          break;
      }
      ImGui::Dummy(ImVec2(icon + 10, icon));
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      // Long labels (a national file's name, 定期巡回・随時対応型訪問介護看護) end in "…" before
      // the count column; the whole label shows on hover.
      const float count_x = layout.left_w - 64;
      const float label_x = ImGui::GetCursorPosX();
      const std::string shown = ellipsize(
          item.label, count_x - label_x - 10.0f,
          [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; });
      ImGui::TextUnformatted(shown.c_str());
      if (shown != item.label && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", item.label.c_str());
      }
      ImGui::SameLine(count_x);
      ImGui::TextDisabled("%zu", item.count);
    }
  }
  ImGui::End();
}

}  // namespace caremap::app
