#pragma once
// What is drawn over the GL map with ImGui's draw list: decluttered feature labels with halos,
// the scale bar, the north arrow, the data credits, and (for exported images) a compact legend.
// The same functions draw on screen and into an exported PNG; `scale` is the export's pixel ratio.

#include <imgui.h>

#include <vector>

#include "app/app_state.hpp"
#include "app/fonts.hpp"
#include "render/camera.hpp"

namespace caremap::app {

struct OverlayTarget {
  ImDrawList* list = nullptr;
  ImVec2 origin;  ///< top-left of the map area in the draw list's coordinates
  ImVec2 size;    ///< map area size in pixels
  float scale = 1.0f;
};

/// Places and draws labels of the visible layers whose label rule applies at the camera's
/// detail. Returns the placed labels (boxes in draw-list coordinates).
std::vector<PlacedLabelRecord> draw_labels(AppState& app, const render::Camera& camera,
                                           const OverlayTarget& target, const Fonts& fonts);

void draw_scale_bar(const render::Camera& camera, const OverlayTarget& target, const Fonts& fonts);
void draw_north_arrow(const OverlayTarget& target, const Fonts& fonts, Lang lang);
void draw_credits(const AppState& app, const OverlayTarget& target, const Fonts& fonts, Lang lang);
/// A legend box in the top-left corner (used for exported images).
void draw_legend_box(AppState& app, const OverlayTarget& target, const Fonts& fonts, Lang lang);

/// Text with a halo: the text drawn over eight offset copies in the halo colour.
void draw_halo_text(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 text, ImU32 halo,
                    const char* begin, const char* end = nullptr, float halo_px = 1.2f);

}  // namespace caremap::app
