#pragma once
// Reading vector data files into layers in the working CRS.
//
// Formats (through GDAL/OGR): GeoJSON, GeoPackage, Shapefile (.cpg honoured), FlatGeobuf, KML,
// CSV with coordinate columns, and PostGIS tables (a path "PG:<connection>" with source_layer
// naming the table; io/postgis.hpp: the loaded layer's spec.source, its provenance and every
// message carry the connection with its password redacted). CSV specifics:
//  - encoding: UTF-8 (with or without BOM) or CP932, detected (valid UTF-8 -> UTF-8, else CP932)
//    or given; CP932 is transcoded to UTF-8 with iconv before GDAL's CSV driver opens the text
//    from /vsimem/;
//  - every column stays text (no type guessing), so IDs and codes keep their leading zeros; empty
//    cells are null; the capacity column is parsed to a number by caremap;
//  - coordinate columns are given (x_field/y_field) or detected by name (lon/lat, x/y,
//    longitude/latitude, 経度/緯度, 所在地座標（経度）/所在地座標（緯度）, ...) and are not kept as
//    attributes (the geometry carries them); a CSV with a "WKT" column and no coordinate columns
//    uses the WKT geometry;
//  - CRS EPSG:4326 unless source_crs says otherwise (MHLW and GSI lon/lat are JGD2011/WGS84, a
//    few centimetres apart).
// Every geometry is reprojected once into the working CRS; polygons are corrected (orientation,
// closure) and invalid ones repaired (diagnostic invalid_geometry).
//
// Bad rows become core::Diagnostics (file, 1-based data row, field, code) and are skipped:
// empty_coordinates, unparsable_coordinates, zero_coordinates, swapped_coordinates,
// out_of_range_coordinates, empty_geometry, unsupported_geometry, and outside_valid_extent when a
// valid extent is given (LayerSpec / ReadOptions::valid_extent, from the project file's
// valid_extent_lonlat): a point outside it, or a line or polygon whose bounding box lies entirely
// outside it. The extent is in degrees and only geographic sources (x = longitude, y = latitude,
// as every CSV by default) are checked; projected sources (a Shapefile in EPSG:6670) are not.
// Whole-file problems throw core::InputError whose context names the file (and layer and field
// where relevant): missing file, unknown format, unreadable content (broken GeoJSON), no CRS on a
// non-CSV source without a source_crs, a field named in the specification that does not exist
// (the message lists the available fields), a CSV without coordinate columns (the message lists
// the columns).
//
// Files written by caremap (io/write.hpp) carry their provenance; reading them back restores the
// layer's title, category, per-feature categories and original inputs (so credits follow the data).
//
// Large CSV files (a million demand points) are split at record boundaries and the parts read
// on several threads, each through GDAL's CSV driver (ReadOptions::threads).
//
// Thread safety: every call opens its own GDAL dataset and PROJ context, so reads may run on
// several threads at once (the viewer's job thread beside the CLI-style loaders).

#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "crs/crs_ref.hpp"
#include "crs/geo_box.hpp"
#include "crs/working_crs.hpp"
#include "io/loaded_layer.hpp"
#include "io/project.hpp"

namespace caremap::io {

/// Options for a file given on a command line or dropped on the viewer. Empty = default.
struct ReadOptions {
  std::string id;     ///< default: the file name without extension, made file-name safe
  std::string title;  ///< default: the title stored by caremap, else the file name
  std::optional<core::Category> category;  ///< default: stored by caremap, else guess_category
  std::string name_field;
  std::string capacity_field;
  std::string x_field;
  std::string y_field;
  std::string encoding;      ///< "", "UTF-8" or "CP932" (aliases accepted)
  std::string source_layer;  ///< layer inside a multi-layer source
  std::optional<crs::CrsRef> source_crs;
  /// The open project's valid extent (Project::valid_extent); nullopt = no check (no project).
  std::optional<crs::GeoBox> valid_extent;
  /// A CSV of more than a few MB is read in this many parts at once (0 = one per core); the
  /// layer and its diagnostics are the same as in one piece (io/csv_parts.hpp).
  unsigned threads = 0;
};

/// Reads one layer of a project. `spec.source` is resolved against `base_dir` (the project
/// file's folder) unless absolute. O(rows + vertices).
LoadedLayer read_layer(const LayerSpec& spec, const crs::CrsRef& working,
                       const std::filesystem::path& base_dir);

/// Reads a loose file. Same rules as read_layer; the category is guessed when not given.
LoadedLayer read_file(const std::filesystem::path& path, const ReadOptions& options,
                      const crs::CrsRef& working);

/// True for a file read as a CSV table (.csv or .tsv, any case): its points are WGS 84 lon/lat
/// (or a WKT column) unless ReadOptions::source_crs says otherwise.
bool is_csv_file(const std::filesystem::path& path);

/// The geographic extent (degrees) of the usable rows of a file; nullopt if it has none. Rows
/// outside options.valid_extent, when given, are not usable.
std::optional<crs::GeoBox> read_extent(const std::filesystem::path& path,
                                       const ReadOptions& options = {});

/// A working CRS for loose files without a region (`caremap nearest --facilities national.csv
/// --demand points.csv`): reads their extents and applies crs::choose_working_crs (a plane
/// rectangular zone for a prefecture-sized extent, a fitted Lambert conic for national files,
/// UTM abroad). Rows outside `valid_extent` (when given: a project is open) are ignored.
/// Throws core::InputError if no file has a usable row.
crs::WorkingCrsChoice choose_crs_for(std::span<const std::filesystem::path> files,
                                     const std::optional<crs::GeoBox>& valid_extent = std::nullopt);

/// Category from a file name and its columns: hospital / 病院, clinic / 診療所, pharmacy / 薬局,
/// dental / 歯科, evacuation / 避難所, emergency / 避難場所, boundary / 行政区域 / N03, care /
/// 介護 / tokuyou / rouken, road, demand / patient; else from typical columns; else other.
core::Category guess_category(const std::filesystem::path& path,
                              std::span<const std::string> field_names = {});

}  // namespace caremap::io
