// Nearest-facility benchmark: building the facility index and answering "which facility is
// nearest" for 100,000 and 1,000,000 demand points spread over Japan's extent.
//
// Facilities: the x y pairs (metres, one pair per line, '#' comments) of the file named by the
// environment variable CAREMAP_BENCH_FACILITIES, else 7,300 random points (about the number of
// hospitals in Japan) over a 2,000 x 1,500 km box with a fixed seed. Demand points: uniform random
// over the facilities' bounding box, fixed seed (BM_NearestTable, BM_NearestOneInputOrder,
// BM_NearestLayer). If CAREMAP_BENCH_DEMAND names a file of x y pairs, BM_NearestTableFile runs
// the same query on its first 100,000 and on all of its points (clustered, real-world demand). The
// counter per_point is wall time per demand point (the reported time / points), printed with an SI
// prefix: "412n" is 412 ns.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/nearest.hpp"
#include "core/layer.hpp"
#include "index/point_index.hpp"

namespace {

using caremap::core::FeatureId;
using caremap::core::XY;
namespace analysis = caremap::analysis;
namespace index = caremap::index;

constexpr std::size_t kSyntheticFacilities = 7300;
constexpr double kWidthM = 2'000'000.0;
constexpr double kHeightM = 1'500'000.0;

std::vector<XY> read_pairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot open CAREMAP_BENCH_FACILITIES file " + path);
  }
  std::vector<XY> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::istringstream fields(line);
    XY p;
    if (fields >> p.x >> p.y) {
      out.push_back(p);
    }
  }
  if (out.empty()) {
    throw std::runtime_error("no x y pairs in " + path);
  }
  return out;
}

std::vector<XY> random_points(std::size_t n, double min_x, double min_y, double max_x, double max_y,
                              unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ux(min_x, max_x);
  std::uniform_real_distribution<double> uy(min_y, max_y);
  std::vector<XY> out(n);
  for (XY& p : out) {
    p = {ux(rng), uy(rng)};
  }
  return out;
}

const std::vector<XY>& facilities() {
  static const std::vector<XY> pts = [] {
    if (const char* path = std::getenv("CAREMAP_BENCH_FACILITIES"); path && *path) {
      return read_pairs(path);
    }
    return random_points(kSyntheticFacilities, 0.0, 0.0, kWidthM, kHeightM, 20250601);
  }();
  return pts;
}

std::vector<index::PointIndex::Value> facility_values() {
  std::vector<index::PointIndex::Value> values;
  const auto& pts = facilities();
  values.reserve(pts.size());
  for (std::size_t i = 0; i < pts.size(); ++i) {
    values.emplace_back(pts[i], FeatureId{static_cast<std::uint32_t>(i)});
  }
  return values;
}

const index::PointIndex& facility_index() {
  static const index::PointIndex idx(facility_values());
  return idx;
}

const std::vector<XY>& demand(std::size_t n) {
  static std::vector<std::vector<XY>> cache(2);
  const std::size_t slot = n > 100'000 ? 1 : 0;
  if (cache[slot].size() != n) {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const XY& p : facilities()) {
      min_x = std::min(min_x, p.x);
      min_y = std::min(min_y, p.y);
      max_x = std::max(max_x, p.x);
      max_y = std::max(max_y, p.y);
    }
    cache[slot] = random_points(n, min_x, min_y, max_x, max_y, 7 + static_cast<unsigned>(n));
  }
  return cache[slot];
}

void per_point(benchmark::State& state, std::size_t points) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * points));
  // Seconds per point, printed with an SI prefix ("412n" = 412 ns).
  state.counters["per_point"] = benchmark::Counter(
      static_cast<double>(points),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// Bulk-loading the R-tree over every facility.
void BM_IndexBuild(benchmark::State& state) {
  const auto values = facility_values();
  for (auto _ : state) {
    index::PointIndex idx(values);
    benchmark::DoNotOptimize(idx.size());
  }
  state.counters["facilities"] = static_cast<double>(values.size());
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMicrosecond);

// The fast path: nearest id + distance per point, Hilbert-ordered, args {points, k, threads}.
void BM_NearestTable(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto& pts = demand(n);
  const auto& idx = facility_index();
  analysis::NearestQuery query;
  query.k = static_cast<std::size_t>(state.range(1));
  query.threads = static_cast<unsigned>(state.range(2));
  analysis::NearestTable table;
  for (auto _ : state) {
    analysis::nearest_table(idx, pts, query, table);
    benchmark::DoNotOptimize(table.hits.data());
  }
  per_point(state, n);
}
BENCHMARK(BM_NearestTable)
    ->ArgNames({"points", "k", "threads"})
    ->Args({100'000, 1, 1})
    ->Args({1'000'000, 1, 1})
    ->Args({1'000'000, 1, 2})
    ->Args({1'000'000, 3, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Baseline: one PointIndex::nearest_one per point in input (random) order, no tie handling.
void BM_NearestOneInputOrder(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto& pts = demand(n);
  const auto& idx = facility_index();
  std::vector<index::NearestHit> out(n);
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      out[i] = *idx.nearest_one(pts[i]);
    }
    benchmark::DoNotOptimize(out.data());
  }
  per_point(state, n);
}
BENCHMARK(BM_NearestOneInputOrder)
    ->ArgNames({"points"})
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The layer-level operation without the links layer: demand layer in, rows and summary out.
void BM_NearestLayer(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  caremap::core::Layer demand_layer;
  demand_layer.id = "demand";
  demand_layer.category = caremap::core::Category::demand;
  demand_layer.features.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    demand_layer.features[i].geometry = demand(n)[i];
  }
  auto hospitals = std::make_shared<caremap::core::Layer>();
  hospitals->id = "hospitals";
  hospitals->category = caremap::core::Category::hospital;
  for (const XY& p : facilities()) {
    caremap::core::Feature f;
    f.geometry = p;
    f.category = caremap::core::Category::hospital;
    hospitals->features.push_back(std::move(f));
  }
  const std::vector<caremap::core::LayerPtr> layers{hospitals};
  analysis::NearestParams params;
  params.categories = {caremap::core::Category::hospital};
  params.build_links = state.range(1) != 0;
  for (auto _ : state) {
    auto result = analysis::nearest(demand_layer, layers, params);
    benchmark::DoNotOptimize(result.rows.data());
  }
  per_point(state, n);
}
BENCHMARK(BM_NearestLayer)
    ->ArgNames({"points", "links"})
    ->Args({100'000, 1})
    ->Args({1'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The fast path on the CAREMAP_BENCH_DEMAND points; registered at run time (the file decides
// the sizes).
void BM_NearestTableFile(benchmark::State& state, const std::vector<XY>* all, std::size_t n,
                         unsigned threads) {
  const std::span<const XY> pts(all->data(), n);
  analysis::NearestQuery query;
  query.threads = threads;
  analysis::NearestTable table;
  for (auto _ : state) {
    analysis::nearest_table(facility_index(), pts, query, table);
    benchmark::DoNotOptimize(table.hits.data());
  }
  per_point(state, n);
}

void register_file_benchmarks() {
  const char* path = std::getenv("CAREMAP_BENCH_DEMAND");
  if (!path || !*path) {
    return;
  }
  static const std::vector<XY> file_points = read_pairs(path);
  for (const std::size_t n :
       {std::min<std::size_t>(100'000, file_points.size()), file_points.size()}) {
    for (const unsigned threads : {1u, 2u}) {
      const std::string name = "BM_NearestTableFile/points:" + std::to_string(n) +
                               "/k:1/threads:" + std::to_string(threads);
      benchmark::RegisterBenchmark(name.c_str(), BM_NearestTableFile, &file_points, n, threads)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
    if (n == file_points.size()) {
      break;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  register_file_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
