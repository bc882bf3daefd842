#include "render/label_placer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace caremap::render {

namespace {

// A uniform grid of boxes: each box is registered in every cell it touches, so an overlap test
// looks only at the few boxes near the candidate.
class BoxGrid {
 public:
  BoxGrid(float width, float height, float cell)
      : m_cell(cell),
        m_cols(std::max(1, static_cast<int>(std::ceil(width / cell)))),
        m_rows(std::max(1, static_cast<int>(std::ceil(height / cell)))),
        m_cells(static_cast<std::size_t>(m_cols * m_rows)) {}

  void insert(const ScreenRect& r) {
    const auto index = m_boxes.size();
    m_boxes.push_back(r);
    for_cells(r, [&](std::size_t cell) {
      m_cells[cell].push_back(index);
      return false;
    });
  }

  bool overlaps(const ScreenRect& r) const {
    bool hit = false;
    for_cells(r, [&](std::size_t cell) {
      for (std::size_t i : m_cells[cell]) {
        if (m_boxes[i].intersects(r)) {
          hit = true;
          return true;
        }
      }
      return false;
    });
    return hit;
  }

 private:
  template <class F>
  void for_cells(const ScreenRect& r, F&& f) const {
    const int c0 = std::clamp(static_cast<int>(std::floor(r.x0 / m_cell)), 0, m_cols - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor(r.x1 / m_cell)), 0, m_cols - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor(r.y0 / m_cell)), 0, m_rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor(r.y1 / m_cell)), 0, m_rows - 1);
    for (int row = r0; row <= r1; ++row) {
      for (int col = c0; col <= c1; ++col) {
        if (f(static_cast<std::size_t>(row * m_cols + col))) {
          return;
        }
      }
    }
  }

  float m_cell;
  int m_cols;
  int m_rows;
  std::vector<std::vector<std::size_t>> m_cells;
  std::vector<ScreenRect> m_boxes;
};

ScreenRect box_at(const LabelCandidate& c, LabelPosition p) {
  const float gap = c.offset_px + 2.0f;
  switch (p) {
    case LabelPosition::right:
      return {c.x + gap, c.y - c.height / 2, c.x + gap + c.width, c.y + c.height / 2};
    case LabelPosition::left:
      return {c.x - gap - c.width, c.y - c.height / 2, c.x - gap, c.y + c.height / 2};
    case LabelPosition::above:
      return {c.x - c.width / 2, c.y - gap - c.height, c.x + c.width / 2, c.y - gap};
    case LabelPosition::below:
      return {c.x - c.width / 2, c.y + gap, c.x + c.width / 2, c.y + gap + c.height};
    case LabelPosition::centre:
      return {c.x - c.width / 2, c.y - c.height / 2, c.x + c.width / 2, c.y + c.height / 2};
  }
  return {};
}

ScreenRect grown(const ScreenRect& r, float by) {
  return {r.x0 - by, r.y0 - by, r.x1 + by, r.y1 + by};
}

}  // namespace

std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      const LabelPlacementOptions& options,
                                      std::span<const ScreenRect> obstacles) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (candidates[a].priority != candidates[b].priority) {
      return candidates[a].priority > candidates[b].priority;
    }
    return candidates[a].id < candidates[b].id;
  });

  const float half_pad = options.padding_px / 2.0f;
  BoxGrid placed_grid(options.viewport_w, options.viewport_h, 64.0f);
  BoxGrid obstacle_grid(options.viewport_w, options.viewport_h, 64.0f);
  for (const ScreenRect& o : obstacles) {
    obstacle_grid.insert(o);
  }
  const ScreenRect viewport{0, 0, options.viewport_w, options.viewport_h};

  static constexpr std::array kPointPositions{LabelPosition::right, LabelPosition::left,
                                              LabelPosition::above, LabelPosition::below};
  static constexpr std::array kAreaPositions{LabelPosition::centre};

  std::vector<PlacedLabel> out;
  for (std::size_t i : order) {
    const LabelCandidate& c = candidates[i];
    const std::span<const LabelPosition> positions =
        c.anchor == LabelAnchor::area ? std::span<const LabelPosition>(kAreaPositions)
                                      : std::span<const LabelPosition>(kPointPositions);
    for (LabelPosition p : positions) {
      const ScreenRect box = box_at(c, p);
      const bool inside = box.x0 >= viewport.x0 && box.y0 >= viewport.y0 && box.x1 <= viewport.x1 &&
                          box.y1 <= viewport.y1;
      if (!inside) {
        continue;
      }
      const ScreenRect padded = grown(box, half_pad);
      // Area labels (city names) yield to other labels only: they are few, placed first, and a
      // city without its name is worse than a name across a small symbol.
      const bool blocked = c.anchor == LabelAnchor::point && obstacle_grid.overlaps(box);
      if (placed_grid.overlaps(padded) || blocked) {
        continue;
      }
      placed_grid.insert(padded);
      out.push_back(PlacedLabel{c.id, box, p});
      break;
    }
  }
  return out;
}

}  // namespace caremap::render
