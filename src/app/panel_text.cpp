#include <imgui.h>

#include "app/panels.hpp"
#include "app/text_wrap.hpp"

namespace caremap::app {

void text_wrapped(const char* text, TextTone tone) {
  const float width = ImGui::GetContentRegionAvail().x;
  const auto lines = wrap_text(text, width, [](std::string_view s) {
    return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
  });
  const ImGuiStyle& style = ImGui::GetStyle();
  ImVec4 colour = style.Colors[ImGuiCol_Text];
  if (tone == TextTone::quiet) {
    colour = style.Colors[ImGuiCol_TextDisabled];
  } else if (tone == TextTone::warning) {
    colour = ImVec4(0.80f, 0.33f, 0.0f, 1.0f);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  for (const std::string& line : lines) {
    ImGui::TextUnformatted(line.c_str());
  }
  ImGui::PopStyleColor();
}

}  // namespace caremap::app
