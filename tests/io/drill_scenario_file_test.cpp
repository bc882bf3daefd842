// The drill scenario file: a valid file read in full, and each validation error naming the
// field (its JSON path) and the value expected; unknown keys warned about, not fatal.

#include "io/drill_scenario_file.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "core/error.hpp"

using namespace caremap;

namespace {

const std::string kValid = R"({
  "caremap_drill": 1,
  "title": "drill",
  "region": "munakata-fukutsu",
  "priority_weights": [1, 3, 9],
  "patients": {"source": "patients.csv", "id_field": "id", "encoding": "CP932"},
  "hospitals": {"layer": "hospitals", "id_field": "ID"},
  "capacities": [
    {"hospital": "4011400003350", "free_beds": 6, "backup_beds": 10,
     "services": ["ventilator", "透析"]}
  ],
  "shelters": {"layer": "shelter_evacuation", "capacity": 20,
               "capacities": [{"shelter": "A", "capacity": 5}]},
  "injects": [
    {"t_min": 0, "title": "quake"},
    {"t_min": 20, "title": "bridge", "closures": [{"name": "bridge", "source": "bridge.geojson"}],
     "hazard_zones": [{"name": "flood", "source": "/abs/flood.geojson"}]},
    {"t_min": 40, "title": "power", "outages": [{"hospital": "4011400003350", "kind": "no_power"}],
     "capacities": [{"hospital": "4011400003350", "free_beds": 2}]}
  ],
  "_note": "comments are keys starting with _"
})";

// The message and field of the InputError `text` raises.
std::pair<std::string, std::string> error_of(const std::string& text) {
  try {
    io::parse_drill_scenario(text, "/drills/x/drill.json");
  } catch (const core::InputError& e) {
    CHECK(e.context().file == "/drills/x/drill.json");
    return {e.context().field, e.detail()};
  }
  FAIL("no error for:\n" << text);
  return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("drill scenario: a valid file is read in full", "[io][drill]") {
  const auto f = io::parse_drill_scenario(kValid, "/drills/x/drill.json");
  CHECK(f.title == "drill");
  CHECK(f.region == "munakata-fukutsu");
  CHECK(f.priority_weights == std::vector<std::int64_t>{1, 3, 9});
  CHECK(f.patients.from.source == std::filesystem::path("/drills/x/patients.csv"));
  CHECK(f.patients.from.encoding == "CP932");
  CHECK(f.patients.needs_field == "needs");
  CHECK(f.hospitals.layer == "hospitals");
  REQUIRE(f.capacities.size() == 1);
  CHECK(f.capacities[0].backup_beds == 10);
  CHECK(f.capacities[0].services->has(core::CareNeed::dialysis));
  CHECK(f.capacities[0].services->has(core::CareNeed::ventilator));
  CHECK_FALSE(f.capacities[0].services->has(core::CareNeed::palliative));
  CHECK(f.shelter_capacity == 20);
  REQUIRE(f.injects.size() == 3);
  REQUIRE(f.injects[1].closures.size() == 2);
  CHECK(f.injects[1].closures[0].source == std::filesystem::path("/drills/x/bridge.geojson"));
  CHECK(f.injects[1].closures[1].hazard_zone);
  CHECK(f.injects[1].closures[1].source == std::filesystem::path("/abs/flood.geojson"));
  CHECK(f.injects[2].outages[0].kind == "no_power");
  CHECK(f.injects[2].capacities[0].free_beds == 2);
  CHECK(f.warnings.empty());
}

TEST_CASE("drill scenario: errors name the field and the value expected", "[io][drill]") {
  SECTION("wrong outage kind") {
    const auto [field, msg] = error_of(replaced(kValid, "\"no_power\"", "\"flooded\""));
    CHECK(field == "injects[2].outages[0].kind");
    CHECK(msg == "expected \"damaged\" or \"no_power\", got \"flooded\"");
  }
  SECTION("unknown service") {
    const auto [field, msg] = error_of(replaced(kValid, "\"透析\"", "\"oxygen\""));
    CHECK(field == "capacities[0].services[1]");
    CHECK_THAT(msg, Catch::StartsWith("expected one of ventilator, home_oxygen"));
  }
  SECTION("negative beds") {
    const auto [field, msg] = error_of(replaced(kValid, "\"free_beds\": 6", "\"free_beds\": -1"));
    CHECK(field == "capacities[0].free_beds");
    CHECK(msg == "expected a whole number 0..1000000, got -1");
  }
  SECTION("missing title") {
    const auto [field, msg] = error_of(replaced(kValid, "\"title\": \"drill\",", ""));
    CHECK(field == "title");
    CHECK(msg == "missing; expected a string");
  }
  SECTION("injects out of time order") {
    const auto [field, msg] = error_of(replaced(kValid, "\"t_min\": 40", "\"t_min\": 10"));
    CHECK(field == "injects[2].t_min");
    CHECK(msg == "expected a time >= the inject before (20.0), got 10");
  }
  SECTION("both a layer and a source") {
    const auto [field, msg] = error_of(replaced(kValid, "\"layer\": \"hospitals\"",
                                                "\"layer\": \"hospitals\", \"source\": \"h.csv\""));
    CHECK(field == "hospitals.layer");
    CHECK_THAT(msg, Catch::Contains("exactly one of 'layer'"));
  }
  SECTION("a wrong format version") {
    const auto [field, msg] =
        error_of(replaced(kValid, "\"caremap_drill\": 1", "\"caremap_drill\": 2"));
    CHECK(field == "caremap_drill");
  }
  SECTION("not JSON") {
    const auto [field, msg] = error_of("{\"caremap_drill\": 1,");
    CHECK_THAT(msg, Catch::StartsWith("not valid JSON"));
  }
  // Found by fuzz_drill_scenario: a number beyond a double's range is JSON's syntax but not a
  // value; the parser's out_of_range escaped as an exception of the JSON library.
  SECTION("a number too large for a double") {
    const auto [field, msg] =
        error_of(replaced(kValid, "\"caremap_drill\": 1", "\"caremap_drill\": 1e999"));
    CHECK_THAT(msg, Catch::StartsWith("not valid JSON") && Catch::Contains("number overflow"));
  }
}

TEST_CASE("drill scenario: unknown keys are warnings naming the field", "[io][drill]") {
  const auto f = io::parse_drill_scenario(
      replaced(kValid, "\"t_min\": 20,", "\"t_min\": 20, \"severity\": \"high\","), "d.json");
  REQUIRE(f.warnings.size() == 1);
  const core::Diagnostic& d = f.warnings.items()[0];
  CHECK(d.code == "unknown_field");
  CHECK(d.field == "injects[1].severity");
  CHECK(d.file == "d.json");
}

TEST_CASE("drill scenario: needs in a patients' cell", "[io][drill]") {
  std::vector<std::string> unknown;
  const core::CareNeeds n = io::parse_care_needs("ventilator; 透析・緩和ケア|wheelchair", unknown);
  CHECK(n.has(core::CareNeed::ventilator));
  CHECK(n.has(core::CareNeed::dialysis));
  CHECK(n.has(core::CareNeed::palliative));
  CHECK_FALSE(n.has(core::CareNeed::home_oxygen));
  CHECK(unknown == std::vector<std::string>{"wheelchair"});
}
