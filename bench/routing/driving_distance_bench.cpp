// The like-for-like peer of pgRouting's pgr_drivingDistance (bench/README.md, benchmark B): for
// each of 50 origins, every graph node within 1000 m of road length, with its aggregate cost and
// predecessor arc, collected into one reused vector (pgRouting's (start, node, edge, agg_cost)
// rows). No snapping and no geometry: the origins are graph nodes, as in pgRouting.
//
// Origins: the rows of $CAREMAP_BENCH_ORIGINS (CSV id,osm_node_id,lon,lat: bench/run's
// origins.csv), each mapped to the graph node with that OSM node id, else to the node at the
// same coordinates (within 1 mm); without the file, 50 graph nodes drawn with a fixed seed.
// The graph is built with osm2pgrouting's car rules (bench/routing/osm2pgrouting_car.json, or
// $CAREMAP_BENCH_PROFILE), as the CLI run of benchmark B does, so that it is pgRouting's graph
// and every origin is a graph node; $CAREMAP_BENCH_OSM overrides the .osm.pbf. With
// $CAREMAP_BENCH_REACHED_CSV set, the rows of the last run are written there as
// origin_osm_id,node_osm_id,agg_cost_m (pgrouting.sh's pgrouting_reached.csv columns) for
// bench/lib/crosscheck_routing.py, and with $CAREMAP_BENCH_GRAPH_NODES_CSV the OSM ids of all
// graph nodes (column osm_id: its --nodes file, since pgRouting's graph has more vertices).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "routing/osm_graph.hpp"
#include "routing/reach.hpp"
#include "support/monaco.hpp"
#include "support/utm_projector.hpp"

using namespace caremap;
using namespace caremap::routing;

namespace {

constexpr double kLimitM = 1000.0;

std::filesystem::path osm_path() {
  const char* env = std::getenv("CAREMAP_BENCH_OSM");
  return env && *env ? std::filesystem::path(env) : test::monaco_pbf(CAREMAP_BENCH_DATA_DIR);
}

Profile profile() {
  const char* env = std::getenv("CAREMAP_BENCH_PROFILE");
  return load_profile(env && *env ? env : CAREMAP_BENCH_PGR_PROFILE);
}

const RoadGraph& graph() {
  static const RoadGraph g = [] {
    core::Diagnostics d;
    test::UtmProjector utm(test::kMonacoUtmZone);
    return build_graph(osm_path(), profile(), utm, test::kMonacoCrs, d);
  }();
  return g;
}

struct Origins {
  std::vector<NodeId> nodes;
  std::size_t by_osm_id = 0;
  std::size_t by_coordinate = 0;
  std::size_t unmatched = 0;  ///< rows of the file with neither (left out)
};

NodeId node_at(const RoadGraph& g, core::XY p) {
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const core::XY q = g.node_xy(v);
    if (std::hypot(q.x - p.x, q.y - p.y) <= 1e-3) {
      return v;
    }
  }
  return kNone;
}

Origins load_origins() {
  const RoadGraph& g = graph();
  Origins out;
  const char* env = std::getenv("CAREMAP_BENCH_ORIGINS");
  if (env && *env) {
    std::unordered_map<std::int64_t, NodeId> by_osm;
    for (NodeId v = 0; v < g.node_count(); ++v) {
      by_osm.emplace(g.node_osm_id(v), v);
    }
    test::UtmProjector utm(test::kMonacoUtmZone);
    std::ifstream in(env);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream cells(line);
      std::string id, osm, lon, lat;
      if (!std::getline(cells, id, ',') || !std::getline(cells, osm, ',') ||
          !std::getline(cells, lon, ',') || !std::getline(cells, lat, ',')) {
        continue;
      }
      if (const auto it = by_osm.find(std::stoll(osm)); it != by_osm.end()) {
        out.nodes.push_back(it->second);
        ++out.by_osm_id;
      } else if (const NodeId v = node_at(g, utm.forward({std::stod(lon), std::stod(lat)}));
                 v != kNone) {
        out.nodes.push_back(v);
        ++out.by_coordinate;
      } else {
        ++out.unmatched;
      }
    }
  }
  if (out.nodes.empty()) {
    std::mt19937 rng(3);
    std::uniform_int_distribution<NodeId> pick(0, g.node_count() - 1);
    for (int i = 0; i < 50; ++i) {
      out.nodes.push_back(pick(rng));
    }
  }
  return out;
}

// One worker's share: origins [begin, end) into its own reused vector.
void drive(ReachSearch& search, std::span<const NodeId> origins, std::uint32_t first_tag,
           std::vector<Reached>& out) {
  out.clear();
  ReachOptions options;
  options.metric = Metric::distance;
  options.limit = kLimitM;
  for (std::uint32_t i = 0; i < origins.size(); ++i) {
    search.run_from(origins[i], first_tag + i, options, out);
  }
}

void write_reached(const char* path, std::span<const NodeId> origins,
                   const std::vector<Reached>& rows) {
  const RoadGraph& g = graph();
  std::ofstream out(path);
  out << "origin_osm_id,node_osm_id,agg_cost_m\n";
  out.setf(std::ios::fixed);
  out.precision(3);
  for (const Reached& r : rows) {
    out << g.node_osm_id(origins[r.source]) << ',' << g.node_osm_id(r.node) << ',' << r.cost
        << '\n';
  }
}

void BM_DrivingDistance50x1km(benchmark::State& state) {
  const RoadGraph& g = graph();
  const Origins origins = load_origins();
  const auto threads = static_cast<std::size_t>(state.range(0));
  std::vector<ReachSearch> searches;
  std::vector<std::vector<Reached>> outs(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    searches.emplace_back(g);
  }
  const std::size_t n = origins.nodes.size();
  const std::span<const NodeId> all(origins.nodes);
  for (auto _ : state) {
    if (threads == 1) {
      drive(searches[0], all, 0, outs[0]);
    } else {
      std::vector<std::jthread> workers;
      for (std::size_t t = 1; t < threads; ++t) {
        const std::size_t begin = n * t / threads;
        const std::size_t end = n * (t + 1) / threads;
        workers.emplace_back([&, t, begin, end] {
          drive(searches[t], all.subspan(begin, end - begin), static_cast<std::uint32_t>(begin),
                outs[t]);
        });
      }
      drive(searches[0], all.first(n / threads), 0, outs[0]);
    }
    benchmark::DoNotOptimize(outs.data());
    benchmark::ClobberMemory();
  }
  std::size_t reached = 0;
  for (const auto& o : outs) {
    reached += o.size();
  }
  if (const char* csv = std::getenv("CAREMAP_BENCH_REACHED_CSV"); csv && *csv && threads == 1) {
    write_reached(csv, origins.nodes, outs[0]);
  }
  if (const char* csv = std::getenv("CAREMAP_BENCH_GRAPH_NODES_CSV"); csv && *csv) {
    std::ofstream out(csv);
    out << "osm_id\n";
    for (NodeId v = 0; v < g.node_count(); ++v) {
      out << g.node_osm_id(v) << '\n';
    }
  }
  state.counters["origins"] = static_cast<double>(n);
  state.counters["reached_nodes"] = static_cast<double>(reached);
  state.counters["origins_by_osm_id"] = static_cast<double>(origins.by_osm_id);
  state.counters["origins_by_coordinate"] = static_cast<double>(origins.by_coordinate);
  state.counters["origins_unmatched"] = static_cast<double>(origins.unmatched);
  state.counters["graph_nodes"] = g.node_count();
}
// Arg: threads (the origins split evenly between them; 1 is the row compared with pgRouting).
BENCHMARK(BM_DrivingDistance50x1km)
    ->ArgNames({"threads"})
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
