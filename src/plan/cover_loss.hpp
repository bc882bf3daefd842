#pragma once
// N-1: what losing a clinic does to cover. For every site on its own (or one set of sites
// together, such as every clinic in a flood zone), the people who lose all cover (the site was
// the only one in reach) and the people who lose their backup (2 in reach, the site one of
// them), with 65+ and 75+, per city; ranked by impact.
//
// Exact for removals: taking sites away only shortens each demand point's in-reach list, so
// the counts come from the baseline Reach without recomputing any travel cost.
// Cost: O(in-reach pairs) for every single removal together; O(in-reach pairs) per set.

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/population_demand.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

struct CoverLoss {
  std::vector<std::uint32_t> removed;                      ///< the sites taken away
  analysis::PeopleCount lost_cover;                        ///< 1+ in reach before, 0 after
  analysis::PeopleCount lost_backup;                       ///< 2+ before, exactly 1 after
  std::vector<analysis::PeopleCount> lost_cover_by_city;   ///< Demand::cities order
  std::vector<analysis::PeopleCount> lost_backup_by_city;  ///< Demand::cities order
};

/// The loss of removing all of `removed` at once (duplicates ignored; indices must be < sites,
/// else core::ArgumentError). Demand points outside every city are not counted.
CoverLoss cover_loss(const analysis::Demand& demand, const Reach& reach,
                     std::span<const std::uint32_t> removed);

/// One CoverLoss per site (removed alone), ranked: most people losing all cover first, then
/// most 75+ losing cover, then most losing their backup, then site index.
std::vector<CoverLoss> n_minus_one(const analysis::Demand& demand, const Reach& reach);

}  // namespace caremap::plan
