#include "app/damage.hpp"

#include <algorithm>
#include <unordered_map>

namespace caremap::app {

PixelRect unite(const PixelRect& a, const PixelRect& b) {
  if (a.empty()) {
    return b;
  }
  if (b.empty()) {
    return a;
  }
  return PixelRect{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
                   std::max(a.y1, b.y1)};
}

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
  PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
              std::min(a.y1, b.y1)};
  if (r.empty()) {
    return PixelRect{};
  }
  return r;
}

std::optional<PixelRect> draw_list_damage(const std::vector<DrawListSignature>& before,
                                          const std::vector<DrawListSignature>& after,
                                          const PixelRect& window) {
  std::unordered_map<std::uintptr_t, std::size_t> old_index;
  for (std::size_t i = 0; i < before.size(); ++i) {
    old_index.emplace(before[i].identity, i);
  }
  PixelRect damage;
  bool changed = false;
  std::vector<bool> seen(before.size(), false);
  std::size_t last_common = 0;
  bool have_common = false;
  for (const DrawListSignature& s : after) {
    const auto it = old_index.find(s.identity);
    if (it == old_index.end()) {
      damage = unite(damage, s.bounds);
      changed = true;
      continue;
    }
    const std::size_t i = it->second;
    seen[i] = true;
    // Lists present in both frames must keep their relative order, or overlaps change.
    if (have_common && i < last_common) {
      return window;
    }
    have_common = true;
    last_common = i;
    if (before[i].content != s.content || !(before[i].bounds == s.bounds)) {
      damage = unite(damage, unite(before[i].bounds, s.bounds));
      changed = true;
    }
  }
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!seen[i]) {
      damage = unite(damage, before[i].bounds);
      changed = true;
    }
  }
  if (!changed) {
    return std::nullopt;
  }
  return intersect(damage, window);
}

}  // namespace caremap::app
