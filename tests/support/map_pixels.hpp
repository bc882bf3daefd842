#pragma once
// Where a world point lands on a rendered report page, and whether a pixel there has a colour:
// the pixel checks of the report tests (a symbol drawn at its place, a zone filled).

#include <array>
#include <cstddef>
#include <cstdlib>
#include <utility>

#include "core/geometry.hpp"
#include "report/render_report.hpp"
#include "style/style.hpp"

namespace caremap::test {

/// The page point (points, y down) of world point `p` on the placed map `m`.
inline std::pair<double, double> page_point(const report::PlacedMap& m, core::XY p) {
  const auto& w = m.world;
  const double fx = (p.x - w.min_corner().x) / (w.max_corner().x - w.min_corner().x);
  const double fy = (w.max_corner().y - p.y) / (w.max_corner().y - w.min_corner().y);
  return {m.x_pt + fx * m.width_pt, m.y_pt + fy * m.height_pt};
}

/// The map placed on `page` (1-based) of a rendered report; nullptr when the page has none.
inline const report::PlacedMap* map_on_page(const report::RenderedReport& rendered,
                                            std::size_t page) {
  for (const report::PlacedMap& m : rendered.maps) {
    if (m.page == page) {
      return &m;
    }
  }
  return nullptr;
}

/// True when every channel of `px` is within `tolerance` of `c`'s.
inline bool near_colour(std::array<int, 3> px, style::Rgba c, int tolerance) {
  return std::abs(px[0] - c.r) <= tolerance && std::abs(px[1] - c.g) <= tolerance &&
         std::abs(px[2] - c.b) <= tolerance;
}

}  // namespace caremap::test
