#pragma once
// Opening a data file (or a PostGIS table) with GDAL: format by extension (CSV) or by content (the
// other vector drivers), CSV text transcoded to UTF-8 in /vsimem/, and the one layer to read
// selected.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "io/gdal_env.hpp"

namespace caremap::io::detail {

struct OpenedSource {
  // Declared before the dataset so that the dataset is closed before its memory file goes.
  std::unique_ptr<VsiMemFile> memory;
  GDALDatasetUniquePtr dataset;
  OGRLayer* layer = nullptr;
  std::string driver;  ///< GDAL driver short name ("CSV", "GeoJSON", ...)
  bool is_csv = false;
  std::string encoding;  ///< CSV only: "UTF-8" or "CP932"
  /// CSV only: line breaks in the text, at least the number of data rows (the header has one, a
  /// quoted field may hold more), so the reader can reserve its features once (read_in_parts
  /// gives the first part the whole file's count: the other parts' features join it).
  std::size_t line_breaks = 0;
  std::vector<std::string> warnings;  ///< GDAL warnings raised while opening
};

/// Opens `path` (shown as `display` in errors): a file, or a PostGIS table when `path` is a
/// "PG:" connection (io/postgis.hpp; `source_layer` names the table, required). `encoding` ("" =
/// detect) applies to CSV; `source_layer` selects a layer in multi-layer sources. Throws
/// core::InputError naming the file: not found, unknown format, unreadable (with GDAL's message),
/// encoding errors, no layer, several layers and no source_layer (the message lists them), or an
/// unknown source_layer.
OpenedSource open_source(const std::filesystem::path& path, const std::string& display,
                         const std::string& encoding, const std::string& source_layer);

/// The same source as open_source, as `parts` sources that hold consecutive runs of its rows, so
/// each can be read on its own thread: a CSV larger than parts * min_part_bytes is split at
/// record boundaries (io/csv_parts.hpp), each part its own /vsimem/ file opened by GDAL's CSV
/// driver. Anything else (other formats, small files, parts <= 1) is one source.
std::vector<OpenedSource> open_source_parts(const std::filesystem::path& path,
                                            const std::string& display, const std::string& encoding,
                                            const std::string& source_layer, std::size_t parts,
                                            std::size_t min_part_bytes);

/// True for extensions read as CSV (.csv, .tsv).
bool is_csv_path(const std::filesystem::path& path);

}  // namespace caremap::io::detail
