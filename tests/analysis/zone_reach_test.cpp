// A zone against a straight-line coverage, on a strip of 1 km cells drawn here: two cities of
// five cells each, 100 people a cell (40 aged 65+, 20 aged 75+), a facility at x = 2.5 km inside
// the zone and one at x = 9.5 km outside it, both with a 3 km reach. The zone covers x = 1..4 km
// and half of the cell [4, 5] km.

#include "analysis/zone_reach.hpp"

#include <catch2/catch.hpp>

using namespace caremap;

namespace {

core::Polygon square(double x0, double y0, double w, double h) {
  return core::Polygon{{{x0, y0}, {x0, y0 + h}, {x0 + w, y0 + h}, {x0 + w, y0}, {x0, y0}}};
}

analysis::Demand strip() {
  analysis::Demand d;
  d.cities = {"西市", "東市"};
  d.has_age_bands = true;
  for (int i = 0; i < 10; ++i) {
    analysis::DemandPoint p;
    p.shape = square(i * 1000.0, 0, 1000, 1000);
    p.position = {i * 1000.0 + 500, 500};
    p.city = i < 5 ? 0 : 1;
    p.people = 100;
    p.people_65plus = 40;
    p.people_75plus = 20;
    p.label = "cell" + std::to_string(i);
    d.points.push_back(p);
  }
  return d;
}

}  // namespace

TEST_CASE("a zone's people, beyond reach today and without the zone's facilities",
          "[analysis][zone]") {
  const analysis::Demand d = strip();
  const analysis::PeopleLocator people(d);
  const std::vector<analysis::ReachDisc> discs = {{{2500, 500}, core::Meters{3000}, "inside"},
                                                  {{9500, 500}, core::Meters{3000}, "outside"}};
  const core::MultiPolygon zone{square(1000, -500, 3500, 2000)};
  const analysis::ZoneReach r = analysis::zone_reach(people, discs, zone);
  CHECK(r.inside == std::vector<std::uint32_t>{0});
  // Cells 1, 2, 3 whole and half of cell 4.
  CHECK(r.people.people == Approx(350).margin(1e-6));
  CHECK(r.people.people_75plus == Approx(70).margin(1e-6));
  // Today every centroid in the zone is within 3 km of the inside facility.
  CHECK(r.beyond_today.people == Approx(0).margin(1e-6));
  // Without it, only the outside facility at 9.5 km: its reach ends at 6.5 km, so cells 1-4 are
  // beyond it.
  CHECK(r.beyond_without_zone.people == Approx(350).margin(1e-6));
  CHECK(r.beyond_without_zone.people_65plus == Approx(140).margin(1e-6));
  CHECK(r.lost_points == std::vector<std::uint32_t>{1, 2, 3, 4});
  REQUIRE(r.people_by_city.size() == 2);
  CHECK(r.people_by_city[0].people == Approx(350).margin(1e-6));
  CHECK(r.people_by_city[1].people == Approx(0).margin(1e-6));
  CHECK(r.beyond_without_zone_by_city[0].people == Approx(350).margin(1e-6));
}

TEST_CASE("a zone reached from outside loses no one, and an empty zone counts no one",
          "[analysis][zone]") {
  const analysis::Demand d = strip();
  const analysis::PeopleLocator people(d);
  // A wide reach from the outside facility covers the whole strip.
  const std::vector<analysis::ReachDisc> discs = {{{2500, 500}, core::Meters{3000}, "inside"},
                                                  {{9500, 500}, core::Meters{20000}, "outside"}};
  const analysis::ZoneReach r =
      analysis::zone_reach(people, discs, core::MultiPolygon{square(1000, -500, 3500, 2000)});
  CHECK(r.beyond_without_zone.people == Approx(0).margin(1e-6));
  CHECK(r.lost_points.empty());
  // A facility on the zone's edge is inside it.
  const analysis::ZoneReach edge =
      analysis::zone_reach(people, discs, core::MultiPolygon{square(2500, 500, 100, 100)});
  CHECK(edge.inside == std::vector<std::uint32_t>{0});
  const analysis::ZoneReach sea =
      analysis::zone_reach(people, discs, core::MultiPolygon{square(0, 5000, 1000, 1000)});
  CHECK(sea.people.people == 0.0);
  CHECK(sea.inside.empty());
}
