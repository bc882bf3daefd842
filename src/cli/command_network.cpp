// `caremap network build`: builds (or reloads from its cache) the road graph of a region or an
// OpenStreetMap file, and says what it holds.

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "routing/road_graph.hpp"

namespace caremap::cli {

namespace {

struct NetworkBuildOptions {
  std::string region = "munakata-fukutsu";
  NetworkOptions network;
  ReportFlags report;
  CLI::App* cmd = nullptr;
};

int run_network_build(const NetworkBuildOptions& o, CommandContext& context) {
  std::optional<io::Region> region;
  if (o.network.osm.empty() || o.cmd->count("--region") > 0) {
    region = load_region(o.region, context);
  }
  const LoadedNetwork n = load_network(o.network, region ? &*region : nullptr, context);
  const routing::RoadGraph& g = n.network->graph();
  double road_km = 0.0;
  for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
    road_km += g.segment_length_m(s) / 1000.0;
  }
  if (o.report.json) {
    nlohmann::ordered_json j{{"source", n.source.string()}, {"profile", o.network.profile},
                             {"crs", n.crs.definition},     {"nodes", g.node_count()},
                             {"arcs", g.arc_count()},       {"segments", g.segment_count()},
                             {"road_km", road_km},          {"cache", n.cache.string()},
                             {"from_cache", n.from_cache},  {"seconds", n.load_seconds}};
    context.out << j.dump(2) << '\n';
  } else {
    TextTable t({"road network", ""}, {Align::left, Align::left});
    t.add_row({"source", n.source.string()});
    t.add_row({"profile", o.network.profile});
    t.add_row({"working CRS", n.crs.short_label()});
    t.add_row({"nodes", std::to_string(g.node_count())});
    t.add_row({"directed arcs", std::to_string(g.arc_count())});
    t.add_row({"road segments", std::to_string(g.segment_count())});
    t.add_row({"road length", format_fixed(road_km, 1) + " km"});
    t.add_row({"cache", n.cache.empty() ? std::string("off") : n.cache.string()});
    t.add_row({n.from_cache ? "reloaded in" : "built in",
               format_fixed(n.load_seconds * 1000.0, 0) + " ms"});
    t.print(context.out);
  }
  return finish_command(o.report, n.diagnostics, PhaseTimer{}, context);
}

}  // namespace

void add_network_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* network = root.add_subcommand("network", "Road network: build and inspect");
  network->require_subcommand(1);
  auto o = std::make_shared<NetworkBuildOptions>();
  CLI::App* cmd = network->add_subcommand(
      "build", "Build the road graph of a region or an OSM file (or reload it from its cache)");
  o->cmd = cmd;
  cmd->add_option("--region", o->region, "Region whose project file names the roads")
      ->capture_default_str();
  add_network_options(*cmd, o->network, false);
  add_report_flags(*cmd, o->report, false);
  registry.push_back({cmd, [o](CommandContext& c) { return run_network_build(*o, c); }});
}

}  // namespace caremap::cli
