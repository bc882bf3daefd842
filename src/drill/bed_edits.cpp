#include "drill/bed_edits.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace caremap::drill {

void set_bed_edit(std::vector<BedEdit>& edits, BedEdit edit) {
  const auto same = [&](const BedEdit& e) {
    return e.inject == edit.inject && e.hospital == edit.hospital;
  };
  const auto it = std::find_if(edits.begin(), edits.end(), same);
  if (it != edits.end()) {
    *it = edit;
  } else {
    edits.push_back(edit);
  }
}

std::optional<int> bed_edit_at(std::span<const BedEdit> edits, std::size_t inject,
                               std::size_t hospital) {
  for (const BedEdit& e : edits) {
    if (e.inject == inject && e.hospital == hospital) {
      return e.free_beds;
    }
  }
  return std::nullopt;
}

Scenario with_bed_edits(Scenario scenario, std::span<const BedEdit> edits) {
  for (const BedEdit& e : edits) {
    const std::string what = "free-bed edit for hospital " + std::to_string(e.hospital) +
                             " at inject " + std::to_string(e.inject);
    if (e.hospital >= scenario.hospitals.size()) {
      throw core::ArgumentError(what + ": only " + std::to_string(scenario.hospitals.size()) +
                                " hospitals");
    }
    if (e.free_beds < 0) {
      throw core::ArgumentError(what + ": free beds must be 0 or more, not " +
                                std::to_string(e.free_beds));
    }
    if (scenario.injects.empty() && e.inject == 0) {
      scenario.hospitals[e.hospital].free_beds = e.free_beds;
      continue;
    }
    if (e.inject >= scenario.injects.size()) {
      throw core::ArgumentError(what + ": only " + std::to_string(scenario.injects.size()) +
                                " injects");
    }
    CapacityUpdate u;
    u.hospital = e.hospital;
    u.free_beds = e.free_beds;
    scenario.injects[e.inject].capacities.push_back(u);
  }
  return scenario;
}

}  // namespace caremap::drill
