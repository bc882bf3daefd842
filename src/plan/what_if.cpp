#include "plan/what_if.hpp"

#include <string>

#include "core/error.hpp"

namespace caremap::plan {

analysis::TravelCosts append_sites(const analysis::TravelCosts& base,
                                   const analysis::TravelCosts& extra) {
  if (extra.origins > 0 && extra.destinations != base.destinations) {
    throw core::ArgumentError("what-if: added sites measured to " +
                              std::to_string(extra.destinations) + " points, baseline to " +
                              std::to_string(base.destinations));
  }
  analysis::TravelCosts out = base;
  out.origins += extra.origins;
  // Site-major: the added sites' rows go at the end.
  out.time_s.insert(out.time_s.end(), extra.time_s.begin(), extra.time_s.end());
  out.length_m.insert(out.length_m.end(), extra.length_m.begin(), extra.length_m.end());
  return out;
}

WhatIfResult what_if(const analysis::Demand& demand, const BackupCover& baseline,
                     const analysis::TravelCosts& costs, const ReachRule& rule,
                     std::span<const std::uint32_t> removed) {
  std::vector<bool> open(costs.origins, true);
  for (std::uint32_t s : removed) {
    if (s >= costs.origins) {
      throw core::ArgumentError("what-if: no site " + std::to_string(s) + " to remove");
    }
    open[s] = false;
  }
  const Reach reach(costs, rule, open);
  WhatIfResult r;
  r.cover = backup_cover(demand, reach);
  r.change = compare_cover(demand, baseline, r.cover);
  r.n_minus_one = n_minus_one(demand, reach);
  // A site already removed has nothing left to lose: keep the ranking to the open ones.
  std::erase_if(r.n_minus_one, [&](const CoverLoss& l) { return !open[l.removed.front()]; });
  return r;
}

}  // namespace caremap::plan
