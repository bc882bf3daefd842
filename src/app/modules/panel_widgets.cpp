#include "app/modules/panel_widgets.hpp"

#include <algorithm>
#include <cstdio>

#include "app/category_title.hpp"

namespace caremap::app {

void wrapped_quiet(const char* text) {
  text_wrapped(text, TextTone::quiet);
}

void disabled_reason(bool enabled, Lang l) {
  if (!enabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", tr(l, Str::net_disabled_no_network));
  }
}

void keep_present(core::Category& c, const std::vector<core::Category>& present) {
  if (!present.empty() && std::find(present.begin(), present.end(), c) == present.end()) {
    c = present.front();
  }
}

bool category_combo(const char* label, core::Category& c,
                    const std::vector<core::Category>& present, Lang l) {
  bool changed = false;
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(label, category_title(c, l).c_str())) {
    for (core::Category option : present) {
      if (ImGui::Selectable(category_title(option, l).c_str(), option == c)) {
        changed = option != c;
        c = option;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

std::string distance_text(double m) {
  char buf[32];
  if (m >= 1000.0) {
    std::snprintf(buf, sizeof buf, "%.2f km", m / 1000.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f m", m);
  }
  return buf;
}

bool pick_button(bool picking, Lang l) {
  if (picking) {
    ImGui::TextColored(kPanelActive, "%s", tr(l, Str::analysis_picking));
    return false;
  }
  return ImGui::Button(tr(l, Str::analysis_pick));
}

}  // namespace caremap::app
