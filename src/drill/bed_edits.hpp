#pragma once
// The drill leader's free-bed numbers typed in during a drill, on top of the scenario file's.
// A hospital reports its free beds at some moment (an inject); the number holds from then on
// until the file or a later edit gives another, exactly as the file's own capacity updates do
// (drill_state.hpp: changes accumulate). Pure.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "drill/scenario.hpp"

namespace caremap::drill {

struct BedEdit {
  std::size_t inject = 0;    ///< index into Scenario::injects: the moment the number was reported
  std::size_t hospital = 0;  ///< index into Scenario::hospitals
  int free_beds = 0;         ///< >= 0
};

/// Sets (or replaces) the edit of one hospital at one inject.
void set_bed_edit(std::vector<BedEdit>& edits, BedEdit edit);

/// The edit of `hospital` at `inject`, if the leader typed one there.
std::optional<int> bed_edit_at(std::span<const BedEdit> edits, std::size_t inject,
                               std::size_t hospital);

/// The scenario with every edit appended to its inject's capacity updates, after the file's own
/// (so the leader's number wins at that inject). An edit at inject 0 of a scenario without
/// injects sets the hospital's free beds. Throws core::ArgumentError for an inject or hospital
/// out of range or negative beds.
Scenario with_bed_edits(Scenario scenario, std::span<const BedEdit> edits);

}  // namespace caremap::drill
