#pragma once
// Why a patient went where they went: whether a hospital can take them now (services, damage,
// power), which nearer hospitals were passed over and why, and why a patient has no bed.

#include "drill/drill_run.hpp"

namespace caremap::drill {

/// Whether hospital `h` can take `patient` in `state`, and if not why.
struct HospitalFit {
  bool damaged = false;
  bool lost_to_power = false;  ///< some missing service is one the outage took
  core::CareNeeds missing;     ///< services needed and not offered now
  bool fits() const { return !damaged && missing.empty(); }
};

/// The hospital's services now: its services minus the power needs when it has no power.
core::CareNeeds services_now(const Scenario& scenario, const DrillState& state, std::size_t h);

HospitalFit hospital_fit(const Scenario& scenario, const DrillState& state, const Patient& patient,
                         std::size_t h);

/// Fills r.patients[i].nearer (placed) or .not_placed (not placed) for a bed patient, from the
/// assignment and loads already in `r`. `by_road`: without a network nothing is "cut off".
/// `previous`: the inject before (a patient kept where it sent them), may be null.
void explain_bed(const Scenario& scenario, InjectResult& r, const analysis::TravelCosts& open_costs,
                 std::uint32_t i, bool by_road, const InjectResult* previous);

}  // namespace caremap::drill
