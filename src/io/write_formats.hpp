#pragma once
// The format-specific writers behind io/write.hpp. Each writes complete files at the given
// (temporary) paths and throws on failure; atomicity and error wrapping are write.cpp's job.

#include <filesystem>
#include <span>
#include <string>

#include "core/feature_source.hpp"
#include "core/layer.hpp"
#include "crs/crs_ref.hpp"
#include "io/provenance_json.hpp"
#include "io/write.hpp"

namespace caremap::io::detail {

/// The CRS a layer's coordinates are in: its own, or for a table without geometry (and without
/// a CRS) the output CRS, so no transformation is needed.
crs::CrsRef source_crs(const core::Layer& layer, const crs::CrsRef& out);

/// GeoJSON, GeoPackage or FlatGeobuf through GDAL; several layers only for GeoPackage.
void write_with_gdal(std::span<const core::Layer* const> layers, const std::filesystem::path& file,
                     Format format, const crs::CrsRef& crs);

/// PostGIS: every layer as the table `options.table_prefix` + its id in the database
/// `connection` ("PG:..."), replaced atomically in one transaction; provenance in the table's
/// comment. Throws core::OutputError (GDAL's message, passwords redacted), core::ArgumentError
/// for a table name PostgreSQL cannot hold, core::Cancelled (the old tables stay).
void write_postgis(std::span<const core::Layer* const> layers, const std::string& connection,
                   const WriteOptions& options);

/// CSV with lon/lat (or x/y) columns, or a WKT column for other geometry. Streams: a block of
/// rows at a time, formatted on `threads` threads (0 = every core; the source's get() is
/// thread-safe by contract), written in row order, so only a few blocks exist at a time.
void write_csv(const core::FeatureSource& source, const std::filesystem::path& file,
               const crs::CrsRef& crs, bool bom, unsigned threads);

/// True when some feature's category differs from the layer's.
bool has_mixed_categories(const core::Layer& layer);

}  // namespace caremap::io::detail
