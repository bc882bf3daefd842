#include "routing/dijkstra.hpp"

#include <catch2/catch.hpp>

#include "routing/route.hpp"
#include "support/road_fixture.hpp"

using namespace caremap;
using namespace caremap::routing;
using caremap::test::parse_road_fixture;

namespace {

// A 3 x 2 grid of 100 m blocks; A -> B is a fast one-way street.
//   D ---- E ---- F
//   |      |      |
//   A ==>> B ---- C
const char* kOneWayGrid = R"(
node A 0 0
node B 100 0
node C 200 0
node D 0 100
node E 100 100
node F 200 100
way 1 A B speed=72 oneway   # 5 s, A -> B only
way 2 B C speed=36          # 10 s
way 3 D E F speed=36
way 4 A D speed=36
way 5 B E speed=36
way 6 C F speed=36
)";

std::vector<Link> node_seed(const RoadGraph& g, NodeId v, std::uint32_t tag = 0) {
  std::vector<Link> seeds;
  append_departures(g, Endpoint::at_node(g, v), nullptr, tag, seeds);
  return seeds;
}

}  // namespace

TEST_CASE("a one-way street is fast one way and needs a detour the other", "[routing][dijkstra]") {
  const auto f = parse_road_fixture(kOneWayGrid);
  const RoadGraph& g = f.graph;
  REQUIRE(g.node_count() == 6);
  Dijkstra q(g);
  const auto ab =
      shortest_route(q, Endpoint::at_node(g, f.node("A")), Endpoint::at_node(g, f.node("B")), {});
  REQUIRE(ab);
  CHECK(ab->time_s == Approx(5.0).margin(1e-9));
  CHECK(ab->length_m == Approx(100.0).margin(1e-9));

  // B -> A: B -> E -> D -> A, 3 x 10 s, since A -> B is one-way.
  const auto ba =
      shortest_route(q, Endpoint::at_node(g, f.node("B")), Endpoint::at_node(g, f.node("A")), {});
  REQUIRE(ba);
  CHECK(ba->time_s == Approx(30.0).margin(1e-9));
  CHECK(ba->length_m == Approx(300.0).margin(1e-9));
  REQUIRE(ba->arcs.size() == 3);
  CHECK(ba->geometry.front() == g.node_xy(f.node("B")));
  CHECK(ba->geometry.back() == g.node_xy(f.node("A")));
  CHECK(boost::geometry::length(ba->geometry) == Approx(300.0).margin(1e-9));

  // The same costs from a backward search rooted at A: "time from every node to A".
  SearchOptions back;
  back.direction = Direction::backward;
  q.run(node_seed(g, f.node("A")), back);
  CHECK(q.cost(f.node("B")) == Approx(30.0).margin(1e-9));
  // C -> B -> E -> D -> A and C -> F -> E -> D -> A: both 40 s.
  CHECK(q.cost(f.node("C")) == Approx(40.0).margin(1e-9));
}

TEST_CASE("backward and forward searches agree with one-to-one routes", "[routing][dijkstra]") {
  const auto f = parse_road_fixture(kOneWayGrid);
  const RoadGraph& g = f.graph;
  Dijkstra q(g);
  Dijkstra one(g);
  for (NodeId s = 0; s < g.node_count(); ++s) {
    q.run(node_seed(g, s), {});
    for (NodeId t = 0; t < g.node_count(); ++t) {
      const auto r = shortest_route(one, Endpoint::at_node(g, s), Endpoint::at_node(g, t), {});
      REQUIRE(r);
      CHECK(q.cost(t) == Approx(r->time_s).margin(1e-9));
    }
    SearchOptions back;
    back.direction = Direction::backward;
    q.run(node_seed(g, s), back);
    for (NodeId t = 0; t < g.node_count(); ++t) {
      const auto r = shortest_route(one, Endpoint::at_node(g, t), Endpoint::at_node(g, s), {});
      REQUIRE(r);
      CHECK(q.cost(t) == Approx(r->time_s).margin(1e-9));
    }
  }
}

TEST_CASE("cutoffs settle exactly the nodes within the limit", "[routing][dijkstra]") {
  const auto f = parse_road_fixture(R"(
node A 0 0
node B 100 0
node C 200 0
node D 300 0
way 1 A B speed=36
way 2 B C speed=36
way 3 C D speed=36
)");
  const RoadGraph& g = f.graph;
  Dijkstra q(g);
  SearchOptions o;
  o.cutoff = 20.0;  // seconds: A 0, B 10, C 20 (inclusive), D 30
  q.run(node_seed(g, f.node("A")), o);
  CHECK(q.reached(f.node("C")));
  CHECK(q.cost(f.node("C")) == Approx(20.0).margin(1e-9));
  CHECK_FALSE(q.reached(f.node("D")));
  CHECK(q.cost(f.node("D")) == kUnreachable);
  CHECK(q.settled().size() == 3);

  o.metric = Metric::distance;
  o.cutoff = 150.0;  // metres
  q.run(node_seed(g, f.node("A")), o);
  CHECK(q.reached(f.node("B")));
  CHECK_FALSE(q.reached(f.node("C")));
  CHECK(q.time_s(f.node("B")) == Approx(10.0).margin(1e-9));
  CHECK(q.length_m(f.node("B")) == Approx(100.0).margin(1e-9));

  // Reuse after a cut-off run: a fresh full run reaches everything again.
  q.run(node_seed(g, f.node("D")), {});
  CHECK(q.cost(f.node("A")) == Approx(30.0).margin(1e-9));
}

TEST_CASE("a multi-source search records the winning source", "[routing][dijkstra]") {
  const auto f = parse_road_fixture(R"(
node A 0 0
node B 100 0
node C 200 0
node D 300 0
node E 400 0
way 1 A B C D E speed=36
)");
  const RoadGraph& g = f.graph;
  // Only A and E are graph nodes (way ends); B, C, D are shape points. Seed points by snapping.
  SegmentIndex index(g);
  std::vector<Link> seeds;
  append_departures(g, Endpoint::at(g, *index.snap({0, 0})), nullptr, 7, seeds);
  append_departures(g, Endpoint::at(g, *index.snap({300, 0})), nullptr, 9, seeds);
  Dijkstra q(g);
  q.run(seeds, {});
  const NodeId a = f.node("A");
  const NodeId e = f.node("E");
  CHECK(q.source(a) == 7);
  CHECK(q.cost(a) == 0.0);
  CHECK(q.source(e) == 9);  // 10 s from the point at D, 40 s from A
  CHECK(q.cost(e) == Approx(10.0).margin(1e-9));

  // Reading a target through its arrival links: x = 80 m is 8 s from A (source 7). (Travel
  // between two points of one segment that passes no node is a direct_link, checked by callers.)
  std::vector<Link> arrivals;
  append_arrivals(g, Endpoint::at(g, *index.snap({80, 50})), nullptr, 0, arrivals);
  const Arrival best = best_arrival(q, arrivals);
  REQUIRE(best.reached());
  CHECK(best.time_s == Approx(8.0).margin(1e-9));
  CHECK(best.source == 7);
}

TEST_CASE("snapped points get partial edge costs", "[routing][snap]") {
  const auto f = parse_road_fixture(R"(
node A 0 0
node B 1000 0
node C 1000 1000
way 1 A B speed=36
way 2 B C speed=36 oneway
)");
  const RoadGraph& g = f.graph;
  SegmentIndex index(g);
  Dijkstra q(g);

  SECTION("a point exactly on a node is that node") {
    const auto s = index.snap({0, 0});
    REQUIRE(s);
    CHECK(s->distance.value == 0.0);
    const Endpoint e = Endpoint::at(g, *s);
    CHECK(e.node == f.node("A"));
    const auto r = shortest_route(q, e, Endpoint::at_node(g, f.node("B")), {});
    REQUIRE(r);
    CHECK(r->time_s == Approx(100.0).margin(1e-9));
  }
  SECTION("a point in the middle of an edge costs half the edge") {
    const auto s = index.snap({500, 30});
    REQUIRE(s);
    CHECK(s->point.x == Approx(500.0).margin(1e-9));
    CHECK(s->point.y == Approx(0.0).margin(1e-9));
    CHECK(s->distance.value == Approx(30.0).margin(1e-9));
    CHECK(s->fraction == Approx(0.5).margin(1e-12));
    const Endpoint mid = Endpoint::at(g, *s);
    const auto to_b = shortest_route(q, mid, Endpoint::at_node(g, f.node("B")), {});
    const auto to_a = shortest_route(q, mid, Endpoint::at_node(g, f.node("A")), {});
    REQUIRE(to_b);
    REQUIRE(to_a);
    CHECK(to_b->time_s == Approx(50.0).margin(1e-9));
    CHECK(to_a->time_s == Approx(50.0).margin(1e-9));
    CHECK(to_a->geometry.front() == s->point);
    CHECK(to_a->geometry.back() == g.node_xy(f.node("A")));
  }
  SECTION("points on a one-way street leave and arrive only along it") {
    const Endpoint p = Endpoint::at(g, *index.snap({1010, 250}));  // 250 m up B -> C
    const Endpoint r = Endpoint::at(g, *index.snap({990, 750}));   // 750 m up B -> C
    const auto forward = shortest_route(q, p, r, {});
    REQUIRE(forward);
    CHECK(forward->time_s == Approx(50.0).margin(1e-9));
    CHECK(forward->geometry.front().y == Approx(250.0).margin(1e-9));
    CHECK(forward->geometry.back().y == Approx(750.0).margin(1e-9));
    CHECK_FALSE(shortest_route(q, r, p, {}));  // C is a dead end: no way back
    const auto to_c = shortest_route(q, p, Endpoint::at_node(g, f.node("C")), {});
    REQUIRE(to_c);
    CHECK(to_c->time_s == Approx(75.0).margin(1e-9));
    CHECK_FALSE(shortest_route(q, p, Endpoint::at_node(g, f.node("B")), {}));
  }
  SECTION("points beyond the threshold are diagnostics, not snapped") {
    CHECK_FALSE(index.snap({300, 700}));  // 700 m from both roads
    CHECK(index.snap({300, 700}, core::Meters{800.0}));
    core::Diagnostics d;
    const std::vector<core::XY> pts = {{500, 10}, {300, 700}};
    const auto snaps = snap_points(index, pts, kDefaultSnapDistance, "demand", d);
    CHECK(snaps[0].has_value());
    CHECK_FALSE(snaps[1].has_value());
    REQUIRE(d.count("snap_too_far") == 1);
    CHECK(d.items()[0].row == 2u);
  }
}

TEST_CASE("route geometry follows the road shape between the exact points", "[routing][route]") {
  const auto f = parse_road_fixture(R"(
node A 0 0
node K 300 0
node L 300 400
node B 600 400
way 1 A K L B speed=36   # one way with two bends: one segment, shape A K L B
)");
  const RoadGraph& g = f.graph;
  REQUIRE(g.segment_count() == 1);
  SegmentIndex index(g);
  Dijkstra q(g);
  const Endpoint from = Endpoint::at(g, *index.snap({100, -20}));  // 100 m along
  const Endpoint to = Endpoint::at(g, *index.snap({320, 200}));    // 500 m along
  const auto r = shortest_route(q, from, to, {});
  REQUIRE(r);
  CHECK(r->length_m == Approx(400.0).margin(1e-9));
  CHECK(r->time_s == Approx(40.0).margin(1e-9));
  REQUIRE(r->geometry.size() == 3);
  CHECK(r->geometry[0] == core::XY{100, 0});
  CHECK(r->geometry[1] == core::XY{300, 0});
  CHECK(r->geometry[2] == core::XY{300, 200});
  const auto back = shortest_route(q, to, from, {});
  REQUIRE(back);
  CHECK(back->time_s == Approx(40.0).margin(1e-9));
  CHECK(back->geometry.front() == core::XY{300, 200});
  CHECK(back->geometry.back() == core::XY{100, 0});
}
