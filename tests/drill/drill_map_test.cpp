// A drill's map layers built from its result (drill/drill_map.hpp): the patients' hospital index
// and its ramp, hospital labels with load/capacity, routes and hazard zones per inject. What the
// layers must say is read from the engine's result, not hard-coded.

#include "drill/drill_map.hpp"

#include <catch2/catch.hpp>

#include "drill/drill_map_fixture.hpp"
#include "style/style.hpp"

using namespace caremap;
using drill::test::Built;

namespace {

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
    CHECK(p.id == drill::kDrillPatientsLayer);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const drill::PatientOutcome& o = b.result.injects[k].patients[i];
      const std::int64_t expected = !o.placed()                     ? -1
                                    : b.s.patients[i].wants_shelter ? drill::shelter_class(b.s)
                                                                    : o.site;
      CHECK(value_of(p, i, "hospital_index") == expected);
      // The engine's explanation travels with the point (the inspector shows it).
      CHECK(p.field_index("why_not_nearer").has_value());
      CHECK(p.field_index("not_placed_reason").has_value());
    }
  }
  // The ventilator patient has no hospital that can take them; the shelter-seeker a shelter.
  CHECK(value_of(*b.layers[0].patients, 2, "hospital_index") == -1);
  CHECK(value_of(*b.layers[0].patients, 4, "hospital_index") == drill::shelter_class(b.s));
}

TEST_CASE("the hospital ramp gives one class per hospital and the warning class first",
          "[drill_map]") {
  const Built b;
  const style::Ramp ramp = drill::hospital_ramp(b.s, core::Lang::ja);
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
    const std::size_t straight = b.layers[k].routes->require_field("straight");
    for (const core::Feature& f : b.layers[k].routes->features) {
      CHECK(core::to_number(f.values[0]) == r.state.t_min);
      CHECK(core::to_number(f.values[straight]) == 1.0);  // no network: straight lines
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
  CHECK(drill::hospital_label("宗像医師会病院", load, core::Lang::ja) == "宗像医師会病院 8/10");
  load.no_power = true;
  load.load = 10;
  CHECK(drill::hospital_label("H", load, core::Lang::en) == "H 10/10 no power full");
}
