#include "io/source_open.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/error.hpp"
#include "io/csv_parts.hpp"
#include "io/postgis.hpp"
#include "io/text_encoding.hpp"

namespace caremap::io::detail {

namespace fs = std::filesystem;

namespace {

std::string lower_ext(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

[[noreturn]] void fail(const std::string& display, const std::string& message) {
  core::ErrorContext ctx;
  ctx.file = display;
  throw core::InputError(message, ctx);
}

std::string read_bytes(const fs::path& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(display, "cannot read the file");
  }
  // Straight into a string of the file's size: a national demand file is 30 MB, and going
  // through a stringstream copied it twice more.
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) {
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::size_t>(in.gcount()) == bytes.size() && in.peek() == EOF) {
      return bytes;
    }
    in.clear();
    in.seekg(0);  // the file changed while read: read what is there now
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The file as UTF-8 without BOM, and the encoding it was in.
std::pair<std::string, std::string> utf8_text(std::string bytes, const std::string& display,
                                              const std::string& encoding) {
  TextEncoding enc = detect_encoding(bytes);
  if (!encoding.empty()) {
    const auto given = parse_encoding(encoding);
    if (!given) {
      fail(display, "unknown encoding '" + encoding + "' (use UTF-8 or CP932)");
    }
    enc = *given;
  }
  if (enc == TextEncoding::utf8) {
    const std::string_view body = strip_utf8_bom(bytes);
    if (const auto bad = first_invalid_utf8(body)) {
      fail(display, "not valid UTF-8 at byte " +
                        std::to_string(*bad + (bytes.size() - body.size())) +
                        " (set encoding to CP932 if the file is Shift_JIS)");
    }
    if (body.size() == bytes.size()) {
      return {std::move(bytes), "UTF-8"};
    }
    return {std::string(body), "UTF-8"};
  }
  try {
    return {cp932_to_utf8(bytes), "CP932"};
  } catch (const core::Error& e) {
    fail(display, e.detail());
  }
}

GDALDatasetUniquePtr open_with(const std::string& path, const char* const* drivers,
                               const char* const* open_options, ScopedCplErrors& errors,
                               const std::string& display, const std::string& what) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            drivers, open_options, nullptr));
  if (!ds) {
    fail(display, errors.has_errors() ? "cannot read " + what + ": " + errors.message()
                                      : "unknown format: " + what);
  }
  return ds;
}

OGRLayer* select_layer(GDALDataset& ds, const std::string& display,
                       const std::string& source_layer) {
  const int n = ds.GetLayerCount();
  std::string names;
  for (int i = 0; i < n; ++i) {
    names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
  }
  if (!source_layer.empty()) {
    if (OGRLayer* l = ds.GetLayerByName(source_layer.c_str())) {
      return l;
    }
    fail(display, "no layer '" + source_layer + "' (layers: " + names + ")");
  }
  if (n == 0) {
    fail(display, "the file holds no vector layer");
  }
  if (n > 1) {
    fail(display, "the file holds " + std::to_string(n) + " layers (" + names +
                      "); set source_layer to choose one");
  }
  return ds.GetLayer(0);
}

// A PostGIS table: the connection string goes to GDAL only; `display` (redacted) names it.
OpenedSource open_postgis(const std::string& connection, const std::string& display,
                          const std::string& source_layer) {
  OpenedSource out;
  ScopedCplErrors errors;
  static const char* const kPostgres[] = {"PostgreSQL", nullptr};
  out.dataset = open_with(connection, kPostgres, nullptr, errors, display, "PostGIS connection");
  out.driver = "PostgreSQL";
  if (source_layer.empty()) {
    fail(display,
         "name the table to read: source_layer in the project file, --source-layer on "
         "the command line");
  }
  out.layer = select_layer(*out.dataset, display, source_layer);
  out.warnings = errors.warnings();
  return out;
}

OpenedSource open_csv_text(std::string text, const std::string& encoding, const std::string& ext,
                           const std::string& display, const std::string& source_layer) {
  OpenedSource out;
  ScopedCplErrors errors;
  out.encoding = encoding;
  out.line_breaks = count_byte(text, '\n');
  out.memory = std::make_unique<VsiMemFile>(std::move(text), "table" + ext);
  static const char* const kCsv[] = {"CSV", nullptr};
  // Text stays text: no type guessing, so "0012" keeps its zeros; empty cells are "" and
  // are turned into nulls by the reader, which knows which columns are coordinates.
  static const char* const kOptions[] = {"AUTODETECT_TYPE=NO", "HEADERS=YES",
                                         "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES",
                                         nullptr};
  out.dataset = open_with(out.memory->path(), kCsv, kOptions, errors, display, "CSV table");
  out.is_csv = true;
  out.driver = out.dataset->GetDriver() ? out.dataset->GetDriver()->GetDescription() : "";
  out.layer = select_layer(*out.dataset, display, source_layer);
  out.warnings = errors.warnings();
  return out;
}

void require_file(const fs::path& path, const std::string& display) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    fail(display, "file not found");
  }
  if (fs::is_directory(path, ec)) {
    fail(display, "is a directory, not a data file");
  }
}

}  // namespace

bool is_csv_path(const fs::path& path) {
  const std::string e = lower_ext(path);
  return e == ".csv" || e == ".tsv";
}

OpenedSource open_source(const fs::path& path, const std::string& display,
                         const std::string& encoding, const std::string& source_layer) {
  if (is_postgis_source(path)) {
    return open_postgis(path.string(), display, source_layer);
  }
  require_file(path, display);
  if (is_csv_path(path)) {
    auto [text, used] = utf8_text(read_bytes(path, display), display, encoding);
    return open_csv_text(std::move(text), used, lower_ext(path), display, source_layer);
  }
  OpenedSource out;
  ScopedCplErrors errors;
  static const char* const kDrivers[] = {"GeoJSON", "GPKG", "ESRI Shapefile", "FlatGeobuf",
                                         "LIBKML",  "KML",  nullptr};
  // NATIVE_DATA exposes GeoJSON foreign members, where caremap stores provenance. Given only
  // to GeoJSON: other drivers warn about open options they do not know.
  static const char* const kGeoJsonOptions[] = {"NATIVE_DATA=YES", nullptr};
  const std::string ext = lower_ext(path);
  const char* const* options = ext == ".geojson" || ext == ".json" ? kGeoJsonOptions : nullptr;
  const bool known = ext == ".geojson" || ext == ".json" || ext == ".gpkg" || ext == ".shp" ||
                     ext == ".fgb" || ext == ".kml" || ext == ".kmz";
  const std::string what =
      known ? "'" + ext + "' file"
            : "extension '" + ext +
                  "' (caremap reads GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML and CSV)";
  out.dataset = open_with(path.string(), kDrivers, options, errors, display, what);
  out.driver = out.dataset->GetDriver() ? out.dataset->GetDriver()->GetDescription() : "";
  out.layer = select_layer(*out.dataset, display, source_layer);
  out.warnings = errors.warnings();
  return out;
}

std::vector<OpenedSource> open_source_parts(const fs::path& path, const std::string& display,
                                            const std::string& encoding,
                                            const std::string& source_layer, std::size_t parts,
                                            std::size_t min_part_bytes) {
  std::vector<OpenedSource> out;
  if (!is_csv_path(path) || parts <= 1) {
    out.push_back(open_source(path, display, encoding, source_layer));
    return out;
  }
  require_file(path, display);
  auto [text, used] = utf8_text(read_bytes(path, display), display, encoding);
  std::vector<std::string> texts = split_csv_records(std::move(text), parts, min_part_bytes);
  for (auto& t : texts) {
    out.push_back(open_csv_text(std::move(t), used, lower_ext(path), display, source_layer));
  }
  return out;
}

}  // namespace caremap::io::detail
