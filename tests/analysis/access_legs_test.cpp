// Access and direct legs on a trunk-only network (routing/access.hpp): every time includes the
// straight legs to and from the road; a direct leg wins where it is faster, unless it crosses a
// closure or the sea.

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/access_leg_lines.hpp"
#include "analysis/nearest_by_time.hpp"
#include "analysis/od_matrix.hpp"
#include "network_fixtures.hpp"
#include "routing/overlay.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

// One trunk road A(0,0) - B(1000,0): test::trunk_network.
std::shared_ptr<const routing::RoadNetwork> trunk(std::vector<core::Polygon> land = {}) {
  return test::trunk_network(1000.0, std::move(land));
}

core::Polygon box(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  boost::geometry::correct(p);
  return p;
}

const core::LayerPtr kHospital =
    test::point_layer("hospitals", core::Category::hospital, {{"H", {1000, 200}}});

double field(const core::Layer& l, std::size_t row, const char* name) {
  const auto& v = l.features[row].values[*l.field_index(name)];
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return static_cast<double>(*i);
  }
  return std::get<double>(v);
}

}  // namespace

TEST_CASE("times include both access legs, reported beside the road part", "[analysis][access]") {
  const auto net = trunk();
  const auto patient = test::point_layer("p", core::Category::demand, {{"P", {0, 100}}});
  const std::vector<core::LayerPtr> layers{kHospital};
  const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {});
  REQUIRE(r.rows.size() == 1);
  // 100 m at 5 m/s + 1000 m at 10 m/s + 200 m at 5 m/s; the direct leg (1005 m) takes 201 s.
  CHECK(r.rows[0].time_s == Approx(20.0 + 100.0 + 40.0).margin(1e-9));
  CHECK(r.rows[0].length_m == Approx(1300.0).margin(1e-9));
  CHECK_FALSE(r.rows[0].direct);
  CHECK(field(r.routes, 0, "access_m") == Approx(300.0));
  CHECK(field(r.routes, 0, "access_s") == Approx(60.0));
  CHECK(field(r.routes, 0, "road_s") == Approx(100.0));
  CHECK(field(r.routes, 0, "direct") == 0);
  CHECK(r.routes.provenance.basis.distance.en.starts_with("trunk roads only (test)"));
  CHECK_THAT(r.routes.provenance.basis.distance.en, Catch::Contains("access legs"));
}

TEST_CASE("a direct leg faster than the network is the answer, and says so", "[analysis][access]") {
  const auto net = trunk();
  // 400 m from the road (flagged: over 300 m): by road 80 + 50 + 40 = 170 s, direct
  // sqrt(500² + 200²) = 538.5 m at 5 m/s = 107.7 s.
  const auto patient = test::point_layer("p", core::Category::demand, {{"P", {500, 400}}});
  const std::vector<core::LayerPtr> layers{kHospital};
  const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {});
  REQUIRE(r.rows.size() == 1);
  const double straight = std::hypot(500.0, 200.0);
  CHECK(r.rows[0].direct);
  CHECK(r.rows[0].time_s == Approx(straight / 5.0).margin(1e-9));
  CHECK(r.rows[0].length_m == Approx(straight).margin(1e-9));
  CHECK(field(r.routes, 0, "direct") == 1);
  CHECK(field(r.routes, 0, "long_access") == 1);
  CHECK(r.diagnostics.count("long_access_leg") == 1);

  // The OD matrix takes the faster of the two as well.
  const OdMatrixResult od = od_matrix(*net, *patient, *kHospital, {});
  REQUIRE(od.rows.size() == 1);
  CHECK(od.rows[0].direct);
  CHECK(od.rows[0].time_s == Approx(straight / 5.0).margin(1e-9));
}

TEST_CASE("a direct leg across a closed area is not used", "[analysis][access]") {
  const auto net = trunk();
  routing::Closures closures;
  closures.barriers.push_back(box(700, 250, 800, 350));  // on the direct line, off every road
  core::Diagnostics d;
  const routing::Overlay overlay = routing::build_overlay(net->index(), closures, d);
  const auto patient = test::point_layer("p", core::Category::demand, {{"P", {500, 400}}});
  const std::vector<core::LayerPtr> layers{kHospital};
  const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {}, &overlay);
  REQUIRE(r.rows.size() == 1);
  CHECK_FALSE(r.rows[0].direct);
  CHECK(r.rows[0].time_s == Approx(80.0 + 50.0 + 40.0).margin(1e-9));
  const OdMatrixResult od = od_matrix(*net, *patient, *kHospital, {}, &overlay);
  CHECK_FALSE(od.rows[0].direct);
  CHECK(od.rows[0].time_s == Approx(170.0).margin(1e-9));
}

TEST_CASE("an access leg across a closed line leaves the place unreached", "[analysis][access]") {
  const auto net = trunk();
  routing::Closures closures;
  // A cut between the hospital and its road (a bridge out), not touching the road itself.
  closures.barriers.push_back(core::LineString{{900, 100}, {1100, 100}});
  core::Diagnostics d;
  const routing::Overlay overlay = routing::build_overlay(net->index(), closures, d);
  const auto patient = test::point_layer("p", core::Category::demand, {{"P", {0, 100}}});
  const std::vector<core::LayerPtr> layers{kHospital};
  const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {}, &overlay);
  // The hospital's access leg crosses the cut; the direct leg (0,100)-(1000,200) passes above it
  // (y = 190 at x = 900), so it is the only way left (1005 m at 5 m/s).
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].direct);
  CHECK(r.rows[0].time_s == Approx(std::hypot(1000.0, 100.0) / 5.0).margin(1e-9));
  CHECK(r.diagnostics.count("access_leg_closed") == 1);
}

TEST_CASE("a place on an island is not connected by road, never sent across the sea",
          "[analysis][access]") {
  // Mainland 0..2000 x -500..500 holds the road; the island 0..200 x 1000..1200 none.
  const auto net = trunk({box(-100, -500, 2000, 500), box(0, 1000, 200, 1200)});
  const auto people = test::point_layer("p", core::Category::demand,
                                        {{"mainland", {0, 100}}, {"island", {100, 1100}}});
  const std::vector<core::LayerPtr> layers{kHospital};
  const NearestByTimeResult r = nearest_by_time(*net, *people, layers, {});
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].demand.value == 0);
  REQUIRE(r.unreachable.size() == 1);
  CHECK(r.unreachable[0].value == 1);
  CHECK(r.diagnostics.count("not_connected_by_road") == 1);
  CHECK(r.diagnostics.count("no_facility_within_reach") == 0);
  const OdMatrixResult od = od_matrix(*net, *people, *kHospital, {});
  CHECK(od.rows[0].reachable);
  CHECK_FALSE(od.rows[1].reachable);
}

TEST_CASE("an island's own clinic reaches the island's people directly, and no one else",
          "[analysis][access]") {
  // Mainland 0..2000 x -500..500 holds the road and the hospital H; the island
  // 0..400 x 1000..1400 has no road but a clinic C. Off every part, (1900, 900) is not judged.
  const auto net = trunk({box(-100, -500, 2000, 500), box(0, 1000, 400, 1400)});
  const auto clinic = test::point_layer("clinics", core::Category::clinic, {{"C", {300, 1300}}});
  const auto people = test::point_layer(
      "p", core::Category::demand,
      {{"island", {100, 1100}}, {"mainland", {0, 100}}, {"off the coast", {1900, 900}}});
  const std::vector<core::LayerPtr> both{kHospital, clinic};
  const NearestByTimeResult r = nearest_by_time(*net, *people, both, {});
  // The islander reaches C directly (283 m at 5 m/s), never H across the sea.
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].demand.value == 0);
  CHECK(r.rows[0].direct);
  CHECK(r.rows[0].time_s == Approx(std::hypot(200.0, 200.0) / 5.0).margin(1e-9));
  CHECK(std::get<std::string>(
            r.routes.features[0].values[*r.routes.field_index("facility_name")]) == "C");
  // The mainland people reach H; C, on land no road reaches, is nobody else's.
  for (std::size_t i = 1; i < 3; ++i) {
    CHECK(std::get<std::string>(
              r.routes.features[i].values[*r.routes.field_index("facility_name")]) == "H");
  }
  CHECK(r.unreachable.empty());
  CHECK(r.diagnostics.count("not_connected_by_road") == 2);  // the islander and the clinic

  const OdMatrixResult od = od_matrix(*net, *people, *clinic, {});
  REQUIRE(od.rows.size() == 3);
  CHECK(od.rows[0].reachable);
  CHECK(od.rows[0].direct);
  CHECK_FALSE(od.rows[1].reachable);
  CHECK_FALSE(od.rows[2].reachable);  // off the coast: no leg to an island
}

TEST_CASE("access legs as lines: both ends of a road route, the whole of a direct leg",
          "[analysis][access]") {
  const auto net = trunk();
  const std::vector<core::LayerPtr> layers{kHospital};
  const auto text = [](const core::Layer& l, std::size_t row, const char* name) {
    return std::get<std::string>(l.features[row].values[*l.field_index(name)]);
  };
  const auto ends = [](const core::Layer& l, std::size_t row) {
    return std::get<core::LineString>(l.features[row].geometry);
  };
  SECTION("by road: P (0,100) -> road at A, road at B -> H (1000,200)") {
    const auto patient = test::point_layer("p", core::Category::demand, {{"P", {0, 100}}});
    const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {});
    const core::Layer legs = access_leg_lines(r, *patient, TravelDirection::to_facility);
    REQUIRE(legs.features.size() == 2);
    CHECK(text(legs, 0, "leg") == "access");
    CHECK(text(legs, 0, "demand_name") == "P");
    CHECK(text(legs, 1, "facility_name") == "H");
    CHECK(field(legs, 0, "straight_m") == Approx(100.0).margin(1e-9));
    CHECK(field(legs, 1, "straight_m") == Approx(200.0).margin(1e-9));
    CHECK(ends(legs, 0).front().x == Approx(0.0).margin(1e-9));
    CHECK(ends(legs, 0).front().y == Approx(100.0).margin(1e-9));
    CHECK(ends(legs, 1).back().x == Approx(1000.0).margin(1e-9));
    CHECK(ends(legs, 1).back().y == Approx(200.0).margin(1e-9));
    // The fixture has no detour factor: the drawn legs are exactly the costed access length.
    CHECK(field(legs, 0, "straight_m") + field(legs, 1, "straight_m") ==
          Approx(field(r.routes, 0, "access_m")).margin(1e-9));
  }
  SECTION("from the facility: the legs swap ends") {
    const auto patient = test::point_layer("p", core::Category::demand, {{"P", {0, 100}}});
    NearestByTimeParams params;
    params.direction = TravelDirection::from_facility;
    const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, params);
    const core::Layer legs = access_leg_lines(r, *patient, TravelDirection::from_facility);
    REQUIRE(legs.features.size() == 2);
    CHECK(ends(legs, 0).front().y == Approx(200.0).margin(1e-9));  // from H to the road
    CHECK(ends(legs, 1).back().y == Approx(100.0).margin(1e-9));   // from the road to P
  }
  SECTION("a direct leg is drawn whole") {
    const auto patient = test::point_layer("p", core::Category::demand, {{"P", {500, 400}}});
    const NearestByTimeResult r = nearest_by_time(*net, *patient, layers, {});
    REQUIRE(r.rows.size() == 1);
    REQUIRE(r.rows[0].direct);
    const core::Layer legs = access_leg_lines(r, *patient, TravelDirection::to_facility);
    REQUIRE(legs.features.size() == 1);
    CHECK(text(legs, 0, "leg") == "direct");
    CHECK(field(legs, 0, "straight_m") == Approx(std::hypot(500.0, 200.0)).margin(1e-9));
    CHECK(access_leg_lines(r, *patient, TravelDirection::to_facility, false).features.empty());
  }
}
