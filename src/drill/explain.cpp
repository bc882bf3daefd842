#include "drill/explain.hpp"

#include <algorithm>
#include <cmath>

namespace caremap::drill {

core::CareNeeds services_now(const Scenario& scenario, const DrillState& state, std::size_t h) {
  core::CareNeeds s = state.hospitals[h].services;
  if (state.no_power[h]) {
    s.bits = static_cast<std::uint8_t>(s.bits & ~scenario.power_needs.bits);
  }
  return s;
}

HospitalFit hospital_fit(const Scenario& scenario, const DrillState& state, const Patient& patient,
                         std::size_t h) {
  HospitalFit f;
  f.damaged = state.damaged[h] != 0;
  f.missing = core::missing_services(patient.needs, services_now(scenario, state, h));
  f.lost_to_power =
      !f.missing.empty() &&
      core::missing_services(patient.needs, state.hospitals[h].services).bits != f.missing.bits;
  return f;
}

void explain_bed(const Scenario& scenario, InjectResult& r, const analysis::TravelCosts& open_costs,
                 std::uint32_t i, bool by_road, const InjectResult* previous) {
  const Patient& patient = scenario.patients[i];
  PatientOutcome& o = r.patients[i];
  const std::size_t hospitals = r.hospitals.size();
  if (!o.placed()) {
    bool reachable_open = false;
    bool any_fit = false;
    bool fit_reachable = false;
    for (std::size_t h = 0; h < hospitals; ++h) {
      reachable_open = reachable_open || open_costs.reachable(i, h);
      const bool fits =
          hospital_fit(scenario, r.state, patient, h).fits() && r.hospitals[h].capacity() > 0;
      any_fit = any_fit || fits;
      fit_reachable = fit_reachable || (fits && r.costs.reachable(i, h));
    }
    o.not_placed = by_road && !reachable_open ? NotPlaced::not_on_network
                   : !any_fit                 ? NotPlaced::no_compatible
                   : !fit_reachable           ? NotPlaced::cut_off
                                              : NotPlaced::full;
    return;
  }
  // Every hospital nearer than the chosen one, by the current time; those cut off compare by
  // their time without the closures (a bridge down does not make a hospital far, it makes it
  // unreachable).
  const double chosen = o.time_s;
  const double chosen_units = static_cast<double>(cost_units(chosen));
  for (std::uint32_t h = 0; h < hospitals; ++h) {
    if (static_cast<std::int32_t>(h) == o.site) {
      continue;
    }
    const double now = r.costs.time(i, h);
    const double open = open_costs.time(i, h);
    const bool cut = by_road && !std::isfinite(now) && std::isfinite(open);
    if (!(now < chosen) && !(cut && open < chosen)) {
      continue;
    }
    NearerHospital n{h, now, open, PassedOver::full, {}};
    const HospitalFit fit = hospital_fit(scenario, r.state, patient, h);
    if (cut) {
      n.reason = PassedOver::cut_off;
    } else if (fit.damaged) {
      n.reason = PassedOver::damaged;
    } else if (!fit.missing.empty()) {
      n.reason = fit.lost_to_power ? PassedOver::no_power : PassedOver::incompatible;
      n.missing = fit.missing;
    } else if (r.hospitals[h].load >= r.hospitals[h].capacity()) {
      n.reason = PassedOver::full;
    } else {
      // An optimum never leaves a patient farther than a compatible hospital with room, unless
      // both cost the same in the solver's tenths of a second, or the patient stays where the
      // inject before sent them and moving would save less than the move cost.
      const bool kept = previous != nullptr && previous->patients[i].site == o.site;
      n.reason = kept                                                   ? PassedOver::kept
                 : static_cast<double>(cost_units(now)) >= chosen_units ? PassedOver::tie
                                                                        : PassedOver::full;
    }
    o.nearer.push_back(n);
  }
  std::sort(o.nearer.begin(), o.nearer.end(), [](const NearerHospital& a, const NearerHospital& b) {
    const double ka = std::isfinite(a.time_s) ? a.time_s : a.open_time_s;
    const double kb = std::isfinite(b.time_s) ? b.time_s : b.open_time_s;
    return ka != kb ? ka < kb : a.hospital < b.hospital;
  });
}

core::LocalText describe(NotPlaced reason) {
  switch (reason) {
    case NotPlaced::not_on_network:
      return {"道路網から到達できない（島・孤立した道路など）",
              "cannot be reached over the road network (an island, an isolated road)"};
    case NotPlaced::no_compatible:
      return {"対応できる病院がない", "no hospital can take these needs"};
    case NotPlaced::cut_off:
      return {"通行止めで対応病院へ行けない", "cut off from every compatible hospital by closures"};
    case NotPlaced::full:
      return {"到達できる対応病院が満床", "compatible hospitals within reach are full"};
    case NotPlaced::no_shelter:
      return {"空きのある避難所に行けない", "no reachable shelter with room"};
  }
  return {};
}

core::LocalText describe(PassedOver reason) {
  switch (reason) {
    case PassedOver::full:
      return {"満床", "full"};
    case PassedOver::incompatible:
      return {"対応不可", "cannot provide"};
    case PassedOver::no_power:
      return {"停電で対応不可", "cannot provide without power"};
    case PassedOver::damaged:
      return {"被災", "damaged"};
    case PassedOver::cut_off:
      return {"通行止めで到達不可", "cut off by closures"};
    case PassedOver::tie:
      return {"同じ所要時間", "same travel time"};
    case PassedOver::kept:
      return {"搬送済みの病院を維持（移動の利点が小さい）",
              "stays where already sent (moving gains too little)"};
  }
  return {};
}

}  // namespace caremap::drill
