#include "analysis/closure_effect.hpp"

#include <catch2/catch.hpp>

#include "network_fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

// West bank (x = 0) and east bank (x = 200) joined by two bridges at y = 1000 and y = 3000.
const char* kRiver = R"(
node W1 0 0
node W2 0 1000
node W3 0 3000
node E1 200 0
node E2 200 1000
node E3 200 3000
node E4 200 6000
way 10 W1 W2 W3 speed=36
way 11 E1 E2 E3 E4 speed=36
way 12 W2 E2 speed=36
way 15 W3 E3 speed=36
)";

}  // namespace

TEST_CASE("closing a bridge: who changes facility, who is slower, who is cut off",
          "[analysis][closure_effect]") {
  const auto net = test::network_of(kRiver);
  // Hospital H1 on the west bank at W1; H2 far up the east bank at E4.
  const auto hospitals = test::point_layer("hospitals", core::Category::hospital,
                                           {{"H1", {0, 0}}, {"H2", {200, 6000}}});
  // a: east bank near bridge 1 (H1 over bridge 1: 100 + 20 + 100 = 220 s... see below)
  const auto demand = test::point_layer("patients", core::Category::demand,
                                        {{"a", {200, 1000}}, {"b", {0, 2000}}, {"c", {0, 500}}});
  const std::vector<core::LayerPtr> layers = {hospitals};
  core::Diagnostics d;
  routing::Closures c;
  c.barriers.push_back(core::LineString{{100, 900}, {100, 1100}});  // bridge 1
  const routing::Overlay cut = routing::build_overlay(net->index(), c, d);
  NearestByTimeParams p;
  const ClosureEffectResult r = closure_effect(*net, *demand, layers, p, cut);
  REQUIRE(r.rows.size() == 3);
  // a at E2: before H1 over bridge 1 (20 + 100 = 120 s) vs H2 (500 s); after: H1 over bridge 2
  // (200 + 20 + 200 + 100 = 520 s) vs H2 500 s: facility changes.
  CHECK(r.rows[0].status == ClosureStatus::facility_changed);
  CHECK(r.rows[0].before_time_s == Approx(120.0).margin(1e-9));
  CHECK(r.rows[0].after_time_s == Approx(500.0).margin(1e-9));
  // b on the west bank: H1 200 s either way.
  CHECK(r.rows[1].status == ClosureStatus::unchanged);
  CHECK(r.rows[2].status == ClosureStatus::unchanged);
  CHECK(r.summary.facility_changed == 1);
  CHECK(r.summary.unchanged == 2);
  CHECK(r.summary.closed_arcs == 2);
  REQUIRE(r.closed_roads.size() == 1);
  CHECK(std::get<std::int64_t>(r.closed_roads.features[0].values[0]) == 12);

  // Without H2 and with both bridges cut, a is cut off.
  const auto only_h1 = test::point_layer("h1", core::Category::hospital, {{"H1", {0, 0}}});
  const std::vector<core::LayerPtr> one = {only_h1};
  routing::Closures both = c;
  both.closed_ways.push_back(15);
  const routing::Overlay cut2 = routing::build_overlay(net->index(), both, d);
  const ClosureEffectResult r2 = closure_effect(*net, *demand, one, p, cut2);
  CHECK(r2.rows[0].status == ClosureStatus::newly_unreachable);
  CHECK(r2.summary.newly_unreachable == 1);
  // Only bridge 1 cut and H1 only: a is slower (520 s instead of 120 s).
  const ClosureEffectResult r3 = closure_effect(*net, *demand, one, p, cut);
  CHECK(r3.rows[0].status == ClosureStatus::slower);
  CHECK(r3.rows[0].added_s == Approx(400.0).margin(1e-9));
  CHECK(r3.summary.added_max_s == Approx(400.0).margin(1e-9));
  CHECK(std::get<std::string>(r3.points.features[0].values[2]) == "slower");
}

TEST_CASE("a point on a road the flood closes is cut off, not reached at an infinite time",
          "[analysis][closure_effect]") {
  const auto net = test::network_of(kRiver);
  // Two hospitals, so the search looks for the first of several (k = 1 < 2 targets).
  const auto hospitals = test::point_layer("hospitals", core::Category::hospital,
                                           {{"H1", {0, 0}}, {"H2", {200, 6000}}});
  // d at E1, the dead end of the east bank road: outside the flood, but its only road (E1-E2)
  // touches the flood and is closed. e on that road between E1 and E2.
  const auto demand =
      test::point_layer("patients", core::Category::demand, {{"d", {200, 0}}, {"e", {200, 500}}});
  const std::vector<core::LayerPtr> layers = {hospitals};
  core::Diagnostics diag;
  routing::Closures c;
  core::Polygon flood;  // around E2: closes E1-E2, E2-E3 and bridge 1
  for (const core::XY p : {core::XY{150, 950}, core::XY{150, 1050}, core::XY{250, 1050},
                           core::XY{250, 950}, core::XY{150, 950}}) {
    boost::geometry::append(flood.outer(), p);
  }
  boost::geometry::correct(flood);
  c.barriers.push_back(flood);
  const routing::Overlay cut = routing::build_overlay(net->index(), c, diag);
  const ClosureEffectResult r = closure_effect(*net, *demand, layers, NearestByTimeParams{}, cut);
  REQUIRE(r.rows.size() == 2);
  // Before: 100 s (d) or 50 s (e) to E2, 20 s over bridge 1, 100 s down to H1.
  CHECK(r.rows[0].before_time_s == Approx(220.0).margin(1e-9));
  CHECK(r.rows[1].before_time_s == Approx(170.0).margin(1e-9));
  for (const ClosureEffectRow& row : r.rows) {
    CHECK(row.status == ClosureStatus::newly_unreachable);
    CHECK_FALSE(row.after_facility.has_value());
    CHECK(row.after_time_s == routing::kUnreachable);
  }
  CHECK(r.summary.newly_unreachable == 2);
  CHECK(r.summary.facility_changed == 0);
  CHECK(r.summary.added_total_s == 0.0);
  // The closed roads are drawn where the flood is: 50 m of each of the three roads meeting at
  // E2 (E1-E2, E2-E3 and bridge 1), not the roads up to the next junctions.
  REQUIRE(r.closed_roads.size() == 3);
  double closed_m = 0.0;
  for (const core::Feature& f : r.closed_roads.features) {
    const double drawn = boost::geometry::length(std::get<core::LineString>(f.geometry));
    CHECK(drawn == Approx(50.0).margin(1e-6));
    CHECK(std::get<double>(f.values[1]) == Approx(drawn).margin(1e-6));
    closed_m += drawn;
  }
  CHECK(closed_m == Approx(150.0).margin(1e-6));
  // A cut line closes a point of the road; drawn 10 m long so that it shows.
  routing::Closures cut_line;
  cut_line.barriers.push_back(core::LineString{{-50, 500}, {50, 500}});  // across W1-W2
  const routing::Overlay line_cut = routing::build_overlay(net->index(), cut_line, diag);
  const core::Layer drawn = closed_roads_layer(net->graph(), line_cut);
  REQUIRE(drawn.size() == 1);
  CHECK(boost::geometry::length(std::get<core::LineString>(drawn.features[0].geometry)) ==
        Approx(10.0).margin(1e-6));
  CHECK(std::get<double>(drawn.features[0].values[1]) == Approx(0.0).margin(1e-9));
  // The nearest-by-time run itself has no row for d: unreachable, not "inf min".
  const NearestByTimeResult after =
      nearest_by_time(*net, *demand, layers, NearestByTimeParams{}, &cut);
  CHECK(after.rows.empty());
}
