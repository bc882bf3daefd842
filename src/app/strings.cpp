#include "app/strings.hpp"

#include <array>

namespace caremap::app {

namespace {

struct Entry {
  Str id;
  const char* ja;
  const char* en;
};

// Order must follow the enum; a static_assert below and a unit test check it.
constexpr std::array<Entry, string_count()> kTable{{
    {Str::app_title, "caremap — 在宅医療・災害対策マップ", "caremap — home care & disaster map"},
    {Str::menu_file, "ファイル", "File"},
    {Str::menu_open, "開く…", "Open…"},
    {Str::menu_export_png, "地図を画像で保存…", "Export map as PNG…"},
    {Str::menu_quit, "終了", "Quit"},
    {Str::menu_view, "表示", "View"},
    {Str::menu_fit_all, "全体を表示", "Fit all"},
    {Str::menu_fit_selection, "選択地物を表示", "Fit selection"},
    {Str::menu_language, "言語 / Language", "Language / 言語"},
    {Str::menu_panels, "パネル", "Panels"},
    {Str::menu_help, "操作: ドラッグで移動、ホイール/+−で拡大縮小、矢印キーで移動、クリックで選択",
     "Drag to pan, wheel or +/- to zoom, arrows to move, click to select"},
    {Str::panel_layers, "レイヤ", "Layers"},
    {Str::panel_legend, "凡例", "Legend"},
    {Str::panel_inspector, "地物情報", "Inspector"},
    {Str::panel_table, "属性テーブル", "Attribute table"},
    {Str::panel_analysis, "分析", "Analysis"},
    {Str::panel_export, "書き出し", "Export"},
    {Str::panel_jobs, "処理中", "Jobs"},
    {Str::layers_add_file, "ファイルを追加", "Add file"},
    {Str::layers_path_hint, "ファイルのパス (GeoJSON, GPKG, CSV …)",
     "file path (GeoJSON, GPKG, CSV …)"},
    {Str::layers_add, "追加", "Add"},
    {Str::layers_remove, "削除", "Remove"},
    {Str::layers_up, "上へ", "Up"},
    {Str::layers_down, "下へ", "Down"},
    {Str::layers_fit, "全体表示", "Fit"},
    {Str::layers_opacity, "不透明度", "Opacity"},
    {Str::layers_colour, "色", "Colour"},
    {Str::layers_size, "記号の大きさ", "Symbol size"},
    {Str::layers_labels, "ラベル", "Labels"},
    {Str::layers_features, "件", "features"},
    {Str::layers_diagnostics, "読み込み時の注意", "Load diagnostics"},
    {Str::layers_no_problems, "問題なし", "no problems"},
    {Str::layers_reset_style, "既定の表示に戻す", "Reset style"},
    {Str::layers_export, "書き出し", "Export"},
    {Str::layers_table, "テーブル", "Table"},
    {Str::layers_basemap, "背景地図", "Basemap"},
    {Str::layers_basemap_gsi, "地理院タイル (オンライン)", "GSI tiles (online)"},
    {Str::layers_basemap_file, "GeoTIFF / MBTiles を追加", "Add GeoTIFF / MBTiles"},
    {Str::layers_basemap_offline, "地理院タイルを取得できません (オフライン?)",
     "GSI tiles unavailable (offline?)"},
    {Str::rows_skipped, "行をスキップ", "rows skipped"},
    {Str::legend_empty, "表示中のレイヤはありません", "No visible layers"},
    {Str::legend_none, "到達圏外", "none in reach"},
    {Str::legend_single, "1施設のみ", "single facility"},
    {Str::legend_backup, "2施設以上 (バックアップあり)", "2+ facilities (backup)"},
    {Str::inspector_hint, "地図上の施設をクリックすると詳細を表示します",
     "Click a feature on the map to see its details"},
    {Str::inspector_selected, "選択中", "Selected"},
    {Str::inspector_layer, "レイヤ", "Layer"},
    {Str::inspector_category, "種別", "Category"},
    {Str::inspector_clear, "選択解除", "Clear"},
    {Str::inspector_centre, "地図の中心へ", "Centre map"},
    {Str::table_layer, "レイヤ", "Layer"},
    {Str::table_search, "検索 (かな・カナ区別なし)", "Search (kana-insensitive)"},
    {Str::table_rows, "件表示", "rows shown"},
    {Str::table_no_layer, "レイヤがありません", "No layer"},
    {Str::analysis_nearest, "最寄り施設", "Nearest facilities"},
    {Str::analysis_nearest_hint, "地図をクリックした地点から各種別の最寄り施設を探します",
     "Click the map to find the nearest facilities of each category"},
    {Str::analysis_pick, "地点を選ぶ", "Pick a location"},
    {Str::analysis_picking, "地図をクリックしてください…", "Click on the map…"},
    {Str::analysis_k, "各種別の件数", "Per category"},
    {Str::analysis_categories, "対象の種別", "Categories"},
    {Str::analysis_location, "地点", "Location"},
    {Str::analysis_rank, "順位", "Rank"},
    {Str::analysis_facility, "施設", "Facility"},
    {Str::analysis_distance, "直線距離", "Distance"},
    {Str::analysis_coverage, "カバー率 (直線距離)", "Coverage (straight line)"},
    {Str::analysis_category, "種別", "Category"},
    {Str::analysis_radius, "半径", "Radius"},
    {Str::analysis_mesh, "500mメッシュで冗長性を表示", "Show redundancy on 500 m mesh"},
    {Str::analysis_run, "実行", "Run"},
    {Str::analysis_city, "市区町村", "City"},
    {Str::analysis_covered, "カバー", "Covered"},
    {Str::analysis_gap, "空白", "Gap"},
    {Str::analysis_backup, "2施設以上", "Backup (2+)"},
    {Str::analysis_area_km2, "km²", "km²"},
    {Str::analysis_total, "合計", "Total"},
    {Str::analysis_no_boundary, "市区町村境界のレイヤがありません", "No boundary layer loaded"},
    {Str::analysis_no_facilities, "この種別の施設がありません", "No facilities of this category"},
    {Str::analysis_running, "計算中…", "Computing…"},
    {Str::analysis_clear, "結果を消去", "Clear results"},
    {Str::export_png_title, "地図を PNG で保存", "Export map as PNG"},
    {Str::export_width, "幅 (px)", "Width (px)"},
    {Str::export_path, "保存先", "Save to"},
    {Str::export_save, "保存", "Save"},
    {Str::export_saved, "保存しました", "Saved"},
    {Str::export_layer_format, "形式", "Format"},
    {Str::status_cursor, "カーソル", "Cursor"},
    {Str::status_scale, "縮尺", "Scale"},
    {Str::status_ready, "準備完了", "Ready"},
    {Str::status_loading, "読み込み中…", "Loading…"},
    {Str::status_cancel, "中止", "Cancel"},
    {Str::status_error, "エラー", "Error"},
    {Str::status_region, "地域", "Region"},
    {Str::status_crs, "座標系", "CRS"},
    {Str::map_north, "北", "N"},
    {Str::map_credit, "出典", "Sources"},
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].id) != i) {
      return false;
    }
  }
  return true;
}
static_assert(table_in_enum_order(), "kTable must list Str values in enum order");

}  // namespace

std::string_view to_string(Lang l) {
  return l == Lang::ja ? "ja" : "en";
}

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "ja") {
    return Lang::ja;
  }
  if (s == "en") {
    return Lang::en;
  }
  return std::nullopt;
}

const char* tr(Lang lang, Str s) {
  const auto i = static_cast<std::size_t>(s);
  if (i >= kTable.size()) {
    return "";
  }
  return lang == Lang::ja ? kTable[i].ja : kTable[i].en;
}

}  // namespace caremap::app
