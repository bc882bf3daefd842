// The drill module's map layers built from a drill result (app/modules/drill/drill_map.hpp): the
// patients' hospital index and its ramp, hospital labels with load/capacity, routes and hazard
// zones per inject; and the module on the job runner: a free-bed edit re-solves, the slider
// shows another inject. Straight-line times (no road network) keep the instance small; what the
// layers must say is read from the engine's result, not hard-coded.

#include "app/modules/drill/drill_map.hpp"

#include <catch2/catch.hpp>

#include "app/modules/drill/drill_module.hpp"
#include "app/modules/module_access.hpp"
#include "drill/drill_routes.hpp"
#include "job_pump.hpp"
#include "style/style.hpp"

using namespace caremap;

namespace {

drill::Patient patient(std::string id, double x, core::CareNeeds needs = {}) {
  drill::Patient p;
  p.id = std::move(id);
  p.position = {x, 0.0};
  p.needs = needs;
  return p;
}

drill::Hospital hospital(std::string name, double x, int free_beds) {
  drill::Hospital h;
  h.id = name;
  h.name = std::move(name);
  h.position = {x, 0.0};
  h.free_beds = free_beds;
  return h;
}

// Two hospitals (the near one with one bed), four bed patients (one needs a ventilator no
// hospital has), one shelter-seeker; t = 20 a hazard zone, t = 40 the near hospital damaged.
drill::Scenario scenario() {
  drill::Scenario s;
  s.crs = "EPSG:6670";
  s.hospitals = {hospital("近い病院", 0.0, 1), hospital("遠い病院", 5000.0, 5)};
  core::CareNeeds ventilator;
  ventilator.add(core::CareNeed::ventilator);
  s.patients = {patient("p1", 100.0), patient("p2", 200.0), patient("p3", 300.0, ventilator),
                patient("p4", 400.0), patient("s1", 500.0)};
  s.patients[4].wants_shelter = true;
  drill::Shelter shelter;
  shelter.id = shelter.name = "避難所A";
  shelter.position = {600.0, 0.0};
  shelter.capacity = 5;
  s.shelters = {shelter};
  drill::Inject start;
  start.title = "地震";
  drill::Inject zone;
  zone.t_min = 20.0;
  routing::Closures area;
  area.barriers.push_back(
      core::Polygon{{{{1000, -100}, {1100, -100}, {1100, 100}, {1000, 100}, {1000, -100}}}, {}});
  zone.closures.push_back({"浸水想定区域", true, area});
  drill::Inject damage;
  damage.t_min = 40.0;
  damage.outages.push_back({0, drill::OutageKind::damaged});
  s.injects = {start, zone, damage};
  return s;
}

struct Built {
  drill::Scenario s = scenario();
  drill::DrillOptions options;
  drill::DrillResult result;
  std::vector<std::vector<core::LineString>> routes;
  std::vector<app::DrillInjectLayers> layers;
  Built() {
    result = drill::run_drill(s, nullptr, options);
    for (const drill::InjectResult& r : result.injects) {
      routes.push_back(drill::patient_routes(s, r, nullptr, options));
    }
    layers = app::drill_map_layers(s, result, routes, core::Lang::ja);
  }
};

std::int64_t value_of(const core::Layer& l, std::size_t row, const char* field) {
  return std::get<std::int64_t>(l.features[row].values[*l.field_index(field)]);
}

}  // namespace

TEST_CASE("patients carry the index of their hospital, shelter or -1", "[drill_map]") {
  const Built b;
  REQUIRE(b.layers.size() == b.result.injects.size());
  for (std::size_t k = 0; k < b.layers.size(); ++k) {
    const core::Layer& p = *b.layers[k].patients;
    REQUIRE(p.size() == b.s.patients.size());
    CHECK(p.id == app::kDrillPatientsLayer);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const drill::PatientOutcome& o = b.result.injects[k].patients[i];
      const std::int64_t expected = !o.placed()                     ? -1
                                    : b.s.patients[i].wants_shelter ? app::shelter_class(b.s)
                                                                    : o.site;
      CHECK(value_of(p, i, "hospital_index") == expected);
      // The engine's explanation travels with the point (the inspector shows it).
      CHECK(p.field_index("why_not_nearer").has_value());
      CHECK(p.field_index("not_placed_reason").has_value());
    }
  }
  // The ventilator patient has no hospital that can take them; the shelter-seeker a shelter.
  CHECK(value_of(*b.layers[0].patients, 2, "hospital_index") == -1);
  CHECK(value_of(*b.layers[0].patients, 4, "hospital_index") == app::shelter_class(b.s));
}

TEST_CASE("the hospital ramp gives one class per hospital and the warning class first",
          "[drill_map]") {
  const Built b;
  const style::Ramp ramp = app::hospital_ramp(b.s, core::Lang::ja);
  // not placed + 2 hospitals + shelters
  REQUIRE(ramp.colours.size() == b.s.hospitals.size() + 2);
  CHECK(ramp.labels[1] == b.s.hospitals[0].name);
  style::LayerStyle st;
  st.ramp = ramp;
  const core::Layer& p = *b.layers[0].patients;
  const style::LayerSymbology sym = style::resolve_symbology(p, st);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::int64_t h = value_of(p, i, "hospital_index");
    CHECK(sym.feature_class[i] == static_cast<std::size_t>(h + 1));
  }
  // Every class its own colour: the red of "not placed" is no hospital's.
  for (std::size_t i = 0; i < ramp.colours.size(); ++i) {
    for (std::size_t j = i + 1; j < ramp.colours.size(); ++j) {
      CHECK_FALSE(ramp.colours[i] == ramp.colours[j]);
    }
  }
}

TEST_CASE("hospitals are labelled with load and capacity, damaged ones say so", "[drill_map]") {
  const Built b;
  for (std::size_t k = 0; k < b.layers.size(); ++k) {
    const core::Layer& h = *b.layers[k].hospitals;
    REQUIRE(h.size() == b.s.hospitals.size());
    for (std::size_t j = 0; j < h.size(); ++j) {
      const drill::HospitalLoad& load = b.result.injects[k].hospitals[j];
      const std::string label = h.display_name(core::FeatureId{static_cast<std::uint32_t>(j)});
      CHECK(label.rfind(b.s.hospitals[j].name + " " + std::to_string(load.load) + "/" +
                            std::to_string(load.capacity()),
                        0) == 0);
      CHECK((label.find("被災") != std::string::npos) == load.damaged);
      CHECK((label.find("満床") != std::string::npos) == load.full());
    }
  }
  // The near hospital's one bed is taken at t = 0 (full), and it is damaged at t = 40.
  CHECK(b.result.injects[0].hospitals[0].full());
  CHECK(b.result.injects[2].hospitals[0].damaged);
}

TEST_CASE("routes and hazard zones are those of the inject shown", "[drill_map]") {
  const Built b;
  for (std::size_t k = 0; k < b.layers.size(); ++k) {
    const drill::InjectResult& r = b.result.injects[k];
    CHECK(b.layers[k].routes->size() == r.summary.placed + r.summary.sheltered);
    for (const core::Feature& f : b.layers[k].routes->features) {
      CHECK(core::to_number(f.values[0]) == r.state.t_min);
    }
  }
  CHECK(b.layers[0].hazard_zones->size() == 0);
  CHECK(b.layers[1].hazard_zones->size() == 1);
  CHECK(b.layers[2].hazard_zones->size() == 1);  // closures stay
  CHECK(b.layers[1].hazard_zones->category == core::Category::closure);
}

TEST_CASE("hospital_label names the status", "[drill_map]") {
  drill::HospitalLoad load;
  load.load = 8;
  load.free_beds = 8;
  load.backup_beds = 2;
  CHECK(app::hospital_label("宗像医師会病院", load, core::Lang::ja) == "宗像医師会病院 8/10");
  load.no_power = true;
  load.load = 10;
  CHECK(app::hospital_label("H", load, core::Lang::en) == "H 10/10 no power full");
}

namespace {

std::string label_of(app::AppState& a, std::size_t row) {
  const app::LayerEntry* e = app::find_layer(a, app::kDrillHospitalsLayer);
  REQUIRE(e != nullptr);
  return e->layer->display_name(core::FeatureId{static_cast<std::uint32_t>(row)});
}

}  // namespace

TEST_CASE("the module solves on the job runner, re-solves after a bed edit, steps injects",
          "[drill_map]") {
  app::AppState a;
  app::DrillModuleState& st = app::drill_state(a);
  st.scenario = std::make_shared<const drill::Scenario>(scenario());
  st.free_beds = {1, 5};
  app::start_drill_solve(a);  // no road network: straight line, said in every output
  app::test::pump(a);
  REQUIRE(st.result);
  CHECK(st.inject == 0);
  const drill::HospitalLoad far = st.result->injects[0].hospitals[1];
  const std::size_t placed_before = st.result->injects[0].summary.placed;
  CHECK(label_of(a, 1) == app::hospital_label("遠い病院", far, core::Lang::ja));
  REQUIRE(far.load > 0);
  const app::LayerEntry* patients = app::find_layer(a, app::kDrillPatientsLayer);
  REQUIRE(patients != nullptr);
  REQUIRE(patients->style.ramp.has_value());
  CHECK(patients->style.ramp->field == "hospital_index");

  // No free bed left at the far hospital: edits coalesce into one keyed job.
  st.free_beds[1] = 3;
  app::start_drill_solve(a);
  st.free_beds[1] = 0;
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
}
