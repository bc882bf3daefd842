// The planning module without a window and without a road network (straight line at 30 km/h,
// 20 min = 10 km): a strip of census cells, two clinics at one end, and what-if edits by map
// clicks, checked against the baseline. Drawn (x in km, cells 1 km wide, 100 people each):
//   cells at x = 0.5, 1.5, ..., 29.5 (30 cells), one city covering them all
//   clinic K0 at x = 0, clinic K1 at x = 1; an in-house clinic (施設内医務室) at x = 29, ignored
// Within 10 km of both clinics: the cells at x < 10 (about 10 cells, 2+); none beyond 11 km.

#include "app/modules/plan/plan_module.hpp"

#include <catch2/catch.hpp>

#include "app/loading.hpp"
#include "app/modules/module_access.hpp"
#include "job_pump.hpp"
#include "strip_region.hpp"

using namespace caremap;
using namespace caremap::app;
using caremap::app::test::pump;
using caremap::app::test::strip_region;

namespace {

const PlanCityRow& total(const PlanState& s) {
  return s.rows.back();
}

}  // namespace

TEST_CASE("planning: the baseline by straight line, then add, remove and move by click",
          "[plan][app]") {
  AppState app;
  strip_region(app);
  PlanState& s = plan_state(app);
  start_plan_baseline(app);
  pump(app);
  // The baseline's result starts the what-if job; on so small an instance it can finish before
  // pump() looks again and find the queue idle, leaving its completion to the next round.
  pump(app);
  REQUIRE(s.baseline);
  CHECK(s.baseline->sites.size() == 2);  // the in-house clinic is left out
  CHECK_THAT(s.distance, Catch::Contains("直線") || Catch::Contains("straight"));
  REQUIRE(s.rows.size() == 2);  // the city, then the total
  const double people = total(s).people;
  CHECK(people == Approx(3000.0).epsilon(1e-6));
  CHECK(total(s).none + total(s).one + total(s).two_plus == Approx(people));
  CHECK(total(s).none > 0.0);
  CHECK(total(s).gained_cover == 0.0);  // no edit yet
  CHECK(find_layer(app, PlanModule::kLayer) != nullptr);

  // A clinic added at the far end: the cells near x = 25 km gain cover, nobody loses any.
  auto& module = find_module<PlanModule>(app);
  s.tool = PlanTool::add;
  module.picked(app, core::XY{25000, 500});
  pump(app);
  CHECK(total(s).gained_cover > 0.0);
  CHECK(total(s).lost_cover == 0.0);
  CHECK(total(s).none < total(s).base_none);

  // Closing K1 (a click 300 m from it): its cells keep K0, so they lose only the backup.
  s.tool = PlanTool::remove;
  module.picked(app, core::XY{1300, 500});
  pump(app);
  REQUIRE(s.removed.size() == 1);
  CHECK(s.baseline->sites[s.removed[0]].name == "K1");
  CHECK(total(s).lost_backup > 0.0);
  // The N-1 ranking after the edits leaves the closed clinic out.
  for (const auto& r : s.n_minus_one) {
    CHECK(r.clinic != "K1");
  }

  // Moving K0 to the middle: two clicks, the clinic then the new place.
  s.tool = PlanTool::move;
  module.picked(app, core::XY{100, 400});
  CHECK(s.moving);
  module.picked(app, core::XY{12000, 500});
  pump(app);
  CHECK(s.removed.size() == 2);
  CHECK(s.added.size() == 2);
  CHECK(s.recompute_ms >= 0.0);

  module.clear(app);
  CHECK(find_layer(app, PlanModule::kLayer) == nullptr);
  CHECK_FALSE(s.baseline);
}
