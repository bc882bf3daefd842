// The network analyses on the real Monaco car graph: valid polygons in every mode, split areas
// that do not overlap, and OD cells equal to one-to-one routes.

#include <catch2/catch.hpp>
#include <memory>
#include <random>

#include "analysis/od_matrix.hpp"
#include "analysis/service_area.hpp"
#include "core/error.hpp"
#include "routing/osm_graph.hpp"
#include "routing/route.hpp"
#include "support/monaco.hpp"
#include "support/utm_projector.hpp"
#include "test_paths.hpp"

using namespace caremap;
using namespace caremap::analysis;
namespace bg = boost::geometry;

namespace {

const routing::RoadNetwork& monaco() {
  static const auto net = [] {
    core::Diagnostics d;
    test::UtmProjector utm(test::kMonacoUtmZone);
    return std::make_unique<routing::RoadNetwork>(routing::build_graph(
        test::monaco_pbf(CAREMAP_TEST_DATA_DIR), routing::car_profile(), utm, test::kMonacoCrs, d));
  }();
  return *net;
}

std::vector<core::XY> random_points(std::size_t n, unsigned seed) {
  // Random positions in the middle of the extract (not only on nodes).
  std::mt19937 rng(seed);
  const routing::RoadGraph& g = monaco().graph();
  std::uniform_int_distribution<routing::NodeId> pick(0, g.node_count() - 1);
  std::uniform_real_distribution<double> jitter(-40.0, 40.0);
  std::vector<core::XY> out;
  for (std::size_t i = 0; i < n; ++i) {
    const core::XY p = g.node_xy(pick(rng));
    out.push_back({p.x + jitter(rng), p.y + jitter(rng)});
  }
  return out;
}

}  // namespace

TEST_CASE("Monaco service areas are valid in every mode", "[analysis][service_area][monaco]") {
  const auto origins = random_points(8, 1);
  ServiceAreaParams p;
  p.distance_bands = {core::Meters{500}, core::Meters{1000}};
  p.threads = 2;
  for (const auto mode :
       {ServiceAreaMode::overlap, ServiceAreaMode::split, ServiceAreaMode::dissolve}) {
    for (const auto shape : {BandShape::disks, BandShape::rings}) {
      p.mode = mode;
      p.shape = shape;
      const ServiceAreaResult r = service_area(monaco(), origins, p);
      for (const auto& d : r.diagnostics.items()) {
        INFO(core::format(d));
        CHECK(d.code != "invalid_service_area");
      }
      CHECK(r.areas.size() == (mode == ServiceAreaMode::dissolve ? 2u : 16u));
      double total = 0.0;
      for (const auto& f : r.areas.features) {
        const auto& mp = std::get<core::MultiPolygon>(f.geometry);
        std::string reason;
        const bool valid = bg::is_valid(mp, reason);
        INFO("mode " << static_cast<int>(mode) << ", shape " << static_cast<int>(shape) << ": "
                     << reason);
        CHECK(valid);
        total += bg::area(mp);
      }
      CHECK(total > 1e5);  // well over 0.1 km² in all
      if (mode == ServiceAreaMode::split && shape == BandShape::disks) {
        for (std::size_t i = 1; i < r.areas.size(); i += 2) {
          for (std::size_t j = i + 2; j < r.areas.size(); j += 2) {
            core::MultiPolygon both;
            bg::intersection(std::get<core::MultiPolygon>(r.areas.features[i].geometry),
                             std::get<core::MultiPolygon>(r.areas.features[j].geometry), both);
            CHECK(bg::area(both) < 1.0);
          }
        }
      }
    }
  }
}

TEST_CASE("Monaco OD matrix equals one-to-one routes on 1 and 2 threads",
          "[analysis][od_matrix][monaco]") {
  const auto origins = random_points(25, 2);
  const auto destinations = random_points(30, 3);
  OdOptions o;
  o.threads = 1;
  const OdMatrixResult one = od_matrix(monaco(), origins, destinations, o);
  o.threads = 2;
  const OdMatrixResult two = od_matrix(monaco(), origins, destinations, o);
  const routing::RoadGraph& g = monaco().graph();
  routing::Dijkstra q(g);
  std::size_t reachable = 0;
  for (std::size_t i = 0; i < one.rows.size(); ++i) {
    const OdRow& row = one.rows[i];
    CHECK(two.rows[i].time_s == row.time_s);
    const auto from = monaco().index().snap(origins[row.origin]);
    const auto to = monaco().index().snap(destinations[row.destination]);
    if (!from || !to) {
      CHECK_FALSE(row.reachable);
      continue;
    }
    const auto r = routing::shortest_route(q, routing::Endpoint::at(g, *from),
                                           routing::Endpoint::at(g, *to), {}, false);
    REQUIRE(r.has_value() == row.reachable);
    if (r) {
      ++reachable;
      CHECK(row.time_s == Approx(r->time_s).margin(1e-6));
      CHECK(row.length_m == Approx(r->length_m).margin(1e-6));
    }
  }
  CHECK(reachable > one.rows.size() / 2);
}

TEST_CASE("Monaco OD matrix: one backward search per destination equals one forward per origin",
          "[analysis][od_matrix][monaco]") {
  // One-way streets make the direction matter: both ways measure origin -> destination.
  const auto origins = random_points(120, 7);
  const auto destinations = random_points(6, 8);
  OdOptions forward;
  OdOptions backward;
  backward.search_from_destinations = true;
  backward.threads = 2;
  const OdMatrixResult a = od_matrix(monaco(), origins, destinations, forward);
  const OdMatrixResult b = od_matrix(monaco(), origins, destinations, backward);
  REQUIRE(a.rows.size() == b.rows.size());
  std::size_t reachable = 0;
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    REQUIRE(a.rows[i].reachable == b.rows[i].reachable);
    REQUIRE(a.rows[i].origin == b.rows[i].origin);
    REQUIRE(a.rows[i].destination == b.rows[i].destination);
    if (a.rows[i].reachable) {
      ++reachable;
      // Sums of the same arcs in another order: equal to well below a millisecond.
      REQUIRE(b.rows[i].time_s == Approx(a.rows[i].time_s).margin(1e-6));
      REQUIRE(b.rows[i].length_m == Approx(a.rows[i].length_m).margin(1e-6));
    }
  }
  CHECK(reachable > a.rows.size() / 2);
  backward.k_nearest = 2;
  CHECK_THROWS_AS(od_matrix(monaco(), origins, destinations, backward), core::ArgumentError);
}
