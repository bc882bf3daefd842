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
    {Str::crs_fitted, "データから選んだ投影", "chosen for the data"},
    {Str::crs_custom, "独自の座標系", "custom CRS"},
    {Str::map_north, "北", "N"},
    {Str::map_credit, "出典", "Sources"},
    {Str::analysis_tab_basic, "直線距離", "Straight line"},
    {Str::analysis_tab_network, "道路ネットワーク", "Road network"},
    {Str::net_missing, "道路ネットワーク未読込", "No road network loaded"},
    {Str::net_missing_reason,
     "この地域 (%s) には道路データ (roads) "
     "がありません。所要時間の分析には道路ネットワークが必要です。直線距離で代わりに計算することは"
     "しません。",
     "Region \"%s\" has no road data (\"roads\"). Travel-time analyses need a road network; "
     "caremap does not fall back to straight lines."},
    {Str::net_missing_how,
     "読み込むには: OpenStreetMap の抽出ファイル (.osm.pbf) "
     "のパスを下の欄に入力するか、ファイルをウィンドウにドロップしてください。\n切り出し方: "
     "data/geo/SOURCES.md の「Known gaps」(Geofabrik の九州ファイルから osmium で作成)。",
     "To load one: enter the path of an OpenStreetMap extract (.osm.pbf) below, or drop the file "
     "on the window.\nHow to cut one: data/geo/SOURCES.md, \"Known gaps\" (from Geofabrik's Kyushu "
     "file with osmium)."},
    {Str::net_loaded, "道路ネットワーク:", "Road network:"},
    {Str::net_loading, "道路ネットワークを読み込み中…", "Loading road network…"},
    {Str::net_nodes, "節点", "nodes"},
    {Str::net_segments, "区間", "segments"},
    {Str::net_from_cache, "キャッシュから", "from cache"},
    {Str::net_built, "構築", "built"},
    {Str::net_osm_hint, "OSM ファイル (.osm.pbf)", "OSM file (.osm.pbf)"},
    {Str::net_load, "読込", "Load"},
    {Str::net_profile, "移動手段", "Travel by"},
    {Str::net_car, "車", "Car"},
    {Str::net_walking, "徒歩", "Walking"},
    {Str::net_disabled_no_network,
     "道路ネットワークが読み込まれていないため使えません (上の説明を参照)",
     "Unavailable: no road network is loaded (see above)"},
    {Str::net_route_title, "所要時間で最寄り施設", "Nearest facilities by travel time"},
    {Str::net_route_hint,
     "地図上の地点から、道路上の所要時間が短い施設を種別ごとに探し、経路を描きます。",
     "Finds the facilities of each category quickest to reach by road from a place on the map and "
     "draws the routes."},
    {Str::net_minutes, "分", "min"},
    {Str::net_road_km, "道路 km", "road km"},
    {Str::net_unreachable, "道路でたどり着ける施設がありません",
     "No facility can be reached by road"},
    {Str::net_no_facilities, "施設のレイヤがありません (施設のファイルを追加してください)",
     "No facility layer loaded (add a facility file)"},
    {Str::net_routes_layer, "経路 (所要時間)", "Routes (travel time)"},
    {Str::net_sa_title, "到達圏", "Service areas"},
    {Str::net_sa_from_point, "地点", "Point"},
    {Str::net_sa_from_selection, "選択施設", "Selected"},
    {Str::net_sa_from_category, "種別", "Category"},
    {Str::net_bands, "帯 (分)", "Bands (min)"},
    {Str::net_bands_invalid, "帯は正の分数をカンマ区切りで 1〜8 個 (例: 5,10,15,30)",
     "Bands: 1 to 8 positive minutes, comma separated (e.g. 5,10,15,30)"},
    {Str::net_mode, "方式", "Mode"},
    {Str::net_mode_overlap, "施設ごと (重なりあり)", "Per facility (overlap)"},
    {Str::net_mode_split, "最寄り施設で分割", "Split by nearest"},
    {Str::net_mode_dissolve, "まとめる", "Dissolve"},
    {Str::net_shape, "形", "Shape"},
    {Str::net_shape_disks, "円盤 (内側を含む)", "Disks (cumulative)"},
    {Str::net_shape_rings, "リング (帯ごと)", "Rings (per band)"},
    {Str::net_sa_needs_point, "「地点を選ぶ」で地図上の地点を指定してください",
     "Pick a point on the map first"},
    {Str::net_sa_needs_selection, "地図上の施設を選択してください",
     "Select a facility on the map first"},
    {Str::net_sa_layer, "到達圏", "Service area"},
    {Str::net_band, "帯", "Band"},
    {Str::net_polygons, "面数", "Polygons"},
    {Str::net_within_min, "%g 分以内", "within %g min"},
    {Str::net_band_range, "%g–%g 分", "%g–%g min"},
    {Str::net_clicked_point, "クリック地点", "Clicked point"},
    {Str::net_closures_title, "通行止め・速度低下", "Closures and slowdowns"},
    {Str::net_closure_hint,
     "浸水区域・橋の寸断などの通行止めや速度低下区域を地図に描くか、ファイルから読み込みます。所要"
     "時間の結果はすべてこれを反映します。",
     "Draw closures (a flood zone, a cut bridge) or slowdown areas on the map, or load them from a "
     "file. Every travel-time result takes them into account."},
    {Str::net_draw_area, "通行止め区域を描く", "Draw closed area"},
    {Str::net_draw_line, "通行止め線を描く", "Draw closed line"},
    {Str::net_draw_slowdown, "速度低下区域を描く", "Draw slowdown area"},
    {Str::net_factor, "時間倍率", "Time factor"},
    {Str::net_drawing, "描画中", "Drawing"},
    {Str::net_drawing_keys,
     "クリックで頂点を追加、ダブルクリックか Enter で確定、Backspace で 1 点戻す、Esc で取消",
     "Click to add points, double-click or Enter to finish, Backspace to undo a point, Esc to "
     "cancel"},
    {Str::net_too_few_vertices, "頂点が足りません (区域は 3 点、線は 2 点以上)",
     "Not enough points (areas need 3, lines 2)"},
    {Str::net_self_intersecting, "区域の輪郭が交差しています", "The outline crosses itself"},
    {Str::net_finish, "確定", "Finish"},
    {Str::net_closures_hint, "通行止めファイル (GeoJSON, GPKG …)",
     "closures file (GeoJSON, GPKG …)"},
    {Str::net_clear_closures, "通行止めをすべて削除", "Remove all closures"},
    {Str::net_kind_area, "通行止め区域", "Closed area"},
    {Str::net_kind_line, "通行止め線", "Closed line"},
    {Str::net_kind_point, "通行止め地点", "Closed point"},
    {Str::net_kind_way, "通行止め道路 (OSM way)", "Closed road (OSM way)"},
    {Str::net_kind_slowdown, "速度低下区域", "Slowdown area"},
    {Str::net_closures_layer, "通行止め", "Road closures"},
    {Str::net_slowdowns_layer, "速度低下区域", "Slowdown areas"},
    {Str::net_closed_roads_layer, "通行止めの道路", "Closed roads"},
    {Str::net_closed_count, "通行止めの道路: %zu 方向区間", "Closed roads: %zu directed segments"},
    {Str::net_effect, "通行止めの影響", "What the closures change"},
    {Str::net_demand, "対象", "Demand"},
    {Str::net_effect_category, "施設の種別", "Facility category"},
    {Str::net_effect_needs_demand,
     "影響を見るには地点をクリックするか、需要地点のレイヤを選んでください",
     "Click a place or choose a demand layer to see the effect"},
    {Str::net_effect_layer, "通行止めの影響", "Closure effect"},
    {Str::net_effect_points, "地点数", "Points"},
    {Str::net_effect_unchanged, "変化なし", "Unchanged"},
    {Str::net_effect_slower, "同じ施設・時間増", "Same facility, slower"},
    {Str::net_effect_changed, "最寄り施設が変わる", "Nearest facility changed"},
    {Str::net_effect_cut_off, "到達不能になる", "Cut off"},
    {Str::net_effect_still_cut_off, "もともと到達不能", "Cut off before too"},
    {Str::net_effect_added, "増えた時間 (分, 合計 / 最大)", "Time added (min, total / max)"},
    {Str::net_road_layer, "道路", "Roads"},
    {Str::net_source_drawn, "地図上で描画", "drawn on the map"},
    {Str::layers_export_to, "レイヤの書き出し先 (フォルダと形式)",
     "Export layers to (folder and format)"},
    {Str::layers_export_folder_hint, "フォルダ (空欄 = 現在のフォルダ)",
     "folder (empty = current folder)"},
    {Str::export_height, "高さ (px)", "Height (px)"},
    {Str::export_fit_aspect, "画面の縦横比にする", "Use the screen's aspect ratio"},
    {Str::export_limit, "幅・高さは 256〜%d px", "Width and height 256 to %d px"},
    {Str::tiles_credit, "地理院タイル", "GSI tiles"},
    {Str::tiles_failed, "地理院タイルを取得できませんでした (以後のエラーは表示しません)",
     "GSI tiles could not be fetched (further errors are not shown)"},
    {Str::tiles_loading, "タイルを取得中…", "Fetching tiles…"},
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
