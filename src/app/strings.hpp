#pragma once
// Every user-visible string of the viewer, in Japanese and English, in one table keyed by an enum.
// Panels call tr(lang, Str::...) and never hold literals of their own, so a translation is
// complete when this table is.

#include <optional>
#include <string_view>

namespace caremap::app {

enum class Lang { ja, en };

/// "ja" / "en".
std::string_view to_string(Lang l);
std::optional<Lang> parse_lang(std::string_view s);

enum class Str {
  app_title,
  // menus
  menu_file,
  menu_open,
  menu_export_png,
  menu_quit,
  menu_view,
  menu_fit_all,
  menu_fit_selection,
  menu_language,
  menu_panels,
  menu_help,
  // panels
  panel_layers,
  panel_legend,
  panel_inspector,
  panel_table,
  panel_analysis,
  panel_export,
  panel_jobs,
  // layers panel
  layers_add_file,
  layers_path_hint,
  layers_add,
  layers_remove,
  layers_up,
  layers_down,
  layers_fit,
  layers_opacity,
  layers_colour,
  layers_size,
  layers_labels,
  layers_features,
  layers_diagnostics,
  layers_no_problems,
  layers_reset_style,
  layers_export,
  layers_table,
  layers_basemap,
  layers_basemap_gsi,
  layers_basemap_file,
  layers_basemap_offline,
  rows_skipped,
  // legend
  legend_empty,
  legend_none,
  legend_single,
  legend_backup,
  // inspector
  inspector_hint,
  inspector_selected,
  inspector_layer,
  inspector_category,
  inspector_clear,
  inspector_centre,
  // table
  table_layer,
  table_search,
  table_rows,
  table_no_layer,
  // analysis
  analysis_nearest,
  analysis_nearest_hint,
  analysis_pick,
  analysis_picking,
  analysis_k,
  analysis_categories,
  analysis_location,
  analysis_rank,
  analysis_facility,
  analysis_distance,
  analysis_coverage,
  analysis_category,
  analysis_radius,
  analysis_mesh,
  analysis_run,
  analysis_city,
  analysis_covered,
  analysis_gap,
  analysis_backup,
  analysis_area_km2,
  analysis_total,
  analysis_no_boundary,
  analysis_no_facilities,
  analysis_running,
  analysis_clear,
  // export
  export_png_title,
  export_width,
  export_path,
  export_save,
  export_saved,
  export_layer_format,
  // status
  status_cursor,
  status_scale,
  status_ready,
  status_loading,
  status_cancel,
  status_error,
  status_region,
  status_crs,
  // map
  map_north,
  map_credit,
  count_
};

/// The text of `s` in `lang` (UTF-8, never null).
const char* tr(Lang lang, Str s);

/// Number of entries (for completeness tests).
constexpr std::size_t string_count() {
  return static_cast<std::size_t>(Str::count_);
}

}  // namespace caremap::app
