#include "analysis/nearest_by_time.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "network_fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

// A main road with a one-way loop at its east end:
//   P(0,0) -- Q(1000,0) --> R(2000,0) (one-way east, 72 km/h)
//                 ^            |
//                 +---- S -----+   back from R to Q over S(1500,-500), 36 km/h
const char* kRoad = R"(
node P 0 0
node Q 1000 0
node R 2000 0
node S 1500 -500
way 1 P Q speed=36
way 2 Q R speed=72 oneway
way 3 R S Q speed=36
)";

}  // namespace

TEST_CASE("the k nearest facilities by time, with routes and direction", "[analysis][nearest]") {
  const auto net = test::network_of(kRoad);
  const auto hospitals = test::point_layer("hospitals", core::Category::hospital,
                                           {{"west", {0, 10}}, {"east", {2000, 10}}});
  const auto patients = test::point_layer("patients", core::Category::demand,
                                          {{"p1", {1000, 20}}, {"p2", {500, 20}}});
  const std::vector<core::LayerPtr> layers = {hospitals};
  NearestByTimeParams p;
  p.k = 2;
  const NearestByTimeResult r = nearest_by_time(*net, *patients, layers, p);
  REQUIRE(r.rows.size() == 4);
  // p1 at Q: east is 50 s away over the one-way road, west 100 s.
  CHECK(r.rows[0].demand.value == 0);
  CHECK(r.rows[0].rank == 1);
  CHECK(r.facilities[r.rows[0].facility].name == "east");
  CHECK(r.rows[0].time_s == Approx(50.0).margin(1e-9));
  CHECK(r.rows[1].time_s == Approx(100.0).margin(1e-9));
  // p2 halfway between P and Q: west 50 s, east 50 + 50 = 100 s.
  CHECK(r.facilities[r.rows[2].facility].name == "west");
  CHECK(r.rows[2].time_s == Approx(50.0).margin(1e-9));
  CHECK(r.rows[3].time_s == Approx(100.0).margin(1e-9));
  REQUIRE(r.routes.size() == 4);
  const auto& line = std::get<core::LineString>(r.routes.features[0].geometry);
  CHECK(line.front() == core::XY{1000, 0});
  CHECK(line.back() == core::XY{2000, 0});
  CHECK(boost::geometry::length(line) == Approx(r.rows[0].length_m).margin(1e-9));
  CHECK(r.routes.provenance.operation == "nearest_by_time");

  // From the facility to the patient: east -> Q must go round over S (1000 + ~1414 m... ).
  p.direction = TravelDirection::from_facility;
  p.k = 1;
  const NearestByTimeResult from = nearest_by_time(*net, *patients, layers, p);
  REQUIRE(from.rows.size() == 2);
  const double around = (std::hypot(500.0, 500.0) * 2) / 10.0;   // R -> S -> Q at 10 m/s
  CHECK(from.facilities[from.rows[0].facility].name == "west");  // 100 s < 141 s
  CHECK(from.rows[0].time_s == Approx(100.0).margin(1e-9));
  CHECK(around > 100.0);
  const auto& back = std::get<core::LineString>(from.routes.features[0].geometry);
  CHECK(back.front() == core::XY{0, 0});
  CHECK(back.back() == core::XY{1000, 0});
}

TEST_CASE("unreachable demand and limits are reported", "[analysis][nearest]") {
  const auto net = test::network_of(R"(
node A 0 0
node B 1000 0
node C 5000 0
node D 6000 0
way 1 A B speed=36
way 2 C D speed=36
)");
  const auto clinics = test::point_layer("clinics", core::Category::clinic, {{"c", {0, 0}}});
  const auto demand =
      test::point_layer("demand", core::Category::demand,
                        {{"near", {500, 5}}, {"island", {5500, 5}}, {"far", {3000, 2000}}});
  const std::vector<core::LayerPtr> layers = {clinics};
  NearestByTimeParams p;
  const NearestByTimeResult r = nearest_by_time(*net, *demand, layers, p);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].time_s == Approx(50.0).margin(1e-9));
  CHECK(r.unreachable.size() == 2);
  CHECK(r.diagnostics.count("snap_too_far") == 1);
  CHECK(r.diagnostics.count("no_facility_within_reach") == 2);

  p.max_time = core::Seconds{40};
  CHECK(nearest_by_time(*net, *demand, layers, p).rows.empty());
  p.max_time.reset();
  p.k = 0;
  CHECK_THROWS_AS(nearest_by_time(*net, *demand, layers, p), core::ArgumentError);

  // Per node: A 0 s, B 100 s, the island unreached.
  p.k = 1;
  const NodeNearestResult nodes = nearest_facility_per_node(*net, layers, p);
  const auto& g = net->graph();
  std::size_t reached = 0;
  for (routing::NodeId v = 0; v < g.node_count(); ++v) {
    if (nodes.facility[v] != routing::kNone) {
      ++reached;
      CHECK(nodes.time_s[v] == Approx(g.node_xy(v).x / 10.0).margin(1e-9));
    }
  }
  CHECK(reached == 2);
  CHECK(nodes.nodes.size() == 2);
}
