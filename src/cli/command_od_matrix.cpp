// `caremap od-matrix`: travel time and road distance between every origin and every destination
// (or each origin's k nearest), for planning tables and for tools that read a matrix.

#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/od_matrix.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "io/read.hpp"

namespace caremap::cli {

namespace {

struct OdOptions {
  std::string region = "munakata-fukutsu";
  std::string origins;
  std::string origin_layer;
  std::string destinations;
  std::string destination_layer;
  std::string by = "time";
  std::string max_time;
  std::string max_distance;
  std::size_t k_nearest = 0;
  unsigned threads = 0;
  ReportFlags report;
  NetworkOptions network;
  OutputOptions output;
  CLI::App* cmd = nullptr;
};

analysis::OdOptions options_of(const OdOptions& o) {
  analysis::OdOptions p;
  if (o.by == "time") {
    p.metric = routing::Metric::time;
  } else if (o.by == "road-distance") {
    p.metric = routing::Metric::distance;
  } else {
    throw core::ArgumentError("--by: '" + o.by + "' is not time or road-distance");
  }
  if (!o.max_time.empty()) {
    p.max_time = parse_duration(o.max_time, "--max-time");
  }
  if (!o.max_distance.empty()) {
    p.max_length = parse_distance(o.max_distance, "--max-distance");
  }
  if (o.k_nearest > 0) {
    p.k_nearest = o.k_nearest;
  }
  p.threads = effective_threads(o.threads);
  return p;
}

core::LayerPtr side(const std::string& file, const std::string& layer_id, const char* what,
                    const std::optional<io::Region>& region, const crs::CrsRef& crs,
                    core::Diagnostics& diagnostics) {
  if (!file.empty()) {
    auto loaded = read_input_file(file, loose_file_options(region ? &*region : nullptr), crs);
    diagnostics.append(loaded.diagnostics);
    return loaded.layer;
  }
  if (!layer_id.empty()) {
    if (!region) {
      throw core::ArgumentError(std::string("--") + what + "-layer needs a region (--region)");
    }
    return region->require(layer_id).layer;
  }
  throw core::ArgumentError(std::string("give --") + what + "s FILE or --" + what + "-layer LAYER");
}

void print_matrix(const analysis::OdMatrixResult& r, bool written, std::ostream& out) {
  std::size_t reachable = 0;
  for (const auto& row : r.rows) {
    reachable += row.reachable ? 1 : 0;
  }
  out << "Road network: " << r.provenance.basis.distance.ja << " / "
      << r.provenance.basis.distance.en << "\n";
  out << "Matrix of " << r.origins << " origins x " << r.destinations
      << " destinations: " << r.rows.size() << " rows, " << reachable << " reachable.\n";
  if (r.rows.size() > 60) {
    if (!written) {
      out << "(write it with --out FILE.csv)\n";
    }
    return;
  }
  TextTable t({"origin", "destination", "time", "by road", "via"},
              {Align::left, Align::left, Align::right, Align::right, Align::left});
  for (const auto& row : r.rows) {
    t.add_row({r.origin_sites[row.origin].name, r.destination_sites[row.destination].name,
               row.reachable ? format_fixed(row.time_s / 60.0, 1) + " min" : "unreachable",
               row.reachable ? format_distance(core::Meters{row.length_m}) : "",
               !row.reachable ? ""
               : row.direct   ? "direct"
                              : "road"});
  }
  t.print(out);
}

int run_od_matrix(const OdOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  const bool region_wanted = o.network.osm.empty() || o.cmd->count("--region") > 0 ||
                             !o.origin_layer.empty() || !o.destination_layer.empty();
  std::optional<io::Region> region;
  if (region_wanted) {
    region = load_region(o.region, context);
  }
  const LoadedNetwork network = load_network(o.network, region ? &*region : nullptr, context);
  timer.lap("road network");
  core::Diagnostics diagnostics = network.diagnostics;
  const auto overlay = load_closures(o.network, network, region ? &*region : nullptr, diagnostics);
  const auto options = options_of(o);
  const auto origins = side(o.origins, o.origin_layer, "origin", region, network.crs, diagnostics);
  const auto destinations =
      side(o.destinations, o.destination_layer, "destination", region, network.crs, diagnostics);
  timer.lap("read");
  core::Progress& progress = start_stage(context, "OD matrix");
  analysis::OdMatrixResult r;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    r = analysis::od_matrix(*network.network, *origins, *destinations, options,
                            overlay ? &*overlay : nullptr, &progress);
  }
  timer.lap("matrix");
  diagnostics.append(r.diagnostics);
  if (o.report.json) {
    nlohmann::ordered_json j{
        {"origins", r.origins},
        {"destinations", r.destinations},
        {"network",
         {{"ja", r.provenance.basis.distance.ja}, {"en", r.provenance.basis.distance.en}}}};
    auto& rows = j["rows"] = nlohmann::ordered_json::array();
    for (const auto& row : r.rows) {
      if (rows.size() >= 10000) {
        break;
      }
      rows.push_back({{"origin", r.origin_sites[row.origin].name},
                      {"destination", r.destination_sites[row.destination].name},
                      {"reachable", row.reachable},
                      {"time_s", row.reachable ? nlohmann::ordered_json(row.time_s) : nullptr},
                      {"length_m", row.reachable ? nlohmann::ordered_json(row.length_m) : nullptr},
                      {"direct", row.direct}});
    }
    context.out << j.dump(2) << '\n';
  } else {
    print_matrix(r, wants_output(o.output), context.out);
  }
  if (wants_output(o.output)) {
    write_outputs({std::make_shared<core::Layer>(analysis::od_table(r))}, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, diagnostics, timer, context);
}

}  // namespace

void add_od_matrix_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<OdOptions>();
  CLI::App* cmd = root.add_subcommand(
      "od-matrix", "Travel time and road distance from every origin to every destination");
  o->cmd = cmd;
  cmd->add_option("--region", o->region, "Region whose layers and roads are used")
      ->capture_default_str();
  cmd->add_option("--origins", o->origins, "A file of origins");
  cmd->add_option("--origin-layer", o->origin_layer, "A layer of the region as origins");
  cmd->add_option("--destinations", o->destinations, "A file of destinations");
  cmd->add_option("--destination-layer", o->destination_layer,
                  "A layer of the region as destinations (e.g. hospitals)");
  cmd->add_option("--by", o->by, "time or road-distance: what --k-nearest and cutoffs measure")
      ->capture_default_str();
  cmd->add_option("--max-time", o->max_time, "Pairs beyond this time are unreachable (e.g. 30min)");
  cmd->add_option("--max-distance", o->max_distance,
                  "Pairs beyond this road length are unreachable");
  cmd->add_option("--k-nearest", o->k_nearest,
                  "Only each origin's k nearest destinations (for large inputs)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = every core)")
      ->capture_default_str();
  add_network_options(*cmd, o->network);
  add_output_options(*cmd, o->output, "one row per origin and destination (CSV or GeoPackage)");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_od_matrix(*o, c); }});
}

}  // namespace caremap::cli
