#pragma once
// A disaster drill as the engine sees it: patients, hospitals with the drill leader's bed
// numbers, shelters, and a timeline of injects (closures, hazard zones, outages, capacity
// updates), everything in the working CRS. Built by the front ends from a scenario file
// (io/drill_scenario_file.hpp, drill_io/scenario_build.hpp) or by tests in memory.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/care_needs.hpp"
#include "core/geometry.hpp"
#include "core/provenance.hpp"
#include "routing/overlay.hpp"

namespace caremap::drill {

struct Patient {
  std::string id;
  core::XY position;
  core::CareNeeds needs;
  int priority = 1;            ///< 1 = lowest; the weight is Scenario::priority_weights
  bool wants_shelter = false;  ///< needs a shelter place, not a bed
  std::size_t source_row = 0;  ///< 1-based row in the patients file, 0 if none
};

struct Hospital {
  std::string id;  ///< the hospital layer's id field (MHLW ID)
  std::string name;
  core::XY position;
  int free_beds = 0;
  int backup_beds = 0;  ///< 後方支援病床: used once the free beds are gone
  core::CareNeeds services;
};

struct Shelter {
  std::string id;
  std::string name;
  core::XY position;
  int capacity = 0;  ///< places for drill patients
};

enum class OutageKind {
  damaged,   ///< the building takes no one
  no_power,  ///< takes patients, but not those whose needs ask for power
};

struct Outage {
  std::size_t hospital = 0;  ///< index into Scenario::hospitals
  OutageKind kind = OutageKind::damaged;
};

struct CapacityUpdate {
  std::size_t hospital = 0;
  std::optional<int> free_beds;
  std::optional<int> backup_beds;
  std::optional<core::CareNeeds> services;
};

/// One closure or hazard zone, with the name a drill leader reads.
struct NamedClosure {
  std::string name;
  bool hazard_zone = false;  ///< an area (flood, landslide), else a road closure
  routing::Closures closures;
};

/// What happens at one moment. Changes accumulate: closures stay, outages stay, capacities
/// stay at their last value.
struct Inject {
  double t_min = 0.0;
  std::string title;
  std::vector<NamedClosure> closures;
  std::vector<Outage> outages;
  std::vector<CapacityUpdate> capacities;
};

struct Scenario {
  std::string title;
  std::string crs;         ///< the working CRS every position is in
  bool drill_data = true;  ///< generated patients: every output says 訓練用データ / drill data
  std::vector<Patient> patients;
  std::vector<Hospital> hospitals;
  std::vector<Shelter> shelters;
  std::vector<Inject> injects;                          ///< in time order; at least one
  std::vector<std::int64_t> priority_weights{1, 2, 4};  ///< weight of priority 1, 2, ...
  core::CareNeeds power_needs;  ///< needs a hospital without power cannot serve
  /// What taking a backup bed costs, as weighted travel time: backup beds are the first
  /// reserve, used once the free beds are gone or where one saves more than this.
  double backup_bed_cost_s = 900.0;
  /// What moving a patient placed at the inject before to another hospital or shelter costs,
  /// unweighted: an inject's re-solve moves a patient already sent only to save more than this
  /// (or to place someone).
  double move_cost_s = 600.0;
  core::Provenance provenance;  ///< the inputs (patients, hospitals, roads) for every output

  /// The weight of a priority (1-based); the last weight for higher priorities.
  std::int64_t weight(int priority) const;
};

/// The default needs that ask for power: ventilator, home oxygen (concentrators), dialysis.
core::CareNeeds default_power_needs();

}  // namespace caremap::drill
