// ReachSearch / reached_within: exact reached sets, costs and predecessor arcs on a small drawn
// network, and agreement with Dijkstra on the Monaco car graph.
#include "routing/reach.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

#include "routing/osm_graph.hpp"
#include "support/monaco.hpp"
#include "support/road_fixture.hpp"
#include "support/utm_projector.hpp"
#include "test_paths.hpp"

using namespace caremap;
using namespace caremap::routing;
using caremap::test::parse_road_fixture;

namespace {

// A -> B is one-way; B -> E goes round the shape point S (not a graph node).
//   D ------ E
//   |          \.
//   |           S
//   |          /
//   A ==>> B ---------- C
const char* kNet = R"(
node A 0 0
node B 100 0
node C 300 0
node D 0 300
node E 100 300
node S 200 150
way 1 A B speed=36 oneway   # 100 m, A -> B only
way 2 B C speed=36          # 200 m
way 3 A D speed=36          # 300 m
way 4 D E speed=36          # 100 m
way 5 B S E speed=36        # 2 x hypot(100, 150) m
)";

const double kBse = 2.0 * std::hypot(100.0, 150.0);

std::vector<Link> at(NodeId v, std::uint32_t tag = 0, double length_m = 0.0) {
  return {Link{v, length_m / 10.0, length_m, kNone, 0.0, tag}};
}

ArcId arc_between(const RoadGraph& g, NodeId u, NodeId v) {
  for (ArcId x = g.first_out()[u]; x < g.first_out()[u + 1]; ++x) {
    if (g.head()[x] == v) {
      return x;
    }
  }
  return kNone;
}

// node -> cost, and the checks every answer must pass: each node once, costs non-decreasing
// and within the limit, every predecessor arc ends at its node and extends its tail's path.
std::map<NodeId, double> costs_of(const RoadGraph& g, const std::vector<Reached>& rows,
                                  double limit, Metric metric = Metric::distance) {
  std::map<NodeId, double> out;
  double previous = 0.0;
  for (const Reached& r : rows) {
    CHECK(out.emplace(r.node, r.cost).second);
    CHECK(r.cost >= previous);
    CHECK(r.cost <= limit);
    previous = r.cost;
    if (r.pred_arc != kNone) {
      REQUIRE(g.head()[r.pred_arc] == r.node);
      const NodeId tail = g.tail()[r.pred_arc];
      REQUIRE(out.count(tail) == 1);
      const double w =
          metric == Metric::distance ? g.length_m()[r.pred_arc] : g.time_s()[r.pred_arc];
      CHECK(out.at(tail) + w == Approx(r.cost).margin(1e-9));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("reached_within returns exactly the nodes within the limit", "[routing][reach]") {
  const auto f = parse_road_fixture(kNet);
  const RoadGraph& g = f.graph;
  REQUIRE(g.node_count() == 5);  // S is a shape point
  const NodeId a = f.node("A"), b = f.node("B"), c = f.node("C"), d = f.node("D"), e = f.node("E");

  SECTION("the limit is inclusive; E is beyond it both ways round") {
    const auto rows = reached_within(g, at(a), 300.0, Metric::distance);
    const auto costs = costs_of(g, rows, 300.0);
    CHECK(costs == std::map<NodeId, double>{{a, 0.0}, {b, 100.0}, {c, 300.0}, {d, 300.0}});
    REQUIRE(rows.front().node == a);
    CHECK(rows.front().pred_arc == kNone);
    CHECK(reached_within(g, at(a), 299.999, Metric::distance).size() == 2);
  }
  SECTION("a one-way street forces the long way back") {
    const auto costs = costs_of(g, reached_within(g, at(b), 1000.0, Metric::distance), 1000.0);
    CHECK(costs.size() == 5);
    CHECK(costs.at(c) == Approx(200.0).margin(1e-9));
    CHECK(costs.at(e) == Approx(kBse).margin(1e-9));
    CHECK(costs.at(d) == Approx(kBse + 100.0).margin(1e-9));
    CHECK(costs.at(a) == Approx(kBse + 400.0).margin(1e-9));
  }
  SECTION("by time: 36 km/h is 10 m/s") {
    const auto rows = reached_within(g, at(a), 40.0, Metric::time);
    const auto costs = costs_of(g, rows, 40.0, Metric::time);
    CHECK(costs == std::map<NodeId, double>{{a, 0.0}, {b, 10.0}, {c, 30.0}, {d, 30.0}, {e, 40.0}});
  }
  SECTION("backward: the cost to reach the seed") {
    const auto rows =
        reached_within(g, at(a), 1000.0, Metric::distance, nullptr, Direction::backward);
    std::map<NodeId, double> costs;
    for (const Reached& r : rows) {
      costs.emplace(r.node, r.cost);
      if (r.pred_arc != kNone) {
        CHECK(g.tail()[r.pred_arc] == r.node);  // the arc out of the node towards the seed
      }
    }
    REQUIRE(costs.size() == 5);
    CHECK(costs.at(d) == Approx(300.0).margin(1e-9));
    CHECK(costs.at(e) == Approx(400.0).margin(1e-9));
    CHECK(costs.at(b) == Approx(400.0 + kBse).margin(1e-9));
    CHECK(costs.at(c) == Approx(600.0 + kBse).margin(1e-9));
  }
  SECTION("closures in the overlay are never used") {
    Overlay overlay(g);
    overlay.close_arc(arc_between(g, a, b));
    const auto costs =
        costs_of(g, reached_within(g, at(a), 900.0, Metric::distance, &overlay), 900.0);
    CHECK(costs.at(b) == Approx(400.0 + kBse).margin(1e-9));
    CHECK(costs.count(c) == 0);  // 600 + 360.6 m, beyond 900 m
    CHECK(costs.size() == 4);
  }
}

TEST_CASE("several seeds share one tree: each node from its nearest seed", "[routing][reach]") {
  const auto f = parse_road_fixture(kNet);
  const RoadGraph& g = f.graph;
  const NodeId a = f.node("A"), b = f.node("B"), c = f.node("C");
  std::vector<Link> seeds = at(a, 10);
  seeds.push_back(at(c, 20)[0]);
  seeds.push_back(at(f.node("D"), 30, 60.0)[0]);  // starts 60 m away: beyond the limit
  std::vector<Reached> out{Reached{}};            // run() appends
  ReachSearch search(g);
  const std::size_t n =
      search.run(seeds, {Metric::distance, Direction::forward, 50.0, nullptr}, out);
  CHECK(n == 2);
  REQUIRE(out.size() == 3);
  CHECK(out[1].node != out[2].node);
  for (std::size_t i = 1; i < out.size(); ++i) {
    CHECK(out[i].cost == 0.0);
    CHECK(out[i].pred_arc == kNone);
    CHECK(out[i].source == (out[i].node == a ? 10u : 20u));
  }
  out.clear();
  search.run(seeds, {Metric::distance, Direction::forward, 250.0, nullptr}, out);
  std::map<NodeId, std::uint32_t> source;
  for (const Reached& r : out) {
    source.emplace(r.node, r.source);
  }
  // B is 100 m from A and 200 m from C; D's own seed is 60 m, A's path 300 m; E is 160 m
  // from D's seed.
  CHECK(source == std::map<NodeId, std::uint32_t>{
                      {a, 10}, {b, 10}, {c, 20}, {f.node("D"), 30}, {f.node("E"), 30}});
  // The same search reused from one node gives the same rows as a fresh one.
  out.clear();
  search.run_from(b, 7, {Metric::distance, Direction::forward, 1000.0, nullptr}, out);
  CHECK(out == reached_within(g, at(b, 7), 1000.0, Metric::distance));
}

TEST_CASE("Monaco car graph: reached_within equals Dijkstra with a cutoff",
          "[routing][reach][monaco]") {
  static const RoadGraph g = [] {
    core::Diagnostics d;
    test::UtmProjector utm(test::kMonacoUtmZone);
    return build_graph(test::monaco_pbf(CAREMAP_TEST_DATA_DIR), car_profile(), utm,
                       test::kMonacoCrs, d);
  }();
  REQUIRE(g.node_count() > 1000);
  ReachSearch search(g);
  Dijkstra q(g);
  std::mt19937 rng(4);
  std::uniform_int_distribution<NodeId> pick(0, g.node_count() - 1);
  std::vector<Reached> out;
  std::size_t total = 0;
  for (const Metric metric : {Metric::distance, Metric::time}) {
    const double limit = metric == Metric::distance ? 1000.0 : 90.0;
    for (int i = 0; i < 50; ++i) {
      const NodeId s = pick(rng);
      out.clear();
      search.run_from(s, static_cast<std::uint32_t>(i),
                      {metric, Direction::forward, limit, nullptr}, out);
      SearchOptions options;
      options.metric = metric;
      options.cutoff = limit;
      q.run(at(s), options);
      REQUIRE(out.size() == q.settled().size());
      total += out.size();
      int differ = 0;
      for (const Reached& r : out) {
        const std::uint32_t parent = q.parent(r.node);
        const ArcId pred = (parent & Dijkstra::kSeedParent) != 0 ? kNone : parent;
        if (!q.reached(r.node) || q.cost(r.node) != r.cost || pred != r.pred_arc ||
            r.source != static_cast<std::uint32_t>(i)) {
          ++differ;
        }
      }
      CHECK(differ == 0);
    }
  }
  CHECK(total > 5000);  // a kilometre or 90 s of Monaco's streets is hundreds of nodes
}
