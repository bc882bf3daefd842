#include "app/panels.hpp"

namespace caremap::app {

void update_layout(ViewState& view, PanelLayout& layout, float menu_height) {
  layout.menu_h = menu_height;
  const float left = view.show_layers || view.show_legend ? layout.left_w : 0.0f;
  const float right = view.show_inspector || view.show_analysis ? layout.right_w : 0.0f;
  const float bottom = view.show_table ? layout.table_h : 0.0f;
  view.map_rect.x = left;
  view.map_rect.y = layout.menu_h;
  view.map_rect.width = std::max(64.0f, view.window_w - left - right);
  view.map_rect.height = std::max(64.0f, view.window_h - layout.menu_h - layout.status_h - bottom);
}

}  // namespace caremap::app
