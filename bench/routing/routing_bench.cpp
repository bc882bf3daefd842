// Routing benchmarks on the Monaco car graph (bench/README.md): graph build from the .osm.pbf,
// cache reload, one-to-all Dijkstra and one-to-one routes. The graph size is printed as
// counters. Run: build-*/bench/routing/caremap_routing_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "routing/osm_graph.hpp"
#include "routing/route.hpp"
#include "support/monaco.hpp"
#include "support/utm_projector.hpp"

using namespace caremap;
using namespace caremap::routing;
namespace fs = std::filesystem;

namespace {

// A new projector per build: a Projector converts only through non-const methods and is not
// shared (core/projector.hpp).
test::UtmProjector utm() {
  return test::UtmProjector(test::kMonacoUtmZone);
}

fs::path pbf() {
  return test::monaco_pbf(CAREMAP_BENCH_DATA_DIR);
}

const RoadGraph& graph() {
  static const RoadGraph g = [] {
    core::Diagnostics d;
    test::UtmProjector projector = utm();
    return build_graph(pbf(), car_profile(), projector, test::kMonacoCrs, d);
  }();
  return g;
}

void set_size_counters(benchmark::State& state, const RoadGraph& g) {
  state.counters["nodes"] = g.node_count();
  state.counters["arcs"] = g.arc_count();
  state.counters["segments"] = g.segment_count();
  state.counters["shape_points"] = static_cast<double>(g.arrays().points.size());
}

void BM_GraphBuild(benchmark::State& state) {
  for (auto _ : state) {
    core::Diagnostics d;
    test::UtmProjector projector = utm();
    RoadGraph g = build_graph(pbf(), car_profile(), projector, test::kMonacoCrs, d);
    benchmark::DoNotOptimize(g.arc_count());
  }
  set_size_counters(state, graph());
}
BENCHMARK(BM_GraphBuild)->Unit(benchmark::kMillisecond);

void BM_CacheReload(benchmark::State& state) {
  const fs::path cache = fs::temp_directory_path() / "caremap-bench-monaco.car.caremap-graph";
  const CacheKey key = cache_key_for(pbf(), car_profile(), test::kMonacoCrs);
  write_graph_cache(graph(), key, cache);
  state.counters["file_kb"] = static_cast<double>(fs::file_size(cache)) / 1024.0;
  for (auto _ : state) {
    core::Diagnostics d;
    auto g = read_graph_cache(cache, key, d);
    benchmark::DoNotOptimize(g->arc_count());
  }
  fs::remove(cache);
}
BENCHMARK(BM_CacheReload)->Unit(benchmark::kMillisecond);

void BM_OneToAll(benchmark::State& state) {
  const RoadGraph& g = graph();
  Dijkstra q(g);
  std::mt19937 rng(7);
  std::uniform_int_distribution<NodeId> pick(0, g.node_count() - 1);
  std::vector<Link> seeds;
  for (auto _ : state) {
    seeds.clear();
    append_departures(g, Endpoint::at_node(g, pick(rng)), nullptr, 0, seeds);
    q.run(seeds, {});
    benchmark::DoNotOptimize(q.settled().size());
  }
  set_size_counters(state, g);
}
BENCHMARK(BM_OneToAll)->Unit(benchmark::kMicrosecond);

void BM_OneToOne(benchmark::State& state) {
  const RoadGraph& g = graph();
  Dijkstra q(g);
  std::mt19937 rng(11);
  std::uniform_int_distribution<NodeId> pick(0, g.node_count() - 1);
  for (auto _ : state) {
    auto r = shortest_route(q, Endpoint::at_node(g, pick(rng)), Endpoint::at_node(g, pick(rng)), {},
                            false);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_OneToOne)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
