#include "app/recovery_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

namespace caremap::app {

std::optional<bool> draw_recovery_dialog(const SessionRecord& crashed, Lang l,
                                         const ViewState& view) {
  const std::string id = std::string(tr(l, Str::recover_title)) + "###recover";
  if (!ImGui::IsPopupOpen(id.c_str())) {
    ImGui::OpenPopup(id.c_str());
  }
  ImGui::SetNextWindowPos(ImVec2(view.window_w / 2, view.window_h / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, view.window_w - 40), 0.0f));
  if (!ImGui::BeginPopupModal(
          id.c_str(), nullptr,
          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse)) {
    return std::nullopt;
  }
  const ProjectState& p = crashed.project;
  ImGui::TextWrapped("%s", tr(l, Str::recover_question));
  ImGui::Spacing();
  ImGui::Text("%s: %s", tr(l, Str::recover_region),
              p.region.empty() ? "-" : std::filesystem::path(p.region).stem().c_str());
  ImGui::Text("%s: %s", tr(l, Str::recover_saved_at), crashed.saved_at.c_str());
  const auto shown = std::count_if(p.layer_visible.begin(), p.layer_visible.end(),
                                   [](const auto& v) { return v.second; });
  char contents[256];
  std::snprintf(contents, sizeof contents, tr(l, Str::recover_contents_format),
                static_cast<int>(shown), static_cast<int>(p.closures.size()),
                static_cast<int>(p.plan_add.size()));
  ImGui::TextDisabled("%s", contents);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  std::optional<bool> answer;
  if (ImGui::Button(tr(l, Str::recover_yes))) {
    answer = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::recover_no))) {
    answer = false;
  }
  if (answer) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return answer;
}

}  // namespace caremap::app
