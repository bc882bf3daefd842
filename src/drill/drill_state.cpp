// The drill's state over time: what each inject changes, and the closures overlay it implies.

#include <string>

#include "core/error.hpp"
#include "drill/drill_run.hpp"

namespace caremap::drill {

std::int64_t Scenario::weight(int priority) const {
  if (priority_weights.empty()) {
    return 1;
  }
  const std::size_t i = priority < 1 ? 0 : static_cast<std::size_t>(priority - 1);
  return priority_weights[std::min(i, priority_weights.size() - 1)];
}

core::CareNeeds default_power_needs() {
  core::CareNeeds n;
  n.add(core::CareNeed::ventilator);
  n.add(core::CareNeed::home_oxygen);
  n.add(core::CareNeed::dialysis);
  return n;
}

DrillState initial_state(const Scenario& scenario) {
  DrillState s;
  s.hospitals = scenario.hospitals;
  s.damaged.assign(s.hospitals.size(), 0);
  s.no_power.assign(s.hospitals.size(), 0);
  return s;
}

void apply_inject(DrillState& state, const Inject& inject, std::size_t index) {
  const auto check = [&](std::size_t h) {
    if (h >= state.hospitals.size()) {
      throw core::ArgumentError("inject " + std::to_string(index + 1) + ": hospital index " +
                                std::to_string(h) + " out of range (" +
                                std::to_string(state.hospitals.size()) + " hospitals)");
    }
  };
  state.inject = index;
  state.t_min = inject.t_min;
  state.title = inject.title;
  state.closures.insert(state.closures.end(), inject.closures.begin(), inject.closures.end());
  for (const Outage& o : inject.outages) {
    check(o.hospital);
    (o.kind == OutageKind::damaged ? state.damaged : state.no_power)[o.hospital] = 1;
  }
  for (const CapacityUpdate& u : inject.capacities) {
    check(u.hospital);
    Hospital& h = state.hospitals[u.hospital];
    h.free_beds = u.free_beds.value_or(h.free_beds);
    h.backup_beds = u.backup_beds.value_or(h.backup_beds);
    h.services = u.services.value_or(h.services);
  }
}

std::shared_ptr<const routing::Overlay> state_overlay(const DrillState& state,
                                                      const routing::RoadNetwork& network,
                                                      core::Diagnostics& diagnostics) {
  if (state.closures.empty()) {
    return nullptr;
  }
  routing::Closures all;
  for (const NamedClosure& c : state.closures) {
    const routing::Closures& x = c.closures;
    all.barriers.insert(all.barriers.end(), x.barriers.begin(), x.barriers.end());
    all.closed_ways.insert(all.closed_ways.end(), x.closed_ways.begin(), x.closed_ways.end());
    all.closed_arcs.insert(all.closed_arcs.end(), x.closed_arcs.begin(), x.closed_arcs.end());
    all.slowdowns.insert(all.slowdowns.end(), x.slowdowns.begin(), x.slowdowns.end());
  }
  return std::make_shared<const routing::Overlay>(
      routing::build_overlay(network.index(), all, diagnostics));
}

}  // namespace caremap::drill
