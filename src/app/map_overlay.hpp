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

/// Labels placed for one view, kept until the view or the labelled layers change: placement
/// queries every visible feature and measures every name, which is wasted work while the map
/// stands still and the user works in the panels.
struct LabelCache {
  struct Label {
    std::string text;
    ImFont* font = nullptr;
    float size = 0;
    ImVec2 pos;  ///< text origin relative to the target's origin
    ImU32 text_colour = 0;
    ImU32 halo_colour = 0;
    bool bold = false;
    PlacedLabelRecord record;  ///< box relative to the target's origin
  };
  std::uint64_t key = 0;
  std::vector<Label> labels;
};

/// Places and draws labels of the visible layers whose label rule applies at the camera's
/// detail. Returns the placed labels (boxes in draw-list coordinates). With a cache, placement
/// is reused while the camera, target, fonts and labelled layers are unchanged.
std::vector<PlacedLabelRecord> draw_labels(AppState& app, const render::Camera& camera,
                                           const OverlayTarget& target, const Fonts& fonts,
                                           LabelCache* cache = nullptr);

void draw_scale_bar(const render::Camera& camera, const OverlayTarget& target, const Fonts& fonts);
void draw_north_arrow(const OverlayTarget& target, const Fonts& fonts, Lang lang);
void draw_credits(const AppState& app, const OverlayTarget& target, const Fonts& fonts, Lang lang);
/// A legend box (for exported images) in the corner where it hides the fewest symbols of the
/// visible layers (see legend_placement.hpp).
void draw_legend_box(AppState& app, const render::Camera& camera, const OverlayTarget& target,
                     const Fonts& fonts, Lang lang);

/// Text with a halo: the text drawn over eight offset copies in the halo colour.
void draw_halo_text(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 text, ImU32 halo,
                    const char* begin, const char* end = nullptr, float halo_px = 1.2f);

}  // namespace caremap::app
