#include "io/write.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <set>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/postgis.hpp"
#include "io/provenance_json.hpp"
#include "io/write_formats.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

core::ErrorContext at(const fs::path& path) {
  core::ErrorContext ctx;
  ctx.file = source_display_name(path);
  return ctx;
}

Format format_of(const fs::path& path, const WriteOptions& options) {
  if (options.format) {
    return *options.format;
  }
  if (auto f = format_from_extension(path)) {
    return *f;
  }
  throw core::ArgumentError("unknown output format for extension '" + path.extension().string() +
                                "' (use .geojson, .gpkg, .csv or .fgb, or give the format)",
                            at(path));
}

void write_sidecar(const core::Layer& schema, std::size_t features, const fs::path& path,
                   const WriteOptions& options, AtomicFile& sidecar) {
  std::ofstream out(sidecar.temp_path(), std::ios::binary | std::ios::trunc);
  out << detail::provenance_document(schema, options.crs.short_label(), features) << '\n';
  out.close();
  if (!out) {
    throw core::OutputError("cannot write " + detail::sidecar_path(path).string());
  }
}

bool has_geometry(const core::Layer& layer) {
  return std::any_of(layer.features.begin(), layer.features.end(),
                     [](const core::Feature& f) { return !core::is_empty(f.geometry); });
}

// A cancelled run must not replace an earlier output, so this is asked before the work and
// once more just before the rename (a signal may arrive while a large file is being written).
void throw_if_cancelled(const WriteOptions& options) {
  if (options.cancel != nullptr && options.cancel->cancelled()) {
    throw core::Cancelled();
  }
}

// The data file (written by `write_data` at a temporary path) and, when `sidecar`, its
// provenance sidecar, renamed into place only when both are complete: an error or a cancel
// leaves every earlier output as it was.
void write_atomically(const fs::path& path, const WriteOptions& options, const core::Layer& schema,
                      std::size_t features, bool sidecar,
                      const std::function<void(const fs::path&)>& write_data) {
  AtomicFile data(path);
  std::optional<AtomicFile> side;
  if (sidecar) {
    side.emplace(detail::sidecar_path(path));
  }
  try {
    write_data(data.temp_path());
    if (side) {
      write_sidecar(schema, features, path, options, *side);
    }
  } catch (const core::Error& e) {
    throw core::OutputError(e.detail(), at(path));
  } catch (const std::exception& e) {
    throw core::OutputError(e.what(), at(path));
  }
  throw_if_cancelled(options);
  data.commit();
  if (side) {
    side->commit();
  }
}

// A CSV and its provenance sidecar, streamed from `source`.
void write_csv_file(const core::FeatureSource& source, const fs::path& path,
                    const WriteOptions& options) {
  write_atomically(path, options, source.schema(), source.size(), true, [&](const fs::path& temp) {
    detail::write_csv(source, temp, options.crs, options.csv_bom, options.threads);
  });
}

void write_all(std::span<const core::Layer* const> layers, const fs::path& path,
               const WriteOptions& options) {
  throw_if_cancelled(options);
  const bool postgis = is_postgis_source(path);
  const Format format = postgis ? Format::gpkg : format_of(path, options);  // gpkg: many layers
  if (layers.size() != 1 && format != Format::gpkg) {
    throw core::ArgumentError("only a GeoPackage holds several layers", at(path));
  }
  std::set<std::string> ids;
  for (const core::Layer* l : layers) {
    if (l->crs.empty() && has_geometry(*l)) {
      core::ErrorContext ctx = at(path);
      ctx.layer = l->id;
      throw core::OutputError("layer " + l->id + " has geometry but no CRS", ctx);
    }
    if (!ids.insert(l->id).second) {
      throw core::ArgumentError(
          "two layers named '" + l->id + "' for one output (a GeoPackage or a database)", at(path));
    }
  }
  if (postgis) {
    try {
      detail::write_postgis(layers, path.string(), options);
    } catch (const core::OutputError& e) {
      throw core::OutputError(e.detail(), at(path));
    }
    return;
  }
  if (format == Format::csv) {
    write_csv_file(core::LayerFeatures(*layers.front()), path, options);
    return;
  }
  write_atomically(
      path, options, *layers.front(), layers.front()->size(), format == Format::flatgeobuf,
      [&](const fs::path& temp) { detail::write_with_gdal(layers, temp, format, options.crs); });
}

}  // namespace

namespace detail {

crs::CrsRef source_crs(const core::Layer& layer, const crs::CrsRef& out) {
  return layer.crs.empty() ? out : crs::CrsRef::parse(layer.crs);
}

bool has_mixed_categories(const core::Layer& layer) {
  return std::any_of(layer.features.begin(), layer.features.end(),
                     [&](const core::Feature& f) { return f.category != layer.category; });
}

}  // namespace detail

std::string_view to_string(Format f) {
  switch (f) {
    case Format::geojson:
      return "geojson";
    case Format::gpkg:
      return "gpkg";
    case Format::csv:
      return "csv";
    case Format::flatgeobuf:
      return "flatgeobuf";
  }
  return "geojson";
}

std::optional<Format> parse_format(std::string_view name) {
  const std::string n = lower(std::string(name));
  if (n == "geojson" || n == "json") {
    return Format::geojson;
  }
  if (n == "gpkg" || n == "geopackage") {
    return Format::gpkg;
  }
  if (n == "csv") {
    return Format::csv;
  }
  if (n == "flatgeobuf" || n == "fgb") {
    return Format::flatgeobuf;
  }
  return std::nullopt;
}

std::optional<Format> format_from_extension(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  return ext.size() > 1 ? parse_format(ext.substr(1)) : std::nullopt;
}

void write_layer(const core::Layer& layer, const fs::path& path, const WriteOptions& options) {
  const core::Layer* one[] = {&layer};
  write_all(one, path, options);
}

void write_features(const core::FeatureSource& source, const fs::path& path,
                    const WriteOptions& options) {
  throw_if_cancelled(options);
  if (!is_postgis_source(path) && format_of(path, options) == Format::csv) {
    const core::Layer& schema = source.schema();
    if (schema.crs.empty() && source.shape().any_geometry) {
      core::ErrorContext ctx = at(path);
      ctx.layer = schema.id;
      throw core::OutputError("layer " + schema.id + " has geometry but no CRS", ctx);
    }
    write_csv_file(source, path, options);
    return;
  }
  // GDAL's writers take whole layers: the rows are gathered first.
  core::Layer layer = source.schema();
  layer.features.resize(source.size());
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    source.get(i, layer.features[i]);
  }
  write_layer(layer, path, options);
}

void write_layers(std::span<const core::LayerPtr> layers, const fs::path& path,
                  const WriteOptions& options) {
  if (layers.empty()) {
    throw core::ArgumentError("no layers to write", at(path));
  }
  std::vector<const core::Layer*> raw;
  for (const auto& l : layers) {
    if (!l) {
      throw core::ArgumentError("null layer", at(path));
    }
    raw.push_back(l.get());
  }
  write_all(raw, path, options);
}

}  // namespace caremap::io
