// The viewer's drill module on the job runner: a free-bed edit re-solves, the slider shows
// another inject (the layers themselves: tests/drill/drill_map_test.cpp).

#include "app/modules/drill/drill_module.hpp"

#include <catch2/catch.hpp>

#include "app/modules/module_access.hpp"
#include "drill/drill_map_fixture.hpp"
#include "job_pump.hpp"

using namespace caremap;
using drill::test::scenario;

namespace {

std::string label_of(app::AppState& a, std::size_t row) {
  const app::LayerEntry* e = app::find_layer(a, drill::kDrillHospitalsLayer);
  REQUIRE(e != nullptr);
  return e->layer->display_name(core::FeatureId{static_cast<std::uint32_t>(row)});
}

}  // namespace

TEST_CASE("the module solves on the job runner, re-solves after a bed edit, steps injects",
          "[drill_map]") {
  app::AppState a;
  app::DrillModuleState& st = app::drill_state(a);
  st.scenario = std::make_shared<const drill::Scenario>(scenario());
  app::start_drill_solve(a);  // no road network: straight line, said in every output
  app::test::pump(a);
  REQUIRE(st.result);
  CHECK(st.inject == 0);
  const drill::HospitalLoad far = st.result->injects[0].hospitals[1];
  const std::size_t placed_before = st.result->injects[0].summary.placed;
  CHECK(label_of(a, 1) == drill::hospital_label("遠い病院", far, core::Lang::ja));
  REQUIRE(far.load > 0);
  const app::LayerEntry* patients = app::find_layer(a, drill::kDrillPatientsLayer);
  REQUIRE(patients != nullptr);
  REQUIRE(patients->style.ramp.has_value());
  CHECK(patients->style.ramp->field == "hospital_index");

  // No free bed left at the far hospital from t = 0: edits coalesce into one keyed job.
  drill::set_bed_edit(st.bed_edits, {0, 1, 3});
  app::start_drill_solve(a);
  drill::set_bed_edit(st.bed_edits, {0, 1, 0});
  app::start_drill_solve(a);
  app::test::pump(a);
  CHECK(st.result->injects[0].hospitals[1].load == 0);
  CHECK(label_of(a, 1) == "遠い病院 0/0");
  // The near hospital's one bed was taken already: the far hospital's patients lose their bed.
  CHECK(st.result->injects[0].summary.placed + static_cast<std::size_t>(far.load) == placed_before);

  // The slider: the near hospital is damaged at t = 40.
  app::show_drill_inject(a, 2);
  CHECK(st.inject == 2);
  CHECK(label_of(a, 0).find("被災") != std::string::npos);

  // At t = 40 the far hospital reports 2 free beds again: from then on, not before.
  drill::set_bed_edit(st.bed_edits, {2, 1, 2});
  app::start_drill_solve(a);
  app::test::pump(a);
  CHECK(st.result->injects[0].hospitals[1].free_beds == 0);
  CHECK(st.result->injects[1].hospitals[1].free_beds == 0);
  CHECK(st.result->injects[2].hospitals[1].free_beds == 2);
  CHECK(st.result->injects[2].hospitals[1].load == 2);
  CHECK(st.inject == 2);  // the re-solve keeps the slider where the leader is
  CHECK(label_of(a, 1).find("2/2") != std::string::npos);
}
