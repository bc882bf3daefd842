#include "crs/transformer.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "crs/gauss_kruger.hpp"
#include "crs/meridian_arc.hpp"

using namespace caremap;
using caremap::test::grs80_meridian_arc_m;

namespace {

constexpr double kMm = 0.001;

crs::Transformer zone2() {
  return crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(6670));
}

}  // namespace

TEST_CASE("EPSG:4326 -> EPSG:6670 matches the zone II definition to the millimetre",
          "[crs][transformer]") {
  auto t = zone2();
  SECTION("the zone origin 33°N 131°E is (0, 0)") {
    const core::XY o = t.forward({131.0, 33.0});
    CHECK(o.x == Approx(0.0).margin(kMm));
    CHECK(o.y == Approx(0.0).margin(kMm));
  }
  SECTION("on the central meridian, northing = 0.9999 x meridian arc from 33°N") {
    for (double lat : {31.0, 32.5, 33.8, 34.25, 35.0}) {
      const core::XY p = t.forward({131.0, lat});
      const double expected = 0.9999 * (grs80_meridian_arc_m(lat) - grs80_meridian_arc_m(33.0));
      INFO("latitude " << lat);
      CHECK(p.x == Approx(0.0).margin(kMm));
      CHECK(p.y == Approx(expected).margin(kMm));
    }
  }
}

TEST_CASE("EPSG:4326 -> EPSG:6670 off the central meridian agrees with GSI's formulas to 1 mm",
          "[crs][transformer]") {
  auto t = zone2();
  // 宗像市役所, 宗像医師会病院, 沖ノ島 (far west and north of the zone's origin), and the corners
  // of Fukuoka prefecture's extent.
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{{130.5403, 33.8057},
                                                                       {130.534045, 33.806377},
                                                                       {130.1056, 34.2442},
                                                                       {129.9, 33.0},
                                                                       {131.2, 34.0},
                                                                       {130.0, 32.2}}) {
    const core::XY p = t.forward({lon, lat});
    const core::XY want = test::gsi_plane_rectangular(lon, lat, 131.0, 33.0);
    INFO(lon << ", " << lat);
    CHECK(p.x == Approx(want.x).margin(kMm));
    CHECK(p.y == Approx(want.y).margin(kMm));
  }
}

TEST_CASE("axis order is longitude first, easting first", "[crs][transformer]") {
  auto t = zone2();
  // Munakata city hall area: west of 131°E and north of 33°N.
  const core::XY p = t.forward({130.5, 33.8});
  CHECK(p.x < -40000.0);  // about 46 km west of the central meridian
  CHECK(p.x > -50000.0);
  CHECK(p.y > 85000.0);  // about 89 km north of 33°N
  CHECK(p.y < 92000.0);
  const core::LonLat back = t.inverse(p);
  CHECK(back.lon == Approx(130.5).margin(1e-9));
  CHECK(back.lat == Approx(33.8).margin(1e-9));
}

TEST_CASE("round trip XY -> LonLat -> XY within 1 mm", "[crs][transformer]") {
  auto t = zone2();
  for (double x = -120000.0; x <= 120000.0; x += 40000.0) {
    for (double y = -150000.0; y <= 250000.0; y += 50000.0) {
      const core::XY p{x, y};
      const core::XY q = t.forward(t.inverse(p));
      INFO(x << ", " << y);
      CHECK(std::hypot(q.x - p.x, q.y - p.y) < kMm);
    }
  }
}

TEST_CASE("geometries keep their shape and ring order", "[crs][transformer]") {
  auto t = zone2();
  core::Polygon square;
  // About 1 km x 1 km around 130.5E 33.8N, clockwise in lon/lat.
  const double dlat = 1000.0 / 110940.0;
  const double dlon = 1000.0 / 92600.0;
  for (auto [lon, lat] : {std::pair{130.5, 33.8},
                          {130.5, 33.8 + dlat},
                          {130.5 + dlon, 33.8 + dlat},
                          {130.5 + dlon, 33.8},
                          {130.5, 33.8}}) {
    square.outer().push_back({lon, lat});
  }
  const core::Geometry projected = t.transform(core::Geometry{square});
  const auto& poly = std::get<core::Polygon>(projected);
  CHECK(poly.outer().size() == 5);
  CHECK(poly.outer().front() == poly.outer().back());
  CHECK(core::bg::area(poly) > 0.0);  // still clockwise: Boost's positive orientation
  CHECK(core::area(projected).value == Approx(1.0e6).epsilon(0.01));
}

TEST_CASE("errors name the CRS", "[crs][transformer]") {
  auto t = zone2();
  try {
    (void)t.forward({131.0, 95.0});
    FAIL("latitude 95 transformed");
  } catch (const core::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("EPSG:4326") && Catch::Contains("EPSG:6670"));
  }
  CHECK_FALSE(t.try_transform({131.0, 95.0}).has_value());
  CHECK_THROWS_WITH(crs::Transformer(crs::CrsRef{"EPSG:999999", 999999, ""}, crs::CrsRef::wgs84()),
                    Catch::Contains("EPSG:999999"));
}

TEST_CASE("clones are independent and usable from other threads", "[crs][transformer]") {
  auto t = zone2();
  // Sharing is refused by the compiler: no copies, and a const Transformer converts nothing.
  static_assert(!std::is_copy_constructible_v<crs::Transformer>);
  static_assert(!std::is_copy_assignable_v<crs::Transformer>);
  static_assert(!std::is_invocable_v<decltype(&crs::Transformer::forward), const crs::Transformer&,
                                     core::LonLat>);
  static_assert(!std::is_invocable_v<decltype(&core::Projector::forward), const core::Projector&,
                                     core::LonLat>);
  const core::XY expected = t.forward({130.55, 33.81});
  core::XY in_thread;
  std::thread worker([clone = t.clone(), &in_thread]() mutable {
    in_thread = clone.forward({130.55, 33.81});
  });
  // The original keeps working while the clone is used on the other thread.
  const core::XY here = t.forward({130.55, 33.81});
  worker.join();
  CHECK(in_thread == expected);
  CHECK(here == expected);
  CHECK(t.clone().target().definition == t.target().definition);
}

TEST_CASE("transformers between the same CRSs share PROJ's search, not its state",
          "[crs][transformer]") {
  // The first 4326 -> 6670 builds PROJ's operation; the later ones are cloned from it. Each
  // must transform exactly as the first, and a transformer to another zone must not be handed
  // the cached zone II operation.
  auto first = zone2();
  auto second = zone2();
  auto zone1 = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(6669));
  const core::LonLat p{130.55, 33.81};
  CHECK(second.forward(p) == first.forward(p));
  const core::XY in_zone1 = zone1.forward(p);
  CHECK(std::abs(in_zone1.x - first.forward(p).x) > 1000.0);
  auto zone1_again = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(6669));
  CHECK(zone1_again.forward(p) == in_zone1);
  // The inverse direction comes with the clone too.
  const core::LonLat back = second.inverse(first.forward(p));
  CHECK(back.lon == Approx(p.lon).margin(1e-9));
  CHECK(back.lat == Approx(p.lat).margin(1e-9));
}

TEST_CASE("CRS pairs past the kept templates are built afresh and still transform exactly",
          "[crs][transformer]") {
  // The 19 zones of JGD2011 (6669-6687), then the 60 northern UTM zones of WGS 84: more pairs
  // than the process keeps as templates. Every transformer, kept or not, takes each zone's own
  // origin (its central meridian at the equator for UTM) to its false easting and northing.
  const std::vector<std::pair<double, double>> jgd_origins{
      {129.5, 33.0},      {131.0, 33.0},      {132.166667, 36.0}, {133.5, 33.0},
      {134.333333, 36.0}, {136.0, 36.0},      {137.166667, 36.0}, {138.5, 36.0},
      {139.833333, 36.0}, {140.833333, 40.0}, {140.25, 44.0},     {142.25, 44.0},
      {144.25, 44.0},     {142.0, 26.0},      {127.5, 26.0},      {124.0, 26.0},
      {131.0, 26.0},      {136.0, 20.0},      {154.0, 26.0}};
  for (int zone = 1; zone <= 19; ++zone) {
    auto t = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(6668 + zone));
    const auto [lon, lat] = jgd_origins[static_cast<std::size_t>(zone - 1)];
    const core::XY p = t.forward({lon, lat});
    INFO("JGD2011 zone " << zone);
    CHECK(std::abs(p.x) < 0.5);  // the origins above are rounded to 1e-6 degrees
    CHECK(std::abs(p.y) < 0.5);
  }
  for (int zone = 1; zone <= 60; ++zone) {
    auto t = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(32600 + zone));
    const core::XY p = t.forward({-183.0 + 6.0 * zone, 0.0});
    INFO("UTM zone " << zone << "N");
    CHECK(p.x == Approx(500'000.0).margin(kMm));
    CHECK(p.y == Approx(0.0).margin(kMm));
  }
  // And the first pair again, now long kept.
  CHECK(zone2().forward({131.0, 33.0}).x == Approx(0.0).margin(kMm));
}

TEST_CASE("threads asking at once for a new CRS pair all get the one operation",
          "[crs][transformer]") {
  // A pair no other test builds (zone XIII), asked for by eight threads together: the first
  // searches PROJ's database, the others wait and clone its result. Each must transform exactly
  // as a transformer built alone.
  const crs::CrsRef zone13 = crs::CrsRef::from_epsg(6681);
  const core::LonLat p{144.25, 44.5};
  std::vector<core::XY> got(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] { got[i] = crs::Transformer::from_wgs84(zone13).forward(p); });
  }
  for (auto& t : threads) {
    t.join();
  }
  const core::XY alone = crs::Transformer::from_wgs84(zone13).forward(p);
  CHECK(std::abs(alone.x) < 1.0);  // on zone XIII's central meridian
  CHECK(alone.y == Approx(55'500.0).epsilon(0.01));
  for (const core::XY& q : got) {
    CHECK(q == alone);
  }
}

TEST_CASE("a transformer between one CRS and itself changes nothing and refuses no number",
          "[crs][transformer]") {
  crs::Transformer same(crs::CrsRef::from_epsg(6670), crs::CrsRef::from_epsg(6670));
  CHECK(same.is_identity());
  CHECK(same.transform(core::XY{-12'345.678, 98'765.4321}) == core::XY{-12'345.678, 98'765.4321});
  CHECK(same.inverse_transform(core::XY{1.5, -2.5}) == core::XY{1.5, -2.5});
  std::vector<core::XY> many{{1, 2}, {3, 4}};
  CHECK(same.try_transform_in_place(many).empty());
  CHECK(many[1] == core::XY{3, 4});
  // Not a number is still refused, and the error names the CRSs.
  CHECK_FALSE(same.try_transform(core::XY{std::nan(""), 0.0}).has_value());
  CHECK_THROWS_WITH(same.transform(core::XY{std::nan(""), 0.0}), Catch::Contains("EPSG:6670"));
  CHECK(same.clone().is_identity());
}
