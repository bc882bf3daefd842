#include "routing/overlay.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "routing/route.hpp"
#include "support/road_fixture.hpp"

using namespace caremap;
using namespace caremap::routing;
using caremap::test::parse_road_fixture;

namespace {

// A river runs north-south between x = 0 and x = 200; two bridges cross it.
//   W3 ===== E3     bridge 2 (way 15), 200 m
//   |         |
//   W2 ===== E2     bridge 1 (way 12), 200 m
//   |         |
//   W1       E1
const char* kRiver = R"(
node W1 0 0
node W2 0 1000
node W3 0 3000
node E1 200 0
node E2 200 1000
node E3 200 3000
way 10 W1 W2 speed=36
way 13 W2 W3 speed=36
way 11 E1 E2 speed=36
way 14 E2 E3 speed=36
way 12 W2 E2 speed=36
way 15 W3 E3 speed=36
)";

double time_w1_e1(const test::RoadFixture& f, const Overlay* overlay) {
  Dijkstra q(f.graph);
  SearchOptions o;
  o.overlay = overlay;
  const auto r = shortest_route(q, Endpoint::at_node(f.graph, f.node("W1")),
                                Endpoint::at_node(f.graph, f.node("E1")), o);
  return r ? r->time_s : kUnreachable;
}

core::Polygon box_polygon(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  boost::geometry::append(p.outer(), core::XY{x0, y0});
  boost::geometry::append(p.outer(), core::XY{x0, y1});
  boost::geometry::append(p.outer(), core::XY{x1, y1});
  boost::geometry::append(p.outer(), core::XY{x1, y0});
  boost::geometry::append(p.outer(), core::XY{x0, y0});
  boost::geometry::correct(p);
  return p;
}

}  // namespace

TEST_CASE("closing a bridge reroutes over the other one, closing both disconnects",
          "[routing][overlay]") {
  const auto f = parse_road_fixture(kRiver);
  SegmentIndex index(f.graph);
  // Open: 100 s up the west bank, 20 s over bridge 1, 100 s down the east bank.
  CHECK(time_w1_e1(f, nullptr) == Approx(220.0).margin(1e-9));

  core::Diagnostics d;
  SECTION("a line barrier across bridge 1") {
    Closures c;
    c.barriers.push_back(core::LineString{{100, 900}, {100, 1100}});
    const Overlay o = build_overlay(index, c, d);
    CHECK(o.closed_count() == 2);
    // 100 + 200 up, 20 over bridge 2, 200 + 100 down.
    CHECK(time_w1_e1(f, &o) == Approx(620.0).margin(1e-9));
  }
  SECTION("a flood polygon over bridge 1 and the way id of bridge 2") {
    Closures c;
    c.barriers.push_back(box_polygon(50, 950, 150, 1050));
    c.closed_ways.push_back(15);
    c.closed_ways.push_back(999);  // not in the graph
    const Overlay o = build_overlay(index, c, d);
    CHECK(time_w1_e1(f, &o) == kUnreachable);
    CHECK(d.count("closure_way_not_found") == 1);
    // No route at all, and the east bank is not reached (not "reached at an infinite cost"):
    // with no cutoff, a closed arc's +inf cost must not settle the nodes behind it.
    Dijkstra q(f.graph);
    SearchOptions opts;
    opts.overlay = &o;
    CHECK_FALSE(shortest_route(q, Endpoint::at_node(f.graph, f.node("W1")),
                               Endpoint::at_node(f.graph, f.node("E1")), opts)
                    .has_value());
    std::vector<Link> seeds;
    append_departures(f.graph, Endpoint::at_node(f.graph, f.node("W1")), &o, 0, seeds);
    q.run(seeds, opts);
    CHECK(q.reached(f.node("W3")));
    for (const char* east : {"E1", "E2", "E3"}) {
      CHECK_FALSE(q.reached(f.node(east)));
    }
  }
  SECTION("a point barrier on bridge 2 leaves bridge 1 open") {
    Closures c;
    c.barriers.push_back(core::XY{100, 3010});
    const Overlay o = build_overlay(index, c, d);
    CHECK(o.closed_count() == 2);
    CHECK(time_w1_e1(f, &o) == Approx(220.0).margin(1e-9));
  }
  SECTION("a slowdown over half of bridge 1 scales that half") {
    Closures c;
    core::MultiPolygon area;
    area.push_back(box_polygon(100, 900, 300, 1100));  // covers x in [100, 200] of the bridge
    c.slowdowns.push_back({area, 3.0});
    const Overlay o = build_overlay(index, c, d);
    CHECK(o.closed_count() == 0);
    // The bridge: 20 s x (1 + 2 x 0.5) = 40 s. The east bank road touches the area at E2 only
    // along a length of 100 m of its 1000 m (y 900..1000), so it is slowed by 1 + 2 x 0.1.
    CHECK(time_w1_e1(f, &o) == Approx(100.0 + 40.0 + 100.0 * 1.2).margin(1e-9));
  }
  SECTION("closed arcs in one direction only") {
    Closures c;
    SegmentId bridge = kNone;
    for (SegmentId s = 0; s < f.graph.segment_count(); ++s) {
      if (f.graph.segment_way_id(s) == 12) {
        bridge = s;
      }
    }
    REQUIRE(bridge != kNone);
    c.closed_arcs.push_back(f.graph.segment_forward_arc(bridge));  // W2 -> E2
    const Overlay o = build_overlay(index, c, d);
    CHECK(o.closed_count() == 1);
    CHECK(time_w1_e1(f, &o) == Approx(620.0).margin(1e-9));
    Dijkstra q(f.graph);
    SearchOptions opt;
    opt.overlay = &o;
    const auto back = shortest_route(q, Endpoint::at_node(f.graph, f.node("E1")),
                                     Endpoint::at_node(f.graph, f.node("W1")), opt);
    REQUIRE(back);
    CHECK(back->time_s == Approx(220.0).margin(1e-9));
    CHECK_THROWS_AS(build_overlay(index, Closures{{}, {}, {1u << 30}, {}, {}}, d),
                    core::ArgumentError);
  }
}

TEST_CASE("a flood closes the road through it, not the dry part before it", "[routing][overlay]") {
  const auto f = parse_road_fixture(kRiver);
  SegmentIndex index(f.graph);
  core::Diagnostics d;
  Closures c;
  c.barriers.push_back(box_polygon(-50, 950, 50, 1050));  // around W2, the bridge's west end
  const Overlay o = build_overlay(index, c, d);
  const RoadGraph& g = f.graph;
  SegmentId w1_w2 = kNone;
  for (SegmentId s = 0; s < g.segment_count(); ++s) {
    if (g.segment_way_id(s) == 10) {
      w1_w2 = s;
    }
  }
  REQUIRE(w1_w2 != kNone);
  // The closure lies on the last 50 m of W1-W2 (W1 at offset 0).
  const auto span = o.closed_span(g, w1_w2);
  REQUIRE(span.has_value());
  CHECK(span->from_m == Approx(950.0).margin(1e-6));
  CHECK(span->to_m == Approx(1000.0).margin(1e-6));
  // Through traffic is closed: W1 to W3 would pass W2.
  CHECK(time_w1_e1(f, &o) == kUnreachable);

  Dijkstra q(g);
  SearchOptions opts;
  opts.overlay = &o;
  const auto place = [&](core::XY p) { return Endpoint::at(g, *index.snap(p)); };
  // A house 400 m up from W1, on the dry part: it reaches W1 (40 s at 36 km/h), not W3.
  const auto out = shortest_route(q, place({0, 400}), Endpoint::at_node(g, f.node("W1")), opts);
  REQUIRE(out.has_value());
  CHECK(out->time_s == Approx(40.0).margin(1e-9));
  CHECK_FALSE(
      shortest_route(q, place({0, 400}), Endpoint::at_node(g, f.node("W3")), opts).has_value());
  // And is reached from W1 (arriving over the dry part).
  const auto in = shortest_route(q, Endpoint::at_node(g, f.node("W1")), place({0, 400}), opts);
  REQUIRE(in.has_value());
  CHECK(in->time_s == Approx(40.0).margin(1e-9));
  // Two houses on the dry part of the same road reach each other directly (30 s).
  const auto along = shortest_route(q, place({0, 300}), place({0, 600}), opts);
  REQUIRE(along.has_value());
  CHECK(along->time_s == Approx(30.0).margin(1e-9));
  // A house in the water (970 m) is cut off both ways.
  CHECK_FALSE(
      shortest_route(q, place({0, 970}), Endpoint::at_node(g, f.node("W1")), opts).has_value());
  CHECK_FALSE(
      shortest_route(q, Endpoint::at_node(g, f.node("W1")), place({0, 970}), opts).has_value());
}

TEST_CASE("a closed way is closed end to end", "[routing][overlay]") {
  const auto f = parse_road_fixture(kRiver);
  SegmentIndex index(f.graph);
  core::Diagnostics d;
  Closures c;
  c.closed_ways.push_back(10);
  const Overlay o = build_overlay(index, c, d);
  Dijkstra q(f.graph);
  SearchOptions opts;
  opts.overlay = &o;
  CHECK_FALSE(shortest_route(q, Endpoint::at(f.graph, *index.snap({0, 400})),
                             Endpoint::at_node(f.graph, f.node("W1")), opts)
                  .has_value());
}

TEST_CASE("a cut line splits one road: the two sides do not meet over it", "[routing][overlay]") {
  const auto f = parse_road_fixture(kRiver);
  SegmentIndex index(f.graph);
  core::Diagnostics d;
  Closures c;
  c.barriers.push_back(core::LineString{{-50, 500}, {50, 500}});  // across W1-W2 at 500 m
  const Overlay o = build_overlay(index, c, d);
  Dijkstra q(f.graph);
  SearchOptions opts;
  opts.overlay = &o;
  const auto place = [&](core::XY p) { return Endpoint::at(f.graph, *index.snap(p)); };
  // W1's side is a dead end: across the cut there is no way round.
  CHECK_FALSE(shortest_route(q, place({0, 400}), place({0, 600}), opts).has_value());
  CHECK_FALSE(shortest_route(q, place({0, 600}), place({0, 400}), opts).has_value());
  // Each side still works on its own: 400 m on to W2, 400 m back to W1 (40 s each).
  const auto up =
      shortest_route(q, place({0, 600}), Endpoint::at_node(f.graph, f.node("W2")), opts);
  REQUIRE(up.has_value());
  CHECK(up->time_s == Approx(40.0).margin(1e-9));
  const auto down =
      shortest_route(q, place({0, 400}), Endpoint::at_node(f.graph, f.node("W1")), opts);
  REQUIRE(down.has_value());
  CHECK(down->time_s == Approx(40.0).margin(1e-9));
}
