#pragma once
// Which part of the window must be drawn again: the viewer keeps the last composed frame and
// redraws only the rectangle where something changed (the map, or the draw list of a panel, a
// tooltip, the labels). On a software rasteriser every panel pixel costs a textured, blended
// fragment, so a frame in which only the status bar changed should not repaint the panels.
//
// A frame is described by the signatures of its draw lists (one per ImGui window plus the
// background and foreground lists): an identity stable across frames, a hash of the content and
// the bounds of what it draws. Pure data, so the rule is unit-tested without a window.

#include <cstdint>
#include <optional>
#include <vector>

namespace caremap::app {

/// A rectangle in window pixels, [x0, x1) x [y0, y1).
struct PixelRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return !(x1 > x0 && y1 > y0); }
  friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

/// The smallest rectangle holding both (an empty one is ignored).
PixelRect unite(const PixelRect& a, const PixelRect& b);
/// The overlap (possibly empty).
PixelRect intersect(const PixelRect& a, const PixelRect& b);

struct DrawListSignature {
  std::uintptr_t identity = 0;  ///< the same window keeps it from frame to frame
  std::uint64_t content = 0;    ///< hash of vertices, indices, commands and clip rectangles
  PixelRect bounds;             ///< what it can touch: its vertices clipped to its clip rects
  friend bool operator==(const DrawListSignature&, const DrawListSignature&) = default;
};

/// What changed between two frames' draw lists (in drawing order): the bounds, before and after,
/// of every list that appeared, disappeared or changed content. When lists present in both
/// frames changed their order (a window came to the front), the whole `window`.
/// nullopt when nothing changed.
std::optional<PixelRect> draw_list_damage(const std::vector<DrawListSignature>& before,
                                          const std::vector<DrawListSignature>& after,
                                          const PixelRect& window);

}  // namespace caremap::app
