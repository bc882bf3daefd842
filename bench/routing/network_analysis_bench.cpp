// Network-analysis benchmarks on the Monaco car graph: service areas for 50 origins with a
// 1000 m road-DISTANCE band (the peer comparison with pgr_drivingDistance uses distance), and
// the 1000 x 1000 OD matrix on 2 threads. Origins are graph nodes drawn with a fixed seed, or
// the rows of $CAREMAP_BENCH_ORIGINS (CSV id,osm_node_id,lon,lat: bench/run's origins.csv);
// $CAREMAP_BENCH_OSM overrides the .osm.pbf.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

#include "analysis/od_matrix.hpp"
#include "analysis/service_area.hpp"
#include "routing/osm_graph.hpp"
#include "support/monaco.hpp"
#include "support/utm_projector.hpp"

using namespace caremap;

namespace {

std::filesystem::path osm_path() {
  const char* env = std::getenv("CAREMAP_BENCH_OSM");
  return env && *env ? std::filesystem::path(env) : test::monaco_pbf(CAREMAP_BENCH_DATA_DIR);
}

// The origins of $CAREMAP_BENCH_ORIGINS projected to UTM 32N; empty if unset or unreadable.
std::vector<core::XY> origins_from_env() {
  std::vector<core::XY> out;
  const char* env = std::getenv("CAREMAP_BENCH_ORIGINS");
  if (!env || !*env) {
    return out;
  }
  std::ifstream in(env);
  std::string line;
  std::getline(in, line);  // header
  test::UtmProjector utm(test::kMonacoUtmZone);
  while (std::getline(in, line)) {
    std::istringstream cells(line);
    std::string id, node, lon, lat;
    if (std::getline(cells, id, ',') && std::getline(cells, node, ',') &&
        std::getline(cells, lon, ',') && std::getline(cells, lat, ',')) {
      out.push_back(utm.forward({std::stod(lon), std::stod(lat)}));
    }
  }
  return out;
}

const routing::RoadNetwork& network() {
  static const auto net = [] {
    core::Diagnostics d;
    test::UtmProjector utm(test::kMonacoUtmZone);
    return std::make_unique<routing::RoadNetwork>(
        routing::build_graph(osm_path(), routing::car_profile(), utm, test::kMonacoCrs, d));
  }();
  return *net;
}

std::vector<core::XY> random_nodes(std::size_t n, unsigned seed) {
  const routing::RoadGraph& g = network().graph();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<routing::NodeId> pick(0, g.node_count() - 1);
  std::vector<core::XY> out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(g.node_xy(pick(rng)));
  }
  return out;
}

void BM_ServiceAreas50x1km(benchmark::State& state) {
  auto origins = origins_from_env();
  if (origins.empty()) {
    origins = random_nodes(50, 3);
  }
  analysis::ServiceAreaParams p;
  p.build_polygons = state.range(0) > 0;
  p.distance_bands = {core::Meters{1000}};
  p.road_buffer = core::Meters{p.build_polygons ? static_cast<double>(state.range(0)) : 100.0};
  p.threads = static_cast<unsigned>(state.range(1));
  double area = 0.0;
  std::size_t invalid = 0;
  for (auto _ : state) {
    const auto r = analysis::service_area(network(), origins, p);
    invalid = r.diagnostics.count("invalid_service_area");
    area = 0.0;
    for (const auto& f : r.areas.features) {
      area += std::get<double>(f.values[r.areas.require_field("area_km2")]);
    }
  }
  state.counters["mean_area_km2"] = area / static_cast<double>(origins.size());
  state.counters["origins"] = static_cast<double>(origins.size());
  state.counters["invalid"] = static_cast<double>(invalid);
}
// Args: road buffer in metres (0 = reached roads only, no polygons), threads.
BENCHMARK(BM_ServiceAreas50x1km)
    ->ArgNames({"buffer_m", "threads"})
    ->Args({0, 1})
    ->Args({50, 1})
    ->Args({50, 2})
    ->Args({100, 2})
    ->Unit(benchmark::kMillisecond);

void BM_OdMatrix1000x1000(benchmark::State& state) {
  const auto origins = random_nodes(1000, 5);
  const auto destinations = random_nodes(1000, 6);
  analysis::OdOptions o;
  o.threads = static_cast<unsigned>(state.range(0));
  std::size_t reachable = 0;
  for (auto _ : state) {
    const auto r = analysis::od_matrix(network(), origins, destinations, o);
    reachable = 0;
    for (const auto& row : r.rows) {
      reachable += row.reachable ? 1 : 0;
    }
  }
  state.counters["reachable_pairs"] = static_cast<double>(reachable);
}
BENCHMARK(BM_OdMatrix1000x1000)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
