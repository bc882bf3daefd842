#pragma once
// Writing a command's result layers: one file with --out (a GeoPackage holds every layer, other
// formats hold the main one), or one file per layer in --out-dir; or tables in a PostGIS database
// with --out PG:<connection> (every layer, each table named --table-prefix + layer id; see
// io/write.hpp). Written in EPSG:4326 unless --out-crs says otherwise; every write is atomic
// (io::write_layer: a file renamed into place, tables replaced in one transaction).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/feature_source.hpp"
#include "core/layer.hpp"

namespace caremap::cli {

struct OutputOptions {
  std::string out;      ///< --out FILE
  std::string out_dir;  ///< --out-dir DIR
  std::string format;   ///< --format (default: the extension, or gpkg for --out-dir)
  std::string out_crs = "EPSG:4326";
  std::string table_prefix;  ///< --table-prefix, for --out PG:...
};

/// Adds --out, --out-dir, --format, --out-crs and --table-prefix to a subcommand.
void add_output_options(CLI::App& cmd, OutputOptions& o, const std::string& what);

/// True when --out or --out-dir was given.
bool wants_output(const OutputOptions& o);

/// True when the output is a CSV table (by --format or the --out extension).
bool is_table_output(const OutputOptions& o);

/// A layer of lines from demand points to facilities (nearest links, routes) as it should be
/// written: unchanged for map formats; for CSV, each line becomes its first point (the demand
/// point), so the table has one row per demand point and rank with lon/lat columns.
core::LayerPtr table_for_output(core::Layer lines, const OutputOptions& o);

/// Checks, before any work, that the outputs can go where asked: --out's directory exists, and
/// --out-dir is a directory or can be made in one (write_outputs makes it, like mkdir -p).
/// Throws core::OutputError naming the path, so a long run does not end with nowhere to write.
void prepare_outputs(const OutputOptions& o);

/// Writes `layers` as the options say (nothing if neither --out nor --out-dir was given) and
/// prints one line per file written to `context.err`. With --out and a single-layer format only
/// the first layer is written and the others are named in a note. Returns the files written.
std::vector<std::filesystem::path> write_outputs(const std::vector<core::LayerPtr>& layers,
                                                 const OutputOptions& o, CommandContext& context);

/// Writes one result given as a feature source to --out, or to --out-dir as "<id>.<format>",
/// like write_outputs; CSV is streamed (io::write_features), its rows formatted on `threads`
/// threads (0 = every core, as --threads). Needs --out or --out-dir. Prints the file written to
/// `context.err` and returns it.
std::filesystem::path write_output_features(const core::FeatureSource& source,
                                            const OutputOptions& o, CommandContext& context,
                                            unsigned threads = 0);

}  // namespace caremap::cli
