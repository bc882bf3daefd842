#pragma once
// A small drill for the map-layer and viewer-module tests: two hospitals (the near one with one
// bed), four bed patients (one needs a ventilator no hospital has), one shelter-seeker; t = 20 a
// hazard zone, t = 40 the near hospital damaged. Straight-line times (no road network).

#include <string>
#include <vector>

#include "drill/drill_map.hpp"
#include "drill/drill_routes.hpp"
#include "drill/drill_run.hpp"

namespace caremap::drill::test {

inline drill::Patient patient(std::string id, double x, core::CareNeeds needs = {}) {
  drill::Patient p;
  p.id = std::move(id);
  p.position = {x, 0.0};
  p.needs = needs;
  return p;
}

inline drill::Hospital hospital(std::string name, double x, int free_beds) {
  drill::Hospital h;
  h.id = name;
  h.name = std::move(name);
  h.position = {x, 0.0};
  h.free_beds = free_beds;
  return h;
}

inline drill::Scenario scenario() {
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
  std::vector<std::vector<drill::PatientRoute>> routes;
  std::vector<drill::DrillInjectLayers> layers;
  Built() {
    result = drill::run_drill(s, nullptr, options);
    for (const drill::InjectResult& r : result.injects) {
      routes.push_back(drill::patient_routes(s, r, nullptr, options));
    }
    layers = drill::drill_map_layers(s, result, routes, core::Lang::ja);
  }
};

}  // namespace caremap::drill::test
