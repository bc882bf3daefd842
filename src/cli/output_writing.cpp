#include "cli/output_writing.hpp"

#include "core/error.hpp"
#include "io/postgis.hpp"
#include "io/write.hpp"

namespace caremap::cli {

void add_output_options(CLI::App& cmd, OutputOptions& o, const std::string& what) {
  cmd.add_option("--out", o.out,
                 "Write " + what +
                     " to FILE (.gpkg holds every result layer; .geojson, .csv, "
                     ".fgb the main one; PG:<connection> writes every layer as a PostGIS "
                     "table)");
  cmd.add_option("--out-dir", o.out_dir, "Write every result layer to DIR, one file per layer");
  cmd.add_option("--format", o.format, "Output format: gpkg, geojson, csv, flatgeobuf");
  cmd.add_option("--out-crs", o.out_crs, "CRS of the written coordinates")->capture_default_str();
  cmd.add_option("--table-prefix", o.table_prefix,
                 "With --out PG:...: put this before each layer id to name its table ('schema.' "
                 "for a schema)");
}

bool wants_output(const OutputOptions& o) {
  return !o.out.empty() || !o.out_dir.empty();
}

bool is_table_output(const OutputOptions& o) {
  const auto format =
      o.format.empty() ? io::format_from_extension(o.out) : io::parse_format(o.format);
  return format == io::Format::csv;
}

core::LayerPtr table_for_output(core::Layer lines, const OutputOptions& o) {
  if (is_table_output(o)) {
    for (auto& f : lines.features) {
      if (const auto* line = std::get_if<core::LineString>(&f.geometry); line && !line->empty()) {
        // Copy before assigning: the assignment destroys the line the reference points into.
        const core::XY start = line->front();
        f.geometry = start;
      }
    }
  }
  return std::make_shared<core::Layer>(std::move(lines));
}

void prepare_outputs(const OutputOptions& o) {
  namespace fs = std::filesystem;
  if (!o.table_prefix.empty() && !io::is_postgis_source(o.out)) {
    throw core::ArgumentError("--table-prefix names tables: use it with --out PG:<connection>");
  }
  if (io::is_postgis_source(o.out)) {
    return;  // a database has no folder; the connection is tried when the tables are written
  }
  if (!o.out.empty()) {
    const fs::path parent = fs::absolute(fs::path(o.out)).parent_path();
    if (!fs::is_directory(parent)) {
      throw core::OutputError("directory " + parent.string() + " does not exist",
                              core::ErrorContext{o.out, "", std::nullopt, ""});
    }
  } else if (!o.out_dir.empty()) {
    // The nearest folder that exists must be a directory (not a file in the way).
    fs::path existing = fs::absolute(fs::path(o.out_dir));
    while (!fs::exists(existing) && existing.has_parent_path() &&
           existing.parent_path() != existing) {
      existing = existing.parent_path();
    }
    if (!fs::is_directory(existing)) {
      throw core::OutputError(existing.string() + " is not a directory",
                              core::ErrorContext{o.out_dir, "", std::nullopt, ""});
    }
  }
}

namespace {

io::WriteOptions write_options(const OutputOptions& o, CommandContext& context) {
  if (!o.out.empty() && !o.out_dir.empty()) {
    throw core::ArgumentError("give either --out or --out-dir, not both");
  }
  io::WriteOptions options;
  options.crs = crs::CrsRef::parse(o.out_crs);
  options.cancel = &context.progress;
  if (!o.format.empty()) {
    options.format = io::parse_format(o.format);
    if (!options.format) {
      throw core::ArgumentError("--format: unknown format '" + o.format +
                                "'; use gpkg, geojson, csv or flatgeobuf");
    }
  }
  return options;
}

// --out-dir made (like mkdir -p) and the format its files get; options.format is set to it.
std::filesystem::path output_dir(const OutputOptions& o, io::WriteOptions& options,
                                 std::string& extension) {
  const std::filesystem::path dir(o.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir)) {
    throw core::OutputError(
        "cannot create the output directory" + (ec ? ": " + ec.message() : std::string()),
        core::ErrorContext{dir.string(), "", std::nullopt, ""});
  }
  const io::Format format = options.format.value_or(io::Format::gpkg);
  extension = format == io::Format::flatgeobuf ? "fgb" : std::string(io::to_string(format));
  options.format = format;
  return dir;
}

void report_written(const std::vector<std::filesystem::path>& written, CommandContext& context) {
  for (const auto& p : written) {
    context.err << "wrote " << p.string() << '\n';
  }
}

// A PostGIS output: tables named by the prefix and the layer ids; the connection is named
// without its password from here on.
std::filesystem::path report_tables(const std::vector<std::string>& ids, const OutputOptions& o,
                                    CommandContext& context) {
  const std::string where = io::redact_passwords(o.out);
  for (const auto& id : ids) {
    context.err << "wrote table " << o.table_prefix << id << " in " << where << '\n';
  }
  return std::filesystem::path(where);
}

}  // namespace

std::vector<std::filesystem::path> write_outputs(const std::vector<core::LayerPtr>& layers,
                                                 const OutputOptions& o, CommandContext& context) {
  std::vector<std::filesystem::path> written;
  if (o.out.empty() && o.out_dir.empty()) {
    return written;
  }
  io::WriteOptions options = write_options(o, context);
  if (io::is_postgis_source(o.out)) {
    options.table_prefix = o.table_prefix;
    io::write_layers(layers, o.out, options);
    std::vector<std::string> ids;
    for (const auto& layer : layers) {
      ids.push_back(layer->id);
    }
    return {report_tables(ids, o, context)};
  }
  if (!o.out.empty()) {
    const std::filesystem::path path(o.out);
    const auto format = options.format ? options.format : io::format_from_extension(path);
    if (format == io::Format::gpkg) {
      io::write_layers(layers, path, options);
    } else {
      io::write_layer(*layers.front(), path, options);
      if (layers.size() > 1) {
        context.err << "note: " << path.string() << " holds " << layers.front()->id
                    << " only; use a .gpkg file or --out-dir for every result layer\n";
      }
    }
    written.push_back(path);
  } else {
    std::string extension;
    const std::filesystem::path dir = output_dir(o, options, extension);
    for (const auto& layer : layers) {
      const auto path = dir / (layer->id + "." + extension);
      io::write_layer(*layer, path, options);
      written.push_back(path);
    }
  }
  report_written(written, context);
  return written;
}

std::filesystem::path write_output_features(const core::FeatureSource& source,
                                            const OutputOptions& o, CommandContext& context,
                                            unsigned threads) {
  io::WriteOptions options = write_options(o, context);
  options.threads = threads;
  if (io::is_postgis_source(o.out)) {
    options.table_prefix = o.table_prefix;
    io::write_features(source, o.out, options);
    return report_tables({source.schema().id}, o, context);
  }
  std::filesystem::path path(o.out);
  if (o.out.empty()) {
    std::string extension;
    path = output_dir(o, options, extension) / (source.schema().id + "." + extension);
  }
  io::write_features(source, path, options);
  report_written({path}, context);
  return path;
}

}  // namespace caremap::cli
