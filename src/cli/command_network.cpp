// `caremap network build`: builds (or reloads from its cache) the road graph of a region or an
// OpenStreetMap file, and says what it holds.

#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/od_matrix.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "routing/graph_stats.hpp"
#include "routing/road_graph.hpp"

namespace caremap::cli {

namespace {

struct NetworkBuildOptions {
  std::string region = "munakata-fukutsu";
  NetworkOptions network;
  ReportFlags report;
  CLI::App* cmd = nullptr;
};

// Network length over straight-line distance for every pair of the region's hospitals (a
// sanity check a planner can read: 1.2-1.5 is usual for a street network; far more means roads
// meet far away). Pairs the direct leg serves better are counted apart.
struct RatioSample {
  std::vector<double> ratios;
  std::size_t direct = 0;
  std::size_t unreachable = 0;
  std::vector<std::string> not_connected;
};

RatioSample ratio_sample(const routing::RoadNetwork& network, const io::Region& region) {
  RatioSample out;
  for (const io::LoadedLayer* l : region.of_category(core::Category::hospital)) {
    analysis::OdOptions od;
    od.metric = routing::Metric::distance;
    const analysis::OdMatrixResult m = analysis::od_matrix(network, *l->layer, *l->layer, od);
    for (const analysis::NetworkSite& s : m.origin_sites) {
      if (s.not_connected) {
        out.not_connected.push_back(s.name);
      }
    }
    for (const analysis::OdRow& r : m.rows) {
      if (r.origin >= r.destination) {
        continue;
      }
      const core::XY a = m.origin_sites[r.origin].position;
      const core::XY b = m.destination_sites[r.destination].position;
      const double straight = std::hypot(b.x - a.x, b.y - a.y);
      if (!r.reachable) {
        ++out.unreachable;
      } else if (r.direct) {
        ++out.direct;
      } else if (straight > 0.0) {
        out.ratios.push_back(r.length_m / straight);
      }
    }
  }
  std::sort(out.ratios.begin(), out.ratios.end());
  return out;
}

std::string component_sizes(const routing::GraphStats& stats) {
  std::string text;
  for (std::size_t i = 1; i < stats.components.size() && i <= 12; ++i) {
    text += (text.empty() ? "" : ", ") + std::to_string(stats.components[i].nodes) + " nodes/" +
            format_fixed(stats.components[i].length_m / 1000.0, 1) + " km";
  }
  if (stats.components.size() > 13) {
    text += ", ...";
  }
  return text.empty() ? std::string("none") : text;
}

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
  const routing::GraphStats stats = routing::graph_stats(g);
  const RatioSample ratios = region ? ratio_sample(*n.network, *region) : RatioSample{};
  const auto quantile = [&ratios](double q) {
    return ratios.ratios.empty() ? 0.0
                                 : ratios.ratios[static_cast<std::size_t>(
                                       q * static_cast<double>(ratios.ratios.size() - 1))];
  };
  const core::LocalText basis = analysis::network_distance_basis(*n.network);
  // As built, also when the graph comes from its cache (the cache keeps them).
  const routing::LineGraphStats& ls = g.info().line_stats;
  if (o.report.json) {
    nlohmann::ordered_json j{{"source", n.source.string()},
                             {"profile", n.profile},
                             {"basis", basis.en},
                             {"basis_ja", basis.ja},
                             {"crs", n.crs.definition},
                             {"nodes", g.node_count()},
                             {"arcs", g.arc_count()},
                             {"segments", g.segment_count()},
                             {"road_km", road_km},
                             {"components", stats.components.size()},
                             {"dead_ends", stats.dead_ends},
                             {"cache", n.cache.string()},
                             {"from_cache", n.from_cache},
                             {"seconds", n.load_seconds}};
    nlohmann::ordered_json small = nlohmann::ordered_json::array();
    for (std::size_t i = 1; i < stats.components.size(); ++i) {
      small.push_back(
          {{"nodes", stats.components[i].nodes}, {"length_m", stats.components[i].length_m}});
    }
    j["small_components"] = small;
    if (n.line_layer) {
      j["line_layer"] = {{"lines", ls.lines},
                         {"vertices", ls.vertices},
                         {"merged_vertices", ls.merged_vertices},
                         {"node_field_joins", ls.node_field_joins},
                         {"t_junctions", ls.t_junctions}};
    }
    j["hospital_pairs"] = {
        {"by_road", ratios.ratios.size()},   {"direct", ratios.direct},
        {"unreachable", ratios.unreachable}, {"ratio_median", quantile(0.5)},
        {"ratio_max", quantile(1.0)},        {"not_connected", ratios.not_connected}};
    context.out << j.dump(2) << '\n';
  } else {
    TextTable t({"road network", ""}, {Align::left, Align::left});
    t.add_row({"source", n.source.string()});
    t.add_row({"profile", n.profile});
    t.add_row({"travel times stand on", basis.ja + " / " + basis.en});
    t.add_row({"working CRS", n.crs.short_label()});
    t.add_row({"nodes", std::to_string(g.node_count())});
    t.add_row({"directed arcs", std::to_string(g.arc_count())});
    t.add_row({"road segments", std::to_string(g.segment_count())});
    t.add_row({"road length", format_fixed(road_km, 1) + " km"});
    t.add_row({"connected components", std::to_string(stats.components.size())});
    if (!stats.components.empty()) {
      t.add_row({"largest component", std::to_string(stats.components[0].nodes) + " nodes, " +
                                          format_fixed(stats.components[0].length_m / 1000.0, 1) +
                                          " km"});
    }
    t.add_row({"small components", component_sizes(stats)});
    t.add_row({"dead ends", std::to_string(stats.dead_ends)});
    if (n.line_layer) {
      t.add_row({"lines read", std::to_string(ls.lines) + " lines, " + std::to_string(ls.vertices) +
                                   " vertices"});
      t.add_row({"vertices merged (tolerance)", std::to_string(ls.merged_vertices)});
      t.add_row({"ends joined by node id", std::to_string(ls.node_field_joins)});
      t.add_row({"T-junctions split", std::to_string(ls.t_junctions)});
    }
    if (region) {
      t.add_row({"hospital pairs by road",
                 std::to_string(ratios.ratios.size()) +
                     " (direct leg faster: " + std::to_string(ratios.direct) +
                     ", unreachable: " + std::to_string(ratios.unreachable) + ")"});
      if (!ratios.ratios.empty()) {
        t.add_row({"road / straight line", "median " + format_fixed(quantile(0.5), 2) + ", max " +
                                               format_fixed(quantile(1.0), 2)});
      }
      std::string names;
      for (const std::string& s : ratios.not_connected) {
        names += (names.empty() ? "" : ", ") + s;
      }
      t.add_row({"hospitals not connected by road", names.empty() ? std::string("none") : names});
    }
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
  add_network_export_pgrouting_command(*network, registry);
}

}  // namespace caremap::cli
