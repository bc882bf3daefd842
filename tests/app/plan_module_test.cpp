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

using namespace caremap;
using namespace caremap::app;
using caremap::app::test::pump;

namespace {

core::Polygon square(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  return p;
}

void strip_region(AppState& app) {
  set_working_crs(app, "EPSG:6670");
  auto cells = std::make_shared<core::Layer>();
  cells->id = "population";
  cells->category = core::Category::population;
  cells->crs = "EPSG:6670";
  for (const char* f : {"mesh_code", "pop_total", "pop_65plus", "pop_75plus"}) {
    cells->add_field(f,
                     std::string(f) == "mesh_code" ? core::FieldType::text : core::FieldType::real);
  }
  for (int i = 0; i < 30; ++i) {
    core::Feature f;
    f.geometry = square(i * 1000.0, 0.0, (i + 1) * 1000.0, 1000.0);
    f.category = core::Category::population;
    f.values = {std::to_string(i), 100.0, 40.0, 20.0};
    cells->features.push_back(f);
  }
  auto city = std::make_shared<core::Layer>();
  city->id = "boundary";
  city->category = core::Category::boundary;
  city->crs = "EPSG:6670";
  city->add_field("name", core::FieldType::text);
  city->name_field = 0;
  city->features.push_back(
      {square(0, 0, 30000, 1000), {std::string("Strip")}, core::Category::boundary, 1});
  auto clinics = std::make_shared<core::Layer>();
  clinics->id = "clinics";
  clinics->category = core::Category::clinic;
  clinics->crs = "EPSG:6670";
  clinics->add_field("name", core::FieldType::text);
  clinics->add_field("施設内医務室", core::FieldType::text);
  clinics->name_field = 0;
  clinics->features.push_back(
      {core::XY{0, 500}, {std::string("K0"), std::string("0")}, core::Category::clinic, 1});
  clinics->features.push_back(
      {core::XY{1000, 500}, {std::string("K1"), std::string("0")}, core::Category::clinic, 2});
  clinics->features.push_back({core::XY{29000, 500},
                               {std::string("in-house"), std::string("1")},
                               core::Category::clinic,
                               3});
  add_layer(app, cells, {}, {});
  add_layer(app, city, {}, {});
  add_layer(app, clinics, {}, {});
}

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
