#pragma once
// Legend icons drawn with ImGui's draw list from the same style::Symbol the GPU draws from, so
// the legend always shows what the map shows.

#include <imgui.h>

#include "style/style.hpp"

namespace caremap::app {

ImU32 to_imgui(style::Rgba c);

/// A point symbol centred at `centre`; `scale` multiplies its pixel size.
void draw_point_icon(ImDrawList* list, ImVec2 centre, const style::PointSymbol& symbol,
                     float scale = 1.0f);
/// A square patch for an area symbol, `size` pixels wide.
void draw_fill_icon(ImDrawList* list, ImVec2 top_left, float size, const style::FillSymbol& fill);
/// A short horizontal stroke for a line symbol.
void draw_line_icon(ImDrawList* list, ImVec2 top_left, float size, const style::LineSymbol& line);

}  // namespace caremap::app
