#pragma once
// Running a drill: the state after each inject (closures so far, outages, capacities), the
// travel costs under the current closures, the exact assignment of beds and shelter places, and
// what a drill leader reads: per patient where and why, per hospital load against capacity,
// per inject the summary and what changed since the previous inject.
//
// Travel costs: over the road network with the current closures (analysis::road_costs, access
// legs included, one backward search per hospital and shelter), or, only when the region has no
// network, the straight line at a stated speed; DrillResult::basis says which, and every output
// carries it. A pure function of its inputs: no I/O.

#include <memory>
#include <optional>
#include <vector>

#include "analysis/travel_costs.hpp"
#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "drill/assignment.hpp"
#include "drill/scenario.hpp"
#include "routing/road_network.hpp"

namespace caremap::drill {

struct DrillOptions {
  core::Meters snap_distance = routing::kDefaultSnapDistance;
  /// Used only when there is no road network.
  analysis::StraightLineMeasure straight_line{core::from_km_per_hour(30.0), 1.3};
  unsigned threads = 1;  ///< 0 = every core
};

/// The situation at one moment: what the injects so far have changed.
struct DrillState {
  std::size_t inject = 0;  ///< index of the last inject applied
  double t_min = 0.0;
  std::string title;
  std::vector<Hospital> hospitals;     ///< current beds and services
  std::vector<std::uint8_t> damaged;   ///< per hospital
  std::vector<std::uint8_t> no_power;  ///< per hospital
  std::vector<NamedClosure> closures;  ///< every closure and hazard zone so far
};

/// The state before any inject (the scenario's hospitals, nothing closed).
DrillState initial_state(const Scenario& scenario);
/// Applies one inject: its closures are added, its outages and capacity updates take effect.
/// Throws core::ArgumentError for a hospital index out of range.
void apply_inject(DrillState& state, const Inject& inject, std::size_t index);

/// Why a patient has no bed (or shelter place).
enum class NotPlaced {
  not_on_network,  ///< too far from every road to be routed
  no_compatible,   ///< no hospital able to take them (services, damage, power) at all
  cut_off,         ///< compatible hospitals exist, but closures cut every road to them
  full,            ///< the compatible hospitals within reach are full (higher priority first)
  no_shelter,      ///< wants a shelter, but none has room or is reachable
};

/// Why a hospital nearer than the one chosen was not used.
enum class PassedOver {
  full,
  incompatible,  ///< lacks a service the patient needs (CarePass::missing)
  no_power,      ///< lacks it because it lost power
  damaged,
  cut_off,  ///< reachable without the closures, not with them
  tie,      ///< as near as the chosen one within 0.1 s
  kept,     ///< the patient stays where the inject before sent them: moving saves too little
};

struct NearerHospital {
  std::uint32_t hospital = 0;
  double time_s = 0.0;       ///< +inf when cut off
  double open_time_s = 0.0;  ///< without the closures
  PassedOver reason = PassedOver::full;
  core::CareNeeds missing;  ///< incompatible / no_power: the services lacking
};

struct PatientOutcome {
  std::int32_t site = kNotPlaced;  ///< hospital (bed patients) or shelter (shelter-seekers)
  double time_s = analysis::kUnreachableCost;
  double length_m = analysis::kUnreachableCost;
  std::optional<NotPlaced> not_placed;
  std::vector<NearerHospital> nearer;  ///< nearest first; bed patients only
  bool placed() const { return site != kNotPlaced; }
};

struct HospitalLoad {
  int load = 0;
  int free_beds = 0;
  int backup_beds = 0;
  bool damaged = false;
  bool no_power = false;
  int capacity() const { return damaged ? 0 : free_beds + backup_beds; }
  int backup_in_use() const { return load > free_beds ? load - free_beds : 0; }
  bool full() const { return capacity() > 0 && load >= capacity(); }
  double share() const { return capacity() > 0 ? static_cast<double>(load) / capacity() : 0.0; }
};

struct Move {
  std::uint32_t patient = 0;
  std::int32_t from = kNotPlaced;  ///< site before (kNotPlaced: had none)
  std::int32_t to = kNotPlaced;    ///< site now
  double time_added_s = 0.0;       ///< now - before when placed both times, else 0
};

/// What changed since the previous inject.
struct InjectChange {
  std::vector<Move> moved;    ///< bed or shelter changed (including lost and newly found)
  double time_added_s = 0.0;  ///< sum over patients placed both times
  std::vector<std::uint32_t> hospitals_now_full;  ///< full now, not before
};

struct InjectSummary {
  std::size_t bed_patients = 0;
  std::size_t placed = 0;
  std::size_t not_placed = 0;
  double mean_time_s = 0.0;  ///< over placed bed patients
  double max_time_s = 0.0;
  std::vector<std::uint32_t> above_80_percent;  ///< hospitals loaded above 80 %
  std::size_t backup_beds_in_use = 0;
  std::size_t shelter_patients = 0;
  std::size_t sheltered = 0;
};

struct InjectResult {
  DrillState state;
  std::shared_ptr<const routing::Overlay> overlay;  ///< null without network or closures
  analysis::TravelCosts costs;  ///< patients x (hospitals, then shelters), current closures
  AssignmentSolution beds;      ///< over the bed patients (bed_patients order)
  AssignmentSolution shelters;  ///< over the shelter-seekers (shelter_patients order)
  std::vector<PatientOutcome> patients;  ///< per scenario patient
  std::vector<HospitalLoad> hospitals;
  std::vector<int> shelter_load;
  InjectSummary summary;
  InjectChange change;  ///< empty for the first inject
  core::Diagnostics diagnostics;
};

struct DrillResult {
  std::vector<InjectResult> injects;
  core::LocalText basis;  ///< what the times stand on: a named road network, or straight line
  bool by_road = false;
  analysis::TravelCosts open_costs;  ///< without any closure: tells "cut off" from "no road"
  core::Provenance provenance;
};

/// Costs from every patient to every hospital, then every shelter: by road with `overlay`
/// (may be null) when `network` is given, else straight line.
analysis::TravelCosts drill_costs(const Scenario& scenario, const routing::RoadNetwork* network,
                                  const routing::Overlay* overlay, const DrillOptions& options,
                                  core::Diagnostics& diagnostics,
                                  core::Progress* progress = nullptr);

/// The overlay of every closure in `state` on `network`; null when there are none.
std::shared_ptr<const routing::Overlay> state_overlay(const DrillState& state,
                                                      const routing::RoadNetwork& network,
                                                      core::Diagnostics& diagnostics);

/// The bed problem of `state` over the patients `who` (indexes into scenario.patients, all
/// wanting a bed): capacities the free beds, reserves the backup beds at
/// scenario.backup_bed_cost_s (both 0 when damaged), pairs allowed where the
/// hospital offers every service the patient needs now, times from `costs` (hospitals first).
/// With `previous` (the inject before), a patient placed there costs scenario.move_cost_s more
/// anywhere else.
AssignmentProblem bed_problem(const Scenario& scenario, const DrillState& state,
                              const analysis::TravelCosts& costs,
                              const std::vector<std::uint32_t>& who, const InjectResult* previous);

/// Assigns beds and shelter places in `state` and explains them. `open_costs` are the costs
/// without closures (drill_costs with no overlay); `previous` the result of the inject before
/// (null for the first). Throws core::ArgumentError for a scenario without hospitals.
InjectResult solve_state(const Scenario& scenario, const DrillState& state,
                         const routing::RoadNetwork* network,
                         const analysis::TravelCosts& open_costs, const InjectResult* previous,
                         const DrillOptions& options, core::Progress* progress = nullptr);

/// Every inject in turn. Throws core::ArgumentError for a scenario without injects or
/// hospitals, or with injects out of time order.
DrillResult run_drill(const Scenario& scenario, const routing::RoadNetwork* network,
                      const DrillOptions& options, core::Progress* progress = nullptr);

/// "ベッドが満床" / "beds full", ...
core::LocalText describe(NotPlaced reason);
core::LocalText describe(PassedOver reason);

}  // namespace caremap::drill
