#pragma once
// The viewer's panels: free functions over AppState and ViewState, one file each. They read and
// change the state and submit jobs; they own no data and keep no static state. ImGui must be
// inside a frame (between NewFrame and Render).

#include "app/app_state.hpp"
#include "app/fonts.hpp"
#include "app/modules/analysis_module.hpp"

namespace caremap::app {

/// Fixed panel geometry for the current window size: left column (layers, legend), right column
/// (inspector, analysis), bottom table, status bar. Sets view.map_rect to what is left.
struct PanelLayout {
  float menu_h = 0, status_h = 26;
  float left_w = 330, right_w = 370, table_h = 270;
};
void update_layout(ViewState& view, PanelLayout& layout, float menu_height);

/// Requests a PNG export; the viewer performs it after the frame (it needs the renderer).
struct ExportRequest {
  bool requested = false;
};

void draw_menu_bar(AppState& app, ViewState& view, float* height_out);
void draw_layers_panel(AppState& app, ViewState& view, const PanelLayout& layout);
void draw_legend_panel(AppState& app, ViewState& view, const PanelLayout& layout);
void draw_inspector_panel(AppState& app, ViewState& view, const PanelLayout& layout);
void draw_table_panel(AppState& app, ViewState& view, const PanelLayout& layout);
void draw_analysis_panel(AppState& app, ViewState& view, const PanelLayout& layout);
/// The sections of the registered modules on `tab`, in registration order.
void draw_module_sections(AppState& app, ViewState& view, ModuleTab tab);
/// The road-network tab of the analysis panel (network_panel.cpp).
void draw_network_tab(AppState& app, ViewState& view);
void draw_export_panel(AppState& app, ViewState& view, ExportRequest& request);
void draw_status_bar(AppState& app, ViewState& view, const PanelLayout& layout);
/// The saved views panel (presentation_panel.cpp): add, rename, reorder, delete, show, present,
/// save to the project file.
void draw_views_panel(AppState& app, ViewState& view);
/// Presentation mode: the map fills the window under the title band.
void update_presentation_layout(ViewState& view);
/// Presentation mode's keys (→ / PageDown / Space next, ← / PageUp back, Esc leaves) and its
/// title band with the slide number.
void draw_presentation(AppState& app, ViewState& view, const Fonts& fonts);

/// The tooltip for the hovered feature (name and key attributes).
void draw_hover_tooltip(AppState& app, ViewState& view);

/// Text wrapped to the panel with Japanese line-breaking rules (text_wrap.hpp).
enum class TextTone { normal, quiet, warning };
void text_wrapped(const char* text, TextTone tone = TextTone::normal);

/// Centres the map on the selected feature, zooming in if the view is coarser than `max_m_per_px`.
void centre_on_selection(AppState& app, ViewState& view, double max_m_per_px = 8.0);

}  // namespace caremap::app
