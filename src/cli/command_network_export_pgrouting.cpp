// `caremap network export-pgrouting`: the road graph of a region or an OSM / line-layer file as
// pgRouting's edges and vertices tables (analysis/pgrouting_tables.hpp), written to PostGIS
// (--out PG:<connection>, tables --table-prefix + edges / vertices, replaced in one transaction)
// or, without a server, to a GeoPackage (--out roads.gpkg, loadable with ogr2ogr).

#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/network_sites.hpp"
#include "analysis/pgrouting_tables.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "io/postgis.hpp"

namespace caremap::cli {

namespace {

struct ExportOptions {
  std::string region = "munakata-fukutsu";
  NetworkOptions network;
  OutputOptions output;
  ReportFlags report;
  CLI::App* cmd = nullptr;
};

std::size_t count_one_way(const core::Layer& edges) {
  const auto cost = edges.field_index("cost");
  const auto reverse = edges.field_index("reverse_cost");
  std::size_t n = 0;
  for (const core::Feature& f : edges.features) {
    if (std::get<double>(f.values[*cost]) < 0.0 || std::get<double>(f.values[*reverse]) < 0.0) {
      ++n;
    }
  }
  return n;
}

int run_export(const ExportOptions& o, CommandContext& context) {
  if (o.output.out.empty()) {
    throw core::ArgumentError(
        "--out is required: PG:<connection> for a PostGIS database (PG: alone uses PGHOST, "
        "PGDATABASE, ... or PGSERVICE), or a .gpkg file");
  }
  if (!o.output.out_dir.empty()) {
    throw core::ArgumentError("--out-dir is not used here: the two tables go to one --out");
  }
  prepare_outputs(o.output);
  std::optional<io::Region> region;
  if (o.network.osm.empty() || o.cmd->count("--region") > 0) {
    region = load_region(o.region, context);
  }
  const LoadedNetwork n = load_network(o.network, region ? &*region : nullptr, context);
  start_stage(context, "writing the pgRouting tables");
  const analysis::PgRoutingTables tables = analysis::pgrouting_tables(*n.network, n.crs.definition);
  write_outputs({tables.edges, tables.vertices}, o.output, context);

  const std::size_t one_way = count_one_way(*tables.edges);
  const core::LocalText basis = analysis::network_distance_basis(*n.network);
  const bool postgis = io::is_postgis_source(o.output.out);
  const std::string edges = postgis ? o.output.table_prefix + "edges" : std::string("edges");
  const std::string vertices =
      postgis ? o.output.table_prefix + "vertices" : std::string("vertices");
  const std::string where = io::source_display_name(o.output.out);
  if (o.report.json) {
    nlohmann::ordered_json j{{"source", io::source_display_name(n.source)},
                             {"profile", n.profile},
                             {"basis", basis.en},
                             {"basis_ja", basis.ja},
                             {"out", where},
                             {"edges_table", edges},
                             {"vertices_table", vertices},
                             {"edges", tables.edges->features.size()},
                             {"one_way_edges", one_way},
                             {"vertices", tables.vertices->features.size()},
                             {"cost_unit", "s"}};
    context.out << j.dump(2) << '\n';
  } else {
    TextTable t({"pgRouting export", ""}, {Align::left, Align::left});
    t.add_row({"road network", io::source_display_name(n.source)});
    t.add_row({"travel times stand on", basis.ja + " / " + basis.en});
    t.add_row({"written to", where});
    t.add_row({"edges table", edges + " (" + std::to_string(tables.edges->features.size()) +
                                  " edges, " + std::to_string(one_way) + " one-way)"});
    t.add_row({"vertices table",
               vertices + " (" + std::to_string(tables.vertices->features.size()) + " vertices)"});
    t.add_row({"cost / reverse_cost", "seconds (所要時間・秒); -1 = closed direction (一方通行)"});
    t.print(context.out);
    context.out << "example: SELECT * FROM pgr_dijkstraCost('SELECT id, source, target, cost, "
                   "reverse_cost FROM "
                << edges << "', 1, 2);\n";
  }
  return finish_command(o.report, n.diagnostics, PhaseTimer{}, context);
}

}  // namespace

void add_network_export_pgrouting_command(CLI::App& network, CommandRegistry& registry) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = network.add_subcommand(
      "export-pgrouting",
      "Write the road graph as pgRouting tables (edges with source, target, cost and "
      "reverse_cost in seconds; vertices) to PostGIS or a GeoPackage");
  o->cmd = cmd;
  cmd->add_option("--region", o->region, "Region whose project file names the roads")
      ->capture_default_str();
  add_network_options(*cmd, o->network, false);
  add_output_options(*cmd, o->output, "the edges and vertices tables");
  add_report_flags(*cmd, o->report, false);
  registry.push_back({cmd, [o](CommandContext& c) { return run_export(*o, c); }});
}

}  // namespace caremap::cli
