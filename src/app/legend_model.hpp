#pragma once
// The legend's content, derived from the same symbology the renderer draws with: one entry per
// symbol class of each visible layer, top layer first, with the icon kind matching the layer's
// geometry. Pure data so the legend panel and the exported legend box agree.

#include <string>
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

/// The geometry kind that dominates a layer (most features).
IconKind icon_kind(const core::Layer& layer);

/// The legend of the visible vector layers, top of the drawing order first.
std::vector<LegendGroup> legend_model(AppState& app, Lang lang);

}  // namespace caremap::app
