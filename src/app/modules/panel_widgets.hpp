#pragma once
// Small widgets the modules' panel sections share (ImGui, inside a frame).

#include <imgui.h>

#include <string>
#include <vector>

#include "app/panels.hpp"
#include "core/category.hpp"

namespace caremap::app {

inline const ImVec4 kPanelWarning(0.80f, 0.33f, 0.0f, 1.0f);
/// The frame of a value the user typed over the data's (a drill leader's free beds).
inline const ImVec4 kPanelEditedField(0.99f, 0.89f, 0.62f, 1.0f);
inline const ImVec4 kPanelActive(0.0f, 0.45f, 0.70f, 1.0f);

/// Quiet wrapped text: hints and notes.
void wrapped_quiet(const char* text);

/// The reason shown on a travel-time control disabled for want of a road network.
void disabled_reason(bool enabled, Lang l);

/// Keeps a category choice on one present in the loaded facility layers.
void keep_present(core::Category& c, const std::vector<core::Category>& present);

/// A combo over the present facility categories; true when the choice changed.
bool category_combo(const char* label, core::Category& c,
                    const std::vector<core::Category>& present, Lang l);

/// "1.23 km" / "850 m".
std::string distance_text(double m);

/// The "pick on the map" button, or the picking hint while picking; true when pressed.
bool pick_button(bool picking, Lang l);

}  // namespace caremap::app
