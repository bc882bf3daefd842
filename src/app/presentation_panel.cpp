// The views panel (add, rename, reorder, delete, show, save the saved views) and presentation
// mode's frame: the keys that step the slides and the title band with the slide number. The map,
// its legend box and the credit plate are drawn by the viewer as for any frame.

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "app/panels.hpp"
#include "app/presentation.hpp"
#include "core/error.hpp"

namespace caremap::app {

void update_presentation_layout(ViewState& view) {
  view.map_rect.x = 0.0f;
  view.map_rect.y = kSlideBandHeight;
  view.map_rect.width = std::max(64.0f, view.window_w);
  view.map_rect.height = std::max(64.0f, view.window_h - kSlideBandHeight);
}

void draw_presentation(AppState& app, ViewState& view, const Fonts& fonts) {
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) ||
      ImGui::IsKeyPressed(GLFW_KEY_SPACE)) {
    step_slide(app, view, +1);
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP)) {
    step_slide(app, view, -1);
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
    stop_presentation(view);
    return;
  }
  const std::vector<io::SavedView> all = slides(app);
  const io::SavedView& v = all[static_cast<std::size_t>(view.presentation.slide)];
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  const ImU32 band = IM_COL32(kSlideBand[0], kSlideBand[1], kSlideBand[2], kSlideBand[3]);
  list->AddRectFilled(ImVec2(0, 0), ImVec2(view.window_w, kSlideBandHeight), band);
  // The slide number at the right, in the band's own light blue; the title takes what is left.
  char number[32];
  std::snprintf(number, sizeof number, "%d / %zu", view.presentation.slide + 1, all.size());
  const float number_size = 28.0f;
  const ImVec2 number_extent = fonts.slide->CalcTextSizeA(number_size, 1e9f, 0.0f, number);
  const float right = view.window_w - 28.0f;
  list->AddText(fonts.slide, number_size, ImVec2(right - number_extent.x, 16.0f),
                IM_COL32(190, 210, 232, 255), number);
  const float title_size = 40.0f;
  const float title_w = right - number_extent.x - 40.0f - 28.0f;
  const std::string title = v.title.empty() ? app.region_name : v.title;
  list->PushClipRect(ImVec2(28.0f, 0), ImVec2(28.0f + title_w, kSlideBandHeight), true);
  list->AddText(fonts.slide, title_size, ImVec2(28.0f, (kSlideBandHeight - title_size) / 2 - 2),
                IM_COL32(255, 255, 255, 255), title.c_str());
  list->PopClipRect();
  const char* hint = tr(app.lang, Str::present_hint);
  const ImVec2 hint_extent = fonts.ui->CalcTextSizeA(13.0f, 1e9f, 0.0f, hint);
  list->AddText(fonts.ui, 13.0f, ImVec2(right - hint_extent.x, kSlideBandHeight - 24.0f),
                IM_COL32(150, 172, 198, 255), hint);
}

void draw_views_panel(AppState& app, ViewState& view) {
  PresentationState& p = view.presentation;
  if (!p.show_panel) {
    return;
  }
  const Lang l = app.lang;
  ImGui::SetNextWindowPos(ImVec2(view.map_rect.x + 16, view.map_rect.y + 16), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(440, 380), ImGuiCond_Appearing);
  if (!ImGui::Begin(tr(l, Str::views_title), &p.show_panel, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  if (app.views.empty()) {
    ImGui::TextWrapped("%s", tr(l, Str::views_none));
  }
  for (std::size_t i = 0; i < app.views.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    char label[32];
    std::snprintf(label, sizeof label, "%zu.", i + 1);
    if (ImGui::Selectable(label, p.selected == static_cast<int>(i), 0, ImVec2(28, 0))) {
      p.selected = static_cast<int>(i);
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    std::string title = app.views[i].title;
    if (ImGui::InputText("##title", &title)) {
      app.views[i].title = title;
    }
    if (ImGui::IsItemActivated()) {
      p.selected = static_cast<int>(i);
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      rename_view(app, i, title);  // the slide font gets the new title's glyphs
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  if (ImGui::Button(tr(l, Str::views_add))) {
    p.selected = static_cast<int>(add_view(app, view));
  }
  const bool chosen = p.selected >= 0 && p.selected < static_cast<int>(app.views.size());
  if (!chosen) {
    ImGui::BeginDisabled();
  }
  const auto i = static_cast<std::size_t>(std::max(0, p.selected));
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::views_show))) {
    apply_view(app, view, app.views[i]);
    view.presentation.layers.clear();  // not presenting: the panels own visibility again
  }
  ImGui::SameLine();
  if (ImGui::ArrowButton("up", ImGuiDir_Up)) {
    move_view(app, i, -1);
    p.selected = std::max(0, p.selected - 1);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", tr(l, Str::views_up));
  }
  ImGui::SameLine();
  if (ImGui::ArrowButton("down", ImGuiDir_Down)) {
    move_view(app, i, +1);
    p.selected = std::min(static_cast<int>(app.views.size()) - 1, p.selected + 1);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", tr(l, Str::views_down));
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::views_delete))) {
    remove_view(app, i);
    p.selected = -1;
  }
  if (!chosen) {
    ImGui::EndDisabled();
  }
  if (ImGui::Button(tr(l, Str::views_present))) {
    start_presentation(app, view, chosen ? p.selected : 0);
  }
  ImGui::SameLine();
  if (app.project_file.empty()) {
    ImGui::BeginDisabled();
  }
  if (ImGui::Button(tr(l, Str::views_save))) {
    try {
      save_views(app);
      p.message = std::string(tr(l, Str::export_saved)) + ": " + app.project_file.string();
    } catch (const core::Error& e) {
      p.message = e.what();
    }
  }
  if (app.project_file.empty()) {
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", tr(l, Str::views_no_project));
  }
  if (!p.message.empty()) {
    ImGui::TextWrapped("%s", p.message.c_str());
  }
  ImGui::End();
}

}  // namespace caremap::app
