#include "app/facility_table.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/category_title.hpp"
#include "app/symbol_icons.hpp"
#include "style/style.hpp"

namespace caremap::app {

void CategoryHeadings::before_row(core::Category category) {
  if (m_current == category) {
    return;
  }
  m_current = category;
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const style::Symbol sym = style::default_symbol(category);
  // Large symbols shrink to the row height; small ones keep their map size.
  draw_point_icon(ImGui::GetWindowDrawList(), ImVec2(p.x + 9, p.y + 9), sym.point,
                  std::min(1.0f, 14.0f / sym.point.size_px));
  ImGui::TableSetColumnIndex(1);
  ImGui::TextDisabled("%s", symbol_title(sym, m_lang).c_str());
}

void facility_row(std::uint32_t rank, const std::string& name) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::Text("%u", rank);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(name.c_str());
}

}  // namespace caremap::app
