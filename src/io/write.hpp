#pragma once
// Writing layers: GeoJSON, GeoPackage (one or several layers), CSV, FlatGeobuf, and PostGIS
// tables.
//
// - A path that is a PostGIS connection ("PG:service=caremap", "PG:" for the environment; see
//   io/postgis.hpp) writes every layer as a table named WriteOptions::table_prefix + layer id
//   ("schema." in the prefix picks a schema): all tables replaced in one transaction (a failed or
//   cancelled run leaves the old ones), columns geom (EPSG:4326 unless WriteOptions::crs says
//   otherwise) and fid, field names as they are, provenance in the table's comment
//   (io/write_postgis.cpp). Errors name the connection with its password redacted.
// - Format from the extension (.geojson/.json, .gpkg, .csv, .fgb) unless given.
// - Coordinates are written in EPSG:4326, longitude first, unless WriteOptions::crs says
//   otherwise; the layer's own CRS is read from layer.crs. GeoJSON in EPSG:4326 follows RFC 7946
//   (no "crs" member, counter-clockwise exterior rings) with 9 decimals (0.1 mm).
// - CSV: UTF-8 (with a BOM by default, so Excel on Japanese Windows opens it correctly), one
//   column per field, points as "lon","lat" columns ("x","y" in a projected CRS), other geometry
//   as a "WKT" column, numbers to 9 decimals in degrees and 4 in metres (0.1 mm); fields with those
//   names are left out (the geometry is authoritative). A layer without fields written as WKT also
//   gets a "source_row" column (GDAL cannot read a one-column CSV).
// - A "caremap_category" column is added when features of a layer differ in category (a backup
//   hospital among hospitals), so reading the file back restores them.
// - Provenance travels with the data (see io/provenance_json.hpp for where each format keeps it;
//   CSV and FlatGeobuf get a sidecar "<output>.provenance.json").
// - Atomic: everything is written to a temporary file in the output's directory and renamed over
//   the output at the end (io/atomic_file.hpp). On any failure the temporary file is removed, an
//   existing output is left untouched, and core::OutputError naming the output path is thrown.

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/feature_source.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "crs/crs_ref.hpp"

namespace caremap::io {

enum class Format { geojson, gpkg, csv, flatgeobuf };

/// "geojson", "gpkg", "csv", "flatgeobuf".
std::string_view to_string(Format f);
/// Parses "geojson", "gpkg", "csv", "flatgeobuf" or "fgb" (case-insensitive).
std::optional<Format> parse_format(std::string_view name);
/// Format of an output path by its extension; nullopt if unknown.
std::optional<Format> format_from_extension(const std::filesystem::path& path);

struct WriteOptions {
  std::optional<Format> format;            ///< default: from the extension
  crs::CrsRef crs = crs::CrsRef::wgs84();  ///< CRS of the written coordinates
  bool csv_bom = true;                     ///< CSV: start with a UTF-8 byte order mark
  std::string table_prefix;                ///< PostGIS: before each layer id in its table name
  unsigned threads = 0;                    ///< CSV: threads formatting rows (0 = every core)
  /// Checked before writing and again just before the rename: once cancelled, core::Cancelled
  /// is thrown, the temporary file is removed and an existing output stays as it was.
  const core::Progress* cancel = nullptr;
};

/// Writes one layer. Throws core::ArgumentError for an unknown format or extension,
/// core::OutputError (context: the output path) for everything that fails while writing and
/// core::Cancelled when options.cancel is cancelled.
/// O(features + vertices).
void write_layer(const core::Layer& layer, const std::filesystem::path& path,
                 const WriteOptions& options = {});

/// Writes the features of `source` as write_layer writes a layer with those features. CSV is
/// streamed (a block of rows at a time: a million-row result never exists as a core::Layer);
/// the GDAL formats gather the rows into a layer first. Same errors as write_layer.
void write_features(const core::FeatureSource& source, const std::filesystem::path& path,
                    const WriteOptions& options = {});

/// Writes several layers into one GeoPackage, one table per layer named by layer.id (ids must
/// be distinct). A single layer may go to any format. Same errors as write_layer.
void write_layers(std::span<const core::LayerPtr> layers, const std::filesystem::path& path,
                  const WriteOptions& options = {});

}  // namespace caremap::io
