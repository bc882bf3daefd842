#include "analysis/od_matrix.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "core/error.hpp"
#include "network_fixtures.hpp"
#include "routing/route.hpp"

using namespace caremap;
using namespace caremap::analysis;

namespace {

// A grid with one-way streets and a slow street, 100 m blocks.
const char* kTown = R"(
node A 0 0
node B 100 0
node C 200 0
node D 0 100
node E 100 100
node F 200 100
node G 0 200
node H 100 200
node I 200 200
way 1 A B C speed=36
way 2 D E F speed=72 oneway
way 3 G H I speed=18
way 4 A D G speed=36
way 5 B E H speed=36 oneway
way 6 C F I speed=36
)";

std::vector<core::XY> random_points(std::mt19937& rng, int n, double lo, double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<core::XY> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({u(rng), u(rng)});
  }
  return out;
}

}  // namespace

TEST_CASE("OD matrix cells equal one-to-one routes", "[analysis][od_matrix]") {
  const auto net = test::network_of(kTown);
  std::mt19937 rng(42);
  const auto origins = random_points(rng, 12, -10, 210);
  const auto destinations = random_points(rng, 15, -10, 210);
  OdOptions o;
  const OdMatrixResult m = od_matrix(*net, origins, destinations, o);
  REQUIRE(m.rows.size() == origins.size() * destinations.size());
  const routing::RoadGraph& g = net->graph();
  routing::Dijkstra q(g);
  int checked = 0;
  for (const OdRow& row : m.rows) {
    const auto from = routing::Endpoint::at(g, *net->index().snap(origins[row.origin]));
    const auto to = routing::Endpoint::at(g, *net->index().snap(destinations[row.destination]));
    const auto r = routing::shortest_route(q, from, to, {}, false);
    REQUIRE(r.has_value() == row.reachable);
    if (r) {
      CHECK(row.time_s == Approx(r->time_s).margin(1e-9));
      CHECK(row.length_m == Approx(r->length_m).margin(1e-9));
      ++checked;
    }
  }
  CHECK(checked > 100);
  // The same by road length.
  o.metric = routing::Metric::distance;
  const OdMatrixResult md = od_matrix(*net, origins, destinations, o);
  routing::SearchOptions by_length;
  by_length.metric = routing::Metric::distance;
  for (const OdRow& row : md.rows) {
    const auto from = routing::Endpoint::at(g, *net->index().snap(origins[row.origin]));
    const auto to = routing::Endpoint::at(g, *net->index().snap(destinations[row.destination]));
    const auto r = routing::shortest_route(q, from, to, by_length, false);
    REQUIRE(r.has_value() == row.reachable);
    if (r) {
      CHECK(row.length_m == Approx(r->length_m).margin(1e-9));
    }
  }
}

TEST_CASE("OD matrix: threads, cutoff and k nearest", "[analysis][od_matrix]") {
  const auto net = test::network_of(kTown);
  std::mt19937 rng(7);
  const auto origins = random_points(rng, 40, 0, 200);
  const auto destinations = random_points(rng, 30, 0, 200);
  OdOptions one;
  one.threads = 1;
  OdOptions two = one;
  two.threads = 2;
  const OdMatrixResult a = od_matrix(*net, origins, destinations, one);
  const OdMatrixResult b = od_matrix(*net, origins, destinations, two);
  REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    CHECK(a.rows[i].time_s == b.rows[i].time_s);  // bit-identical
    CHECK(a.rows[i].length_m == b.rows[i].length_m);
  }

  OdOptions cut = one;
  cut.max_time = core::Seconds{20};
  const OdMatrixResult c = od_matrix(*net, origins, destinations, cut);
  std::size_t cut_off = 0;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    if (a.rows[i].reachable && a.rows[i].time_s <= 20.0) {
      CHECK(c.rows[i].reachable);
      CHECK(c.rows[i].time_s == a.rows[i].time_s);
    } else {
      CHECK_FALSE(c.rows[i].reachable);
      CHECK(c.rows[i].time_s == routing::kUnreachable);
      ++cut_off;
    }
  }
  CHECK(cut_off > 0);

  OdOptions k3 = two;
  k3.k_nearest = 3;
  const OdMatrixResult k = od_matrix(*net, origins, destinations, k3);
  for (std::uint32_t o = 0; o < origins.size(); ++o) {
    std::vector<double> full;
    for (std::size_t d = 0; d < destinations.size(); ++d) {
      const OdRow& r = a.rows[o * destinations.size() + d];
      if (r.reachable) {
        full.push_back(r.time_s);
      }
    }
    std::sort(full.begin(), full.end());
    std::vector<double> got;
    for (const OdRow& r : k.rows) {
      if (r.origin == o) {
        got.push_back(r.time_s);
        CHECK(r.time_s == a.rows[o * destinations.size() + r.destination].time_s);
      }
    }
    full.resize(std::min<std::size_t>(3, full.size()));
    CHECK(got == full);
  }

  const core::Layer table = od_table(c);
  CHECK(table.size() == c.rows.size());
  CHECK(table.require_field("time_s") == 7);
  OdOptions bad;
  bad.k_nearest = 0;
  CHECK_THROWS_AS(od_matrix(*net, origins, destinations, bad), core::ArgumentError);
}
