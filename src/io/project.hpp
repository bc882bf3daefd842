#pragma once
// The project file (<region>.caremap.json): which data files make up a region, how to read each
// one, and where each came from. Paths in it are relative to the project file. JSON schema
// (keys not listed are rejected, except keys starting with "_", which are comments):
//
//   { "id": "munakata-fukutsu", "title": "宗像市・福津市",
//     "municipalities": ["40220", "40224"],          // strings: codes keep their leading zeros
//     "working_crs": "EPSG:6670",                    // optional; chosen from the codes otherwise
//     "valid_extent_lonlat": [122.0, 20.0, 154.0, 46.5],  // optional, see Project::valid_extent
//     "roads": null,                                 // optional road network for routing: an OSM
//                                                    // extract (.osm.pbf) or any line layer
//     "roads_data_date": "1996-12-31",               // optional: the road data's date (reports)
//     "road_profile": "profiles/n01-1996.profile.json",  // line layers: their profile (required)
//     "notes": ["..."],                              // optional
//     "layers": [ { "id": "hospitals", "title": "病院", "source": "munakata-fukutsu/hospitals.csv",
//                   "category": "hospital", "name_field": "正式名称", "capacity_field": "",
//                   "hazard_fields": [], "x_field": "", "y_field": "", "encoding": "",
//                   "source_layer": "", "source_crs": "", "data_date": "2025-06-01",
//                   "publisher": "...", "credit": "...", "licence": "...",
//                   "coverage_radius_m": 16000, "zero_capacity_is_unknown": false,
//                   "roles": [ { "field": "ID", "value": "4011400003350",
//                                "category": "backup_hospital", "source": "https://..." } ],
//                   "filter": { "field": "市区町村コード", "in": ["40220"], "prefix": [] },
//                   "field_titles": { "jigyosho_no": "事業所番号", "tel": "電話番号" },
//                   "marks": [ { "field": "geo_approx", "in": ["True"], "prefix": [],
//                                "code": "approximate_location", "note": "...",
//                                "source": "SOURCES.md" } ],
//                   "notes": "..." } ],
//     "population": { "source": "munakata-fukutsu/population/tblT001101H5030.txt",
//                     "title": "人口（2020年国勢調査）", "data_date": "2020-10-01",
//                     "publisher": "...", "credit": "...", "licence": "...", "notes": "...",
//                     "encoding": "", "source_layer": "", "source_crs": "",
//                     "count_field": "", "age65_field": "", "age75_field": "" },
//     "views": [ { "title": "診療所から16 km", "extent_lonlat": [130.4, 33.7, 130.6, 33.9],
//                  "layers": ["boundary", "clinics", "coverage_gap"],
//                  "coverage": { "category": "clinic", "radius_m": 16000 } } ] }
//
// "views" are the viewer's saved views, the slides of its presentation mode (app/presentation.hpp):
// a title, the map extent in degrees, the ids of the layers shown (result layers included), and
// the coverage analysis shown (its category and radius; no radius: each facility's own).
// Optional; written back by write_project_views.
//
// A layer's "source" may be a PostGIS table instead of a file: "PG:<libpq connection>" ("PG:" for
// the environment, "PG:service=caremap" for pg_service.conf) with "source_layer" naming the
// table (io/postgis.hpp). A password in the connection string is used to connect and shown
// nowhere (io::redact_passwords).
//
// "population" names the census data of the region: an e-Stat mesh statistics file as published
// (io/estat_mesh.hpp; read and cached), or any polygon or point layer with a count field
// ("count_field", with "age65_field" / "age75_field" when it has them, e.g. 小地域 boundaries
// with JINKO). It becomes the layer "population" (category population); null or absent: the
// region has no population data, and results give area only.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/category.hpp"
#include "core/provenance.hpp"
#include "core/units.hpp"
#include "crs/crs_ref.hpp"
#include "crs/geo_box.hpp"

namespace caremap::io {

/// A per-feature category override: features whose `field` reads `value` get `category`.
/// `source` cites why (a URL or document); it is carried into the layer's provenance.
struct FeatureRole {
  std::string field;
  std::string value;
  core::Category category = core::Category::other;
  std::string source;
};

/// Keeps the rows whose field text equals one of `values` or starts with one of `prefixes`.
struct AttributeFilter {
  std::string field;
  std::vector<std::string> values;
  std::vector<std::string> prefixes;
  bool matches(std::string_view text) const;
};

/// The count fields of a population layer read through GDAL (小地域 polygons, a point list):
/// copied into the standard fields pop_total / pop_65plus / pop_75plus. Empty = none. e-Stat
/// files need none: their columns are found by label.
struct PopulationFields {
  std::string total;
  std::string age65;
  std::string age75;
};

/// A known quirk of some features, kept visible: features whose `match.field` reads one of
/// `match.values` (or starts with one of `match.prefixes`) get `note` in the field "注記" (shown
/// first in the inspector and written with every export) and one diagnostic `code` (severity
/// info) naming the row, so the quirk also appears in `caremap info` and the diagnostics panel.
struct FeatureMark {
  AttributeFilter match;
  std::string code;    ///< stable diagnostic code, e.g. "approximate_location"
  std::string note;    ///< what a planner should know, e.g. "位置は概略（病院の住所）"
  std::string source;  ///< why (a URL or document), for the provenance
};

/// The field a FeatureMark writes its note into.
inline constexpr std::string_view kMarkField = "注記";

struct LayerSpec {
  std::string id;                ///< file-name safe: letters, digits, '_' and '-'
  std::string title;             ///< display title ("病院"); defaults to id
  std::filesystem::path source;  ///< relative to the project file (or absolute), or "PG:..."
  core::Category category = core::Category::other;
  std::string name_field;                  ///< display-name column; empty = detect
  std::string capacity_field;              ///< capacity column (beds, 定員); empty = none
  std::vector<std::string> hazard_fields;  ///< shelter hazard flag columns ("1" = designated)
  std::string x_field;                     ///< CSV x / longitude column; empty = detect
  std::string y_field;                     ///< CSV y / latitude column; empty = detect
  std::string encoding;      ///< CSV: "" = detect, "UTF-8" or "CP932" (normalised names)
  std::string source_layer;  ///< layer inside a multi-layer source (GPKG, KML)
  std::optional<crs::CrsRef> source_crs;  ///< overrides the file's CRS (CSV default EPSG:4326)
  std::string data_date;                  ///< date of the data, "2025-06-01"
  std::string publisher;
  std::string credit;  ///< required attribution line, shown on every map and export
  std::string licence;
  std::optional<core::Meters>
      coverage_radius;                    ///< default radius for coverage ("coverage_radius_m")
  bool zero_capacity_is_unknown = false;  ///< a capacity of 0 means "not reported": read as null
  std::vector<FeatureRole> roles;
  std::optional<AttributeFilter> filter;
  /// Display titles of source fields ("jigyosho_no" -> "事業所番号"): the loaded layer's fields
  /// carry the titles, so the inspector, the table and every export show them. Source order.
  std::vector<std::pair<std::string, std::string>> field_titles;
  std::vector<FeatureMark> marks;
  std::string notes;
  PopulationFields population_fields;  ///< category population only
  /// The project's valid_extent_lonlat, copied into every layer by read_project (not a layer
  /// key): rows of geographic sources outside it are skipped (io/read.hpp).
  std::optional<crs::GeoBox> valid_extent;
};

/// The coverage analysis a saved view shows.
struct ViewCoverage {
  core::Category category = core::Category::clinic;
  std::optional<double> radius_m;  ///< nullopt: each facility's own radius
  friend bool operator==(const ViewCoverage&, const ViewCoverage&) = default;
};

/// A saved view ("views" entry): one slide of the viewer's presentation mode.
struct SavedView {
  std::string title;
  crs::GeoBox extent;               ///< what the map shows, degrees
  std::vector<std::string> layers;  ///< ids of the visible layers, results included
  std::optional<ViewCoverage> coverage;
  friend bool operator==(const SavedView&, const SavedView&) = default;
};

struct Project {
  std::string id;
  std::string title;
  std::vector<std::string> municipality_codes;  ///< "40220", "40224"
  std::optional<crs::CrsRef> working_crs;       ///< fixed by the file; chosen otherwise
  /// "valid_extent_lonlat": [min_lon, min_lat, max_lon, max_lat] in degrees (EPSG:4326 order),
  /// min < max, within ±180/±90. Where the data can possibly lie (Japan with a margin: [122.0,
  /// 20.0, 154.0, 46.5]); a geocoding error that put a facility in Ireland is skipped with the
  /// diagnostic outside_valid_extent instead of being plotted and stretching the extent.
  /// Applied to every layer (LayerSpec::valid_extent) and to loose files read while the project
  /// is open. nullopt: no check.
  std::optional<crs::GeoBox> valid_extent;
  std::vector<LayerSpec> layers;
  std::optional<std::filesystem::path> roads;  ///< resolved against the project file's folder
  std::string roads_data_date;  ///< "roads_data_date": the date of the road data ("1996-12-31")
  /// The line-layer profile of `roads` (routing/line_profile.hpp); unused for OSM extracts.
  std::optional<std::filesystem::path> road_profile;
  /// The "population" entry, also present in `layers` (id "population", category population);
  /// nullopt when the region has no population data.
  std::optional<LayerSpec> population;
  std::vector<std::string> notes;
  std::vector<SavedView> views;  ///< "views", in slide order
  std::filesystem::path file;    ///< the project file itself

  /// The folder layer sources are relative to.
  std::filesystem::path base_dir() const { return file.parent_path(); }
  /// The layer with this id, nullptr if none.
  const LayerSpec* find_layer(std::string_view id) const;
};

/// How provenance names the road network read from `network_source`: its path relative to the
/// project's folder, as layer sources are written ("munakata-fukutsu/roads_n01_1996.geojson"),
/// with roads_data_date when it is the project's own roads; a file elsewhere keeps its path and
/// has no date. Layer id "roads"; the credit is the network's (left empty here).
core::SourceRef road_source(const Project& project, const std::filesystem::path& network_source);

/// Reads and validates a project file. Throws core::InputError whose context names the file and
/// whose field names the JSON key ("layers[2].category") for a missing file, broken JSON, a
/// missing or mistyped key, an unknown key, category, encoding or CRS, duplicate layer ids, or a
/// valid_extent_lonlat that is not 4 numbers with min < max within ±180/±90.
/// Data files are not opened here (see open_region).
Project read_project(const std::filesystem::path& file);

/// Replaces the "views" of the project file `file` with `views` (removes the key when empty),
/// keeping every other key as it was, written through io::AtomicFile. JSON comments in the file
/// are not kept. Throws core::OutputError naming the file when it cannot be read or parsed.
void write_project_views(const std::filesystem::path& file, const std::vector<SavedView>& views);

/// The views as the project file's "views" array (JSON text), and that text read back with the
/// project file's checks: for the viewer's autosave, which keeps views not yet saved to the
/// file. parse_saved_views throws core::InputError naming `source` and the key ("views[1].title").
std::string saved_views_json(const std::vector<SavedView>& views);
std::vector<SavedView> parse_saved_views(std::string_view json, const std::string& source);

/// The data directory: $CAREMAP_DATA_DIR if set and not empty, else the source tree's data/geo
/// compiled in at build time.
std::filesystem::path data_dir();

/// A project file from a path (anything with a '/' or ending in ".json", or an existing file) or
/// from a region name ("munakata-fukutsu" -> <data_dir>/munakata-fukutsu.caremap.json).
/// Throws core::InputError for a path that does not exist and core::ArgumentError, listing the
/// known regions, for an unknown region name.
std::filesystem::path find_project(std::string_view name_or_path);

/// Region names available in data_dir() (files *.caremap.json), sorted.
std::vector<std::string> list_regions();

}  // namespace caremap::io
