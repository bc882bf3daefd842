#pragma once
// Label decluttering: greedy placement by priority. Pure CPU, no GL and no fonts: the caller
// measures the text (the viewer with its font, a print layout with Cairo) and draws what is placed.
//
// Candidates are taken in decreasing priority (ties: lower id first, so placement is stable from
// frame to frame); each tries its positions in order (right of the symbol, left, above, below, or
// centred for area labels) and takes the first whose box lies inside the viewport and overlaps no
// box already placed nor any obstacle. Complexity about O(n log n) with a uniform grid for the
// overlap test.

#include <cstddef>
#include <span>
#include <vector>

namespace caremap::render {

/// Axis-aligned box in screen pixels, y down, [x0, x1) x [y0, y1).
struct ScreenRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool intersects(const ScreenRect& o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
};

enum class LabelAnchor { point, area };

struct LabelCandidate {
  std::size_t id = 0;           ///< the caller's reference (e.g. index into its feature list)
  int priority = 0;             ///< higher is placed first
  float x = 0, y = 0;           ///< anchor in screen pixels (symbol centre or area label point)
  float width = 0, height = 0;  ///< text box size in pixels
  float offset_px = 0;          ///< gap between anchor and text for point labels (symbol radius)
  LabelAnchor anchor = LabelAnchor::point;
};

enum class LabelPosition { right, left, above, below, centre };

struct PlacedLabel {
  std::size_t id = 0;
  ScreenRect box;  ///< where the text goes
  LabelPosition position = LabelPosition::right;
};

struct LabelPlacementOptions {
  float viewport_w = 0;
  float viewport_h = 0;
  float padding_px = 2.0f;  ///< minimum free space kept around each placed label
};

/// Places as many candidates as fit without overlap. The result is in placement order (highest
/// priority first); no two result boxes (grown by padding_px/2 each) overlap, and no point label
/// overlaps an obstacle (area labels ignore obstacles: a city keeps its name).
std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      const LabelPlacementOptions& options,
                                      std::span<const ScreenRect> obstacles = {});

}  // namespace caremap::render
