#pragma once
// The legend's content, derived from the same symbology the renderer draws with: one entry per
// symbol class of each visible layer, top layer first, with the icon kind matching the layer's
// geometry. Pure data so the legend panel and the exported legend box agree.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.hpp"

namespace caremap::app {

enum class IconKind { point, line, fill };

struct LegendItem {
  IconKind icon = IconKind::point;
  style::Symbol symbol;
  std::string label;
  std::size_t count = 0;
};

struct LegendGroup {
  std::string title;  ///< the layer's title
  std::vector<LegendItem> items;
};

/// The geometry kind that dominates a layer (most features). O(features).
IconKind icon_kind(const core::Layer& layer);
/// The same for an entry's layer, cached per layer version (panels ask every frame).
IconKind icon_kind(LayerEntry& e);

/// The legend of the visible vector layers, top of the drawing order first.
std::vector<LegendGroup> legend_model(AppState& app, Lang lang);

/// `text` cut at a UTF-8 character boundary and ended with "…" so that `width_of` it is at most
/// `max_width`; unchanged when it fits. `width_of` measures a string (the UI font's width).
/// Keeps legend labels out of the count column.
std::string ellipsize(std::string_view text, float max_width,
                      const std::function<float(std::string_view)>& width_of);

}  // namespace caremap::app
