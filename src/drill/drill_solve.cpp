// One inject solved: beds by min-cost flow, shelter places the same way, then the outcome per
// patient, the load per hospital, the summary and the change since the inject before.

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "drill/drill_run.hpp"
#include "drill/explain.hpp"

namespace caremap::drill {

namespace {

// Patients placed at the inject before cost move_cost_s more anywhere else.
void keep_previous(AssignmentProblem& p, const Scenario& scenario,
                   const std::vector<std::uint32_t>& who, const InjectResult* previous) {
  if (previous == nullptr) {
    return;
  }
  p.previous.resize(who.size());
  for (std::size_t i = 0; i < who.size(); ++i) {
    p.previous[i] = previous->patients[who[i]].site;
  }
  p.move_cost = cost_units(scenario.move_cost_s);
}

}  // namespace

AssignmentProblem bed_problem(const Scenario& scenario, const DrillState& state,
                              const analysis::TravelCosts& costs,
                              const std::vector<std::uint32_t>& who, const InjectResult* previous) {
  const std::size_t hospitals = state.hospitals.size();
  AssignmentProblem p;
  p.patients = who.size();
  p.sites = hospitals;
  p.time_s.resize(p.patients * p.sites);
  p.allowed.resize(p.time_s.size());
  p.weight.resize(p.patients);
  p.capacity.resize(p.sites);
  p.reserve.resize(p.sites);
  for (std::size_t h = 0; h < hospitals; ++h) {
    p.capacity[h] = state.damaged[h] ? 0 : state.hospitals[h].free_beds;
    p.reserve[h] = state.damaged[h] ? 0 : state.hospitals[h].backup_beds;
  }
  p.reserve_cost = cost_units(scenario.backup_bed_cost_s);
  keep_previous(p, scenario, who, previous);
  for (std::size_t i = 0; i < who.size(); ++i) {
    const Patient& patient = scenario.patients[who[i]];
    p.weight[i] = scenario.weight(patient.priority);
    for (std::size_t h = 0; h < hospitals; ++h) {
      p.time_s[p.at(i, h)] = costs.time(who[i], h);
      p.allowed[p.at(i, h)] = hospital_fit(scenario, state, patient, h).fits() ? 1 : 0;
    }
  }
  return p;
}

namespace {

AssignmentProblem shelter_problem(const Scenario& scenario, const analysis::TravelCosts& costs,
                                  const std::vector<std::uint32_t>& who,
                                  const InjectResult* previous) {
  const std::size_t first = scenario.hospitals.size();
  AssignmentProblem p;
  p.patients = who.size();
  p.sites = scenario.shelters.size();
  p.time_s.resize(p.patients * p.sites);
  p.allowed.assign(p.time_s.size(), 1);
  p.weight.resize(p.patients);
  p.capacity.resize(p.sites);
  for (std::size_t s = 0; s < p.sites; ++s) {
    p.capacity[s] = std::max(0, scenario.shelters[s].capacity);
  }
  for (std::size_t i = 0; i < who.size(); ++i) {
    p.weight[i] = scenario.weight(scenario.patients[who[i]].priority);
    for (std::size_t s = 0; s < p.sites; ++s) {
      p.time_s[p.at(i, s)] = costs.time(who[i], first + s);
    }
  }
  keep_previous(p, scenario, who, previous);
  return p;
}

void place(InjectResult& r, const analysis::TravelCosts& costs, const AssignmentSolution& sol,
           const std::vector<std::uint32_t>& who, std::size_t site_offset) {
  for (std::size_t i = 0; i < who.size(); ++i) {
    PatientOutcome& o = r.patients[who[i]];
    o.site = sol.site[i];
    if (o.placed()) {
      o.time_s = costs.time(who[i], site_offset + static_cast<std::size_t>(o.site));
      o.length_m = costs.length(who[i], site_offset + static_cast<std::size_t>(o.site));
    }
  }
}

void summarise(const Scenario& scenario, InjectResult& r) {
  InjectSummary& s = r.summary;
  double sum = 0.0;
  for (std::size_t i = 0; i < scenario.patients.size(); ++i) {
    const PatientOutcome& o = r.patients[i];
    if (scenario.patients[i].wants_shelter) {
      ++s.shelter_patients;
      s.sheltered += o.placed() ? 1 : 0;
      continue;
    }
    ++s.bed_patients;
    if (o.placed()) {
      ++s.placed;
      sum += o.time_s;
      s.max_time_s = std::max(s.max_time_s, o.time_s);
    } else {
      ++s.not_placed;
    }
  }
  s.mean_time_s = s.placed > 0 ? sum / static_cast<double>(s.placed) : 0.0;
  for (std::uint32_t h = 0; h < r.hospitals.size(); ++h) {
    if (r.hospitals[h].share() > 0.8) {
      s.above_80_percent.push_back(h);
    }
    s.backup_beds_in_use += static_cast<std::size_t>(r.hospitals[h].backup_in_use());
  }
}

InjectChange compare(const InjectResult& before, const InjectResult& now) {
  InjectChange c;
  for (std::uint32_t i = 0; i < now.patients.size(); ++i) {
    const PatientOutcome& a = before.patients[i];
    const PatientOutcome& b = now.patients[i];
    const bool both = a.placed() && b.placed();
    if (both) {
      c.time_added_s += b.time_s - a.time_s;
    }
    if (a.site != b.site) {
      c.moved.push_back({i, a.site, b.site, both ? b.time_s - a.time_s : 0.0});
    }
  }
  for (std::uint32_t h = 0; h < now.hospitals.size(); ++h) {
    if (now.hospitals[h].full() && !before.hospitals[h].full()) {
      c.hospitals_now_full.push_back(h);
    }
  }
  return c;
}

}  // namespace

InjectResult solve_state(const Scenario& scenario, const DrillState& state,
                         const routing::RoadNetwork* network,
                         const analysis::TravelCosts& open_costs, const InjectResult* previous,
                         const DrillOptions& options, core::Progress* progress) {
  if (scenario.hospitals.empty()) {
    throw core::ArgumentError("the drill has no hospitals with drill capacities");
  }
  InjectResult r;
  r.state = state;
  if (network != nullptr) {
    r.overlay = state_overlay(state, *network, r.diagnostics);
  }
  // Without closures (or without a network, where closures change nothing) the open costs hold.
  r.costs = r.overlay
                ? drill_costs(scenario, network, r.overlay.get(), options, r.diagnostics, progress)
                : open_costs;
  std::vector<std::uint32_t> beds;
  std::vector<std::uint32_t> shelter;
  for (std::uint32_t i = 0; i < scenario.patients.size(); ++i) {
    (scenario.patients[i].wants_shelter ? shelter : beds).push_back(i);
  }
  r.patients.resize(scenario.patients.size());
  r.beds = solve_assignment(bed_problem(scenario, state, r.costs, beds, previous));
  place(r, r.costs, r.beds, beds, 0);
  r.shelters = solve_assignment(shelter_problem(scenario, r.costs, shelter, previous));
  place(r, r.costs, r.shelters, shelter, scenario.hospitals.size());

  r.hospitals.resize(state.hospitals.size());
  for (std::size_t h = 0; h < state.hospitals.size(); ++h) {
    HospitalLoad& l = r.hospitals[h];
    l.load = static_cast<int>(r.beds.load[h]);
    l.free_beds = state.hospitals[h].free_beds;
    l.backup_beds = state.hospitals[h].backup_beds;
    l.damaged = state.damaged[h] != 0;
    l.no_power = state.no_power[h] != 0;
  }
  r.shelter_load.assign(r.shelters.load.begin(), r.shelters.load.end());
  for (std::uint32_t i : beds) {
    explain_bed(scenario, r, open_costs, i, network != nullptr, previous);
  }
  for (std::uint32_t i : shelter) {
    if (!r.patients[i].placed()) {
      r.patients[i].not_placed = NotPlaced::no_shelter;
    }
  }
  summarise(scenario, r);
  if (previous != nullptr) {
    r.change = compare(*previous, r);
  }
  return r;
}

DrillResult run_drill(const Scenario& scenario, const routing::RoadNetwork* network,
                      const DrillOptions& options, core::Progress* progress) {
  if (scenario.injects.empty()) {
    throw core::ArgumentError("the drill has no injects (give at least t = 0)");
  }
  for (std::size_t i = 1; i < scenario.injects.size(); ++i) {
    if (scenario.injects[i].t_min < scenario.injects[i - 1].t_min) {
      throw core::ArgumentError("inject " + std::to_string(i + 1) +
                                " (t = " + std::to_string(scenario.injects[i].t_min) +
                                " min) comes before the one above it; expected time order");
    }
  }
  DrillResult result;
  core::Diagnostics open_diagnostics;
  result.open_costs = drill_costs(scenario, network, nullptr, options, open_diagnostics);
  result.by_road = result.open_costs.by_road;
  result.basis = result.open_costs.basis;
  DrillState state = initial_state(scenario);
  const double step = 1.0 / static_cast<double>(scenario.injects.size());
  for (std::size_t i = 0; i < scenario.injects.size(); ++i) {
    if (progress != nullptr && progress->cancelled()) {
      throw core::Cancelled();
    }
    apply_inject(state, scenario.injects[i], i);
    const InjectResult* previous = result.injects.empty() ? nullptr : &result.injects.back();
    InjectResult r =
        solve_state(scenario, state, network, result.open_costs, previous, options, nullptr);
    if (i == 0) {
      r.diagnostics.append(open_diagnostics);
    }
    result.injects.push_back(std::move(r));
    core::report_progress(progress, step * static_cast<double>(i + 1));
  }
  result.provenance = scenario.provenance;
  result.provenance.operation = "drill";
  result.provenance.param("injects", std::to_string(scenario.injects.size()));
  result.provenance.param("patients", std::to_string(scenario.patients.size()));
  result.provenance.param("hospitals", std::to_string(scenario.hospitals.size()));
  result.provenance.param("drill_data", scenario.drill_data ? "yes" : "no");
  result.provenance.basis.distance = result.basis;
  result.provenance.basis.demand =
      scenario.drill_data
          ? core::LocalText{"訓練用データ（生成した患者）", "drill data (generated patients)"}
          : core::LocalText{"シナリオの患者", "the scenario's patients"};
  return result;
}

}  // namespace caremap::drill
