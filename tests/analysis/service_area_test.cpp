#include "analysis/service_area.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "network_fixtures.hpp"

using namespace caremap;
using namespace caremap::analysis;
namespace bg = boost::geometry;

namespace {

// A 5 x 5 grid of 200 m blocks (x, y in 0..800), all streets 36 km/h (20 s per block).
std::string grid() {
  std::string s;
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      s += "node N" + std::to_string(i) + std::to_string(j) + " " + std::to_string(i * 200) + " " +
           std::to_string(j * 200) + "\n";
    }
  }
  int way = 1;
  for (int i = 0; i < 5; ++i) {
    std::string row = "way " + std::to_string(way++);
    std::string col = "way " + std::to_string(way++);
    for (int j = 0; j < 5; ++j) {
      row += " N" + std::to_string(j) + std::to_string(i);
      col += " N" + std::to_string(i) + std::to_string(j);
    }
    s += row + " speed=36\n" + col + " speed=36\n";
  }
  return s;
}

const core::MultiPolygon& area_of(const core::Feature& f) {
  return std::get<core::MultiPolygon>(f.geometry);
}

double area_m2(const core::MultiPolygon& mp) {
  return bg::area(mp);
}

double overlap_m2(const core::MultiPolygon& a, const core::MultiPolygon& b) {
  core::MultiPolygon i;
  bg::intersection(a, b, i);
  return bg::area(i);
}

double outside_m2(const core::MultiPolygon& a, const core::MultiPolygon& b) {
  core::MultiPolygon d;
  bg::difference(a, b, d);
  return bg::area(d);
}

// A-B-C along the x axis, two 1 km roads at 36 km/h (100 s each).
const char* const kTwoKilometres = R"(
node A 0 0
node B 1000 0
node C 2000 0
way 1 A B speed=36
way 2 B C speed=36
)";

}  // namespace

TEST_CASE("a 60 s band at 36 km/h on a straight road reaches 600 m", "[analysis][service_area]") {
  const auto net = test::network_of(R"(
node A 0 0
node B 2000 0
way 1 A B speed=36
)");
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{60}};
  p.road_buffer = core::Meters{100};
  const std::vector<core::XY> origin = {{0, 0}};
  const ServiceAreaResult r = service_area(*net, origin, p);
  REQUIRE(r.areas.size() == 1);
  REQUIRE(r.roads.size() == 1);
  const auto& roads = std::get<core::MultiLineString>(r.roads.features[0].geometry);
  CHECK(bg::length(roads) == Approx(600.0).margin(1e-6));
  const core::MultiPolygon& a = area_of(r.areas.features[0]);
  std::string reason;
  CHECK(bg::is_valid(a, reason));
  CHECK(bg::within(core::XY{699, 0}, a));
  CHECK_FALSE(bg::within(core::XY{701, 0}, a));
  CHECK(bg::within(core::XY{300, 99}, a));
  CHECK_FALSE(bg::within(core::XY{300, 101}, a));
  // 600 m x 200 m plus two half discs of 100 m; the traced round ends lie inside the exact
  // circle by at most one grid cell (25 m), so the area is within 0.5 % below the exact buffer.
  const double exact_m2 = 600.0 * 200.0 + M_PI * 1e4;
  CHECK(area_m2(a) <= exact_m2);
  CHECK(area_m2(a) == Approx(exact_m2).epsilon(5e-3));
  const std::size_t area_field = r.areas.require_field("area_km2");
  CHECK(std::get<double>(r.areas.features[0].values[area_field]) ==
        Approx(area_m2(a) / 1e6).epsilon(1e-12));
  CHECK(std::get<double>(r.areas.features[0].values[r.areas.require_field("band_min")]) == 1.0);

  // From the middle of the road, both ways: 2 x 600 m.
  const std::vector<core::XY> middle = {{1000, 30}};
  const ServiceAreaResult m = service_area(*net, middle, p);
  CHECK(bg::length(std::get<core::MultiLineString>(m.roads.features[0].geometry)) ==
        Approx(1200.0).margin(1e-6));
  // By road length instead: a 250 m band reaches 250 m each way.
  ServiceAreaParams d = p;
  d.time_bands.clear();
  d.distance_bands = {core::Meters{250}};
  const ServiceAreaResult dm = service_area(*net, middle, d);
  CHECK(bg::length(std::get<core::MultiLineString>(dm.roads.features[0].geometry)) ==
        Approx(500.0).margin(1e-6));
  CHECK(dm.areas.field_index("band_m"));
}

TEST_CASE("service area disks are valid, nest and grow, and rings partition them",
          "[analysis][service_area]") {
  const auto net = test::network_of(grid());
  const auto clinics =
      test::point_layer("clinics", core::Category::clinic, {{"centre", {400, 410}}});
  const std::vector<core::LayerPtr> layers = {clinics};
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{30}, core::Seconds{60}, core::Seconds{90}};
  const ServiceAreaResult disks = service_area(*net, layers, p);
  REQUIRE(disks.areas.size() == 3);
  CHECK(disks.diagnostics.count("invalid_service_area") == 0);
  for (std::size_t b = 0; b < 3; ++b) {
    std::string reason;
    CHECK(bg::is_valid(area_of(disks.areas.features[b]), reason));
  }
  for (std::size_t b = 0; b + 1 < 3; ++b) {
    const auto& inner = area_of(disks.areas.features[b]);
    const auto& outer = area_of(disks.areas.features[b + 1]);
    CHECK(area_m2(outer) > area_m2(inner) + 1000.0);
    CHECK(outside_m2(inner, outer) < 1.0);  // band k inside band k+1, within 1 m²
  }
  CHECK(std::get<std::string>(disks.areas.features[0].values[2]) == "centre");
  CHECK(disks.areas.provenance.operation == "service_area");

  ServiceAreaParams rp = p;
  rp.shape = BandShape::rings;
  const ServiceAreaResult rings = service_area(*net, layers, rp);
  REQUIRE(rings.areas.size() == 3);
  double sum = 0.0;
  for (std::size_t b = 0; b < 3; ++b) {
    std::string reason;
    CHECK(bg::is_valid(area_of(rings.areas.features[b]), reason));
    sum += area_m2(area_of(rings.areas.features[b]));
  }
  CHECK(sum == Approx(area_m2(area_of(disks.areas.features[2]))).epsilon(1e-6));
  CHECK(overlap_m2(area_of(rings.areas.features[0]), area_of(rings.areas.features[1])) < 1.0);
}

TEST_CASE("split service areas do not overlap, dissolve unites, overlap mode overlaps",
          "[analysis][service_area]") {
  const auto net = test::network_of(grid());
  const auto clinics =
      test::point_layer("clinics", core::Category::clinic,
                        {{"west", {0, 400}}, {"east", {800, 400}}, {"north", {400, 800}}});
  const std::vector<core::LayerPtr> layers = {clinics};
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{40}, core::Seconds{80}};
  p.mode = ServiceAreaMode::split;
  const ServiceAreaResult split = service_area(*net, layers, p);
  REQUIRE(split.areas.size() == 6);
  for (std::size_t i = 0; i < split.areas.size(); ++i) {
    std::string reason;
    CHECK(bg::is_valid(area_of(split.areas.features[i]), reason));
    for (std::size_t j = i + 1; j < split.areas.size(); ++j) {
      if (i / 2 != j / 2) {
        CHECK(overlap_m2(area_of(split.areas.features[i]), area_of(split.areas.features[j])) < 1.0);
      }
    }
  }
  // Each facility's own position is in its own area; nesting holds per facility.
  for (std::size_t f = 0; f < 3; ++f) {
    CHECK(bg::within(std::get<core::XY>(clinics->features[f].geometry),
                     area_of(split.areas.features[2 * f])));
    CHECK(outside_m2(area_of(split.areas.features[2 * f]),
                     area_of(split.areas.features[2 * f + 1])) < 1.0);
  }

  p.mode = ServiceAreaMode::overlap;
  const ServiceAreaResult overlap = service_area(*net, layers, p);
  REQUIRE(overlap.areas.size() == 6);
  // West and east both reach x = 400 within 80 s: their 80 s areas overlap.
  CHECK(overlap_m2(area_of(overlap.areas.features[1]), area_of(overlap.areas.features[3])) >
        10000.0);

  p.mode = ServiceAreaMode::dissolve;
  const ServiceAreaResult dissolved = service_area(*net, layers, p);
  REQUIRE(dissolved.areas.size() == 2);
  CHECK(std::get<std::string>(dissolved.areas.features[0].values[2]) == "all");
  // The dissolved area equals the union of the split areas (and of the overlapping ones).
  for (std::size_t b = 0; b < 2; ++b) {
    core::MultiPolygon uni;
    for (std::size_t f = 0; f < 3; ++f) {
      core::MultiPolygon next;
      bg::union_(uni, area_of(overlap.areas.features[2 * f + b]), next);
      uni = next;
    }
    CHECK(area_m2(area_of(dissolved.areas.features[b])) == Approx(area_m2(uni)).epsilon(1e-4));
    double split_sum = 0.0;
    for (std::size_t f = 0; f < 3; ++f) {
      split_sum += area_m2(area_of(split.areas.features[2 * f + b]));
    }
    CHECK(split_sum == Approx(area_m2(uni)).epsilon(0.02));
  }
}

TEST_CASE("closures shrink service areas and bad parameters are errors",
          "[analysis][service_area]") {
  const auto net = test::network_of(kTwoKilometres);
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{150}};
  const std::vector<core::XY> origin = {{0, 0}};
  core::Diagnostics d;
  routing::Closures c;
  c.closed_ways = {2};
  const routing::Overlay o = routing::build_overlay(net->index(), c, d);
  const ServiceAreaResult open = service_area(*net, origin, p);
  const ServiceAreaResult closed = service_area(*net, origin, p, &o);
  CHECK(bg::length(std::get<core::MultiLineString>(open.roads.features[0].geometry)) ==
        Approx(1500.0).margin(1e-6));
  CHECK(bg::length(std::get<core::MultiLineString>(closed.roads.features[0].geometry)) ==
        Approx(1000.0).margin(1e-6));

  ServiceAreaParams bad = p;
  bad.distance_bands = {core::Meters{100}};
  CHECK_THROWS_AS(service_area(*net, origin, bad), core::ArgumentError);
  bad = p;
  bad.time_bands = {core::Seconds{-5}};
  CHECK_THROWS_AS(service_area(*net, origin, bad), core::ArgumentError);
  bad = p;
  bad.road_buffer = core::Meters{0};
  CHECK_THROWS_AS(service_area(*net, origin, bad), core::ArgumentError);

  // A far origin is a diagnostic, not an area; the population hook fills its column.
  ServiceAreaParams pop = p;
  pop.population = [](const core::MultiPolygon& mp) {
    return std::optional<double>(bg::area(mp) / 1000.0);
  };
  const std::vector<core::XY> two = {{0, 0}, {0, 5000}};
  const ServiceAreaResult r = service_area(*net, two, pop);
  CHECK(r.diagnostics.count("snap_too_far") == 1);
  REQUIRE(r.areas.size() == 1);
  const std::size_t pf = r.areas.require_field("population");
  CHECK(std::get<double>(r.areas.features[0].values[pf]) ==
        Approx(bg::area(area_of(r.areas.features[0])) / 1000.0));
}

TEST_CASE("a flood stops a service area at the water, not at the last junction",
          "[analysis][service_area]") {
  const auto net = test::network_of(kTwoKilometres);
  core::Polygon flood;  // x 900..1100: the last 100 m of A-B and the first 100 m of B-C
  for (const core::XY q : {core::XY{900, -50}, core::XY{900, 50}, core::XY{1100, 50},
                           core::XY{1100, -50}, core::XY{900, -50}}) {
    bg::append(flood.outer(), q);
  }
  bg::correct(flood);
  core::Diagnostics d;
  routing::Closures c;
  c.barriers.push_back(flood);
  const routing::Overlay o = routing::build_overlay(net->index(), c, d);
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{150}};
  auto reached_m = [&](const std::vector<core::XY>& origin) {
    const ServiceAreaResult r = service_area(*net, origin, p, &o);
    return r.roads.features.empty()
               ? 0.0
               : static_cast<double>(
                     bg::length(std::get<core::MultiLineString>(r.roads.features[0].geometry)));
  };
  // From 400 m along A-B: 400 m back to A and 500 m up to the water, within 150 s (1500 m).
  CHECK(reached_m({{400, 0}}) == Approx(900.0).margin(1e-6));
  // From A: up to the water only (900 m), not through it.
  CHECK(reached_m({{0, 0}}) == Approx(900.0).margin(1e-6));
  // From C, the other side: 900 m back to the water.
  CHECK(reached_m({{2000, 0}}) == Approx(900.0).margin(1e-6));
  // In the water: nothing.
  CHECK(reached_m({{1000, 0}}) == Approx(0.0).margin(1e-6));
}

TEST_CASE("the road reached from a place off the road starts after its access leg",
          "[analysis][service_area][access]") {
  // A(0,0) - B(2000,0) at 36 km/h (10 m/s); access legs at 18 km/h (5 m/s), no detour.
  routing::NetworkDescription d;
  d.access.speed_kmh = 18.0;
  d.access.detour_factor = 1.0;
  d.access.max_distance_m = 5000.0;
  const auto net = std::make_shared<const routing::RoadNetwork>(
      test::parse_road_fixture("node A 0 0\nnode B 2000 0\nway 1 A B speed=36\n").graph,
      std::move(d));
  ServiceAreaParams p;
  p.time_bands = {core::Seconds{60}};
  p.build_polygons = false;
  // 100 m off the middle of the road: 20 s to reach it, then 40 s = 400 m each way.
  const std::vector<core::XY> beside = {{1000, 100}};
  const ServiceAreaResult r = service_area(*net, beside, p);
  REQUIRE(r.roads.size() == 1);
  CHECK(r.areas.size() == 0);
  const auto& roads = std::get<core::MultiLineString>(r.roads.features[0].geometry);
  CHECK(bg::length(roads) == Approx(800.0).margin(1e-6));
  // By road length the leg counts too: 250 m with 100 m of leg leaves 150 m each way.
  ServiceAreaParams by_length = p;
  by_length.time_bands.clear();
  by_length.distance_bands = {core::Meters{250}};
  const ServiceAreaResult l = service_area(*net, beside, by_length);
  CHECK(bg::length(std::get<core::MultiLineString>(l.roads.features[0].geometry)) ==
        Approx(300.0).margin(1e-6));
  // Next to a node (A) the leg is added at the node: 40 s = 400 m along the road.
  const std::vector<core::XY> beside_a = {{-100, 0}};
  const ServiceAreaResult a = service_area(*net, beside_a, p);
  CHECK(bg::length(std::get<core::MultiLineString>(a.roads.features[0].geometry)) ==
        Approx(400.0).margin(1e-6));
}
