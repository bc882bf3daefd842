// The car graph of the real Monaco extract, checked against an independent Dijkstra
// (Boost.Graph's dijkstra_shortest_paths on an adjacency_list made from the CSR arrays).

#include "support/monaco.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "routing/osm_graph.hpp"
#include "routing/route.hpp"
#include "support/utm_projector.hpp"
#include "test_paths.hpp"

using namespace caremap;
using namespace caremap::routing;
namespace fs = std::filesystem;

namespace {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

BoostGraph to_boost(const RoadGraph& g) {
  BoostGraph bg(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) {
    for (ArcId a = g.first_out()[v]; a < g.first_out()[v + 1]; ++a) {
      boost::add_edge(v, g.head()[a], g.time_s()[a], bg);
    }
  }
  return bg;
}

const RoadGraph& monaco_car() {
  static const RoadGraph graph = [] {
    core::Diagnostics d;
    test::UtmProjector utm(test::kMonacoUtmZone);
    return build_graph(test::monaco_pbf(CAREMAP_TEST_DATA_DIR), car_profile(), utm,
                       test::kMonacoCrs, d);
  }();
  return graph;
}

}  // namespace

TEST_CASE("Monaco car graph: shortest times equal Boost.Graph's Dijkstra", "[routing][monaco]") {
  const RoadGraph& g = monaco_car();
  REQUIRE(g.node_count() > 1000);
  REQUIRE(g.arc_count() > g.node_count());
  const BoostGraph bg = to_boost(g);
  std::vector<double> dist(g.node_count());
  Dijkstra q(g);

  std::mt19937 rng(20250601);
  std::uniform_int_distribution<NodeId> pick(0, g.node_count() - 1);
  int reachable = 0;
  int mismatches = 0;
  for (int i = 0; i < 1000; ++i) {
    const NodeId s = pick(rng);
    const NodeId t = pick(rng);
    boost::dijkstra_shortest_paths(bg, s,
                                   boost::distance_map(boost::make_iterator_property_map(
                                       dist.begin(), boost::get(boost::vertex_index, bg))));
    const double expected = dist[t];
    const bool boost_reached = expected < std::numeric_limits<double>::max();
    const auto r = shortest_route(q, Endpoint::at_node(g, s), Endpoint::at_node(g, t), {}, false);
    if (r.has_value() != boost_reached) {
      ++mismatches;
      continue;
    }
    if (r) {
      ++reachable;
      if (std::abs(r->time_s - expected) > 1e-6) {
        ++mismatches;
      }
      // The arcs of the route add up to its time.
      double sum = 0.0;
      for (const ArcId a : r->arcs) {
        sum += g.time_s()[a];
      }
      CHECK(sum == Approx(r->time_s).margin(1e-6));
    }
  }
  CHECK(mismatches == 0);
  CHECK(reachable > 800);  // most of the extract is one strongly connected city

  // One-to-all from a few sources: every node's time equals Boost's.
  for (int i = 0; i < 5; ++i) {
    const NodeId s = pick(rng);
    boost::dijkstra_shortest_paths(bg, s,
                                   boost::distance_map(boost::make_iterator_property_map(
                                       dist.begin(), boost::get(boost::vertex_index, bg))));
    std::vector<Link> seeds;
    append_departures(g, Endpoint::at_node(g, s), nullptr, 0, seeds);
    q.run(seeds, {});
    int differ = 0;
    for (NodeId v = 0; v < g.node_count(); ++v) {
      const bool br = dist[v] < std::numeric_limits<double>::max();
      if (br != q.reached(v) || (br && std::abs(dist[v] - q.cost(v)) > 1e-6)) {
        ++differ;
      }
    }
    CHECK(differ == 0);
  }
}

TEST_CASE("Monaco car graph: a reloaded cache holds identical arrays", "[routing][monaco]") {
  const fs::path pbf = test::monaco_pbf(CAREMAP_TEST_DATA_DIR);
  const fs::path dir = fs::temp_directory_path() /
                       ("caremap-monaco-cache-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  CacheOptions options;
  options.crs = test::kMonacoCrs;
  options.path = dir / "monaco.car.caremap-graph";
  test::UtmProjector utm(test::kMonacoUtmZone);
  core::Diagnostics d;
  const LoadedGraph built = load_or_build_graph(pbf, car_profile(), utm, options, d);
  const LoadedGraph loaded = load_or_build_graph(pbf, car_profile(), utm, options, d);
  CHECK_FALSE(built.from_cache);
  CHECK(loaded.from_cache);
  CHECK(loaded.graph.arrays() == built.graph.arrays());
  CHECK(loaded.graph.arrays() == monaco_car().arrays());
  CHECK(d.count("graph_cache_invalid") == 0);
  CHECK(d.count("graph_cache_write_failed") == 0);
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}
