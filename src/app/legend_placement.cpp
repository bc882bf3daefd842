#include "app/legend_placement.hpp"

namespace caremap::app {

std::size_t least_covered(std::span<const render::ScreenRect> candidates,
                          std::span<const render::ScreenPoint> points) {
  std::size_t best = 0;
  std::size_t best_count = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const render::ScreenRect& r = candidates[i];
    std::size_t count = 0;
    for (const render::ScreenPoint& p : points) {
      count += p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1 ? 1 : 0;
    }
    if (count < best_count) {
      best = i;
      best_count = count;
    }
  }
  return best;
}

}  // namespace caremap::app
