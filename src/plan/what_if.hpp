#pragma once
// What-if: add, move or remove clinics and see backup cover and N-1 against the baseline. The
// baseline's costs are computed once; an edit only needs the costs of the sites it adds (one
// search each, by the caller: road or straight line, as the baseline), so the recompute is a
// scan of the cost matrix: the viewer's live planning and `plan backup --add/--remove`.
// A move is a removal plus an addition.
//
// Cost: O(sites x demand) for the reach, plus backup_cover and n_minus_one on it.

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/travel_costs.hpp"
#include "plan/backup_cover.hpp"
#include "plan/cover_loss.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

/// `base` with the sites of `extra` appended (same demand points, same basis). Throws
/// core::ArgumentError when the destinations differ.
analysis::TravelCosts append_sites(const analysis::TravelCosts& base,
                                   const analysis::TravelCosts& extra);

struct WhatIfResult {
  BackupCover cover;                   ///< after the edit; sites: baseline's, then the added ones
  CoverComparison change;              ///< against the baseline
  std::vector<CoverLoss> n_minus_one;  ///< after the edit, ranked
};

/// `costs`: baseline sites followed by the added ones (append_sites); `removed`: baseline sites
/// taken away. Throws core::ArgumentError for a removed index out of range.
WhatIfResult what_if(const analysis::Demand& demand, const BackupCover& baseline,
                     const analysis::TravelCosts& costs, const ReachRule& rule,
                     std::span<const std::uint32_t> removed);

}  // namespace caremap::plan
