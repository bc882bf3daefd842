#pragma once
// Who could stand in for a clinic (副主治医): for each site, the nearest other sites by the
// reach's measure (travel time or length, road or straight line as the costs were measured),
// and whether even the nearest lies beyond the reach: a clinic whose patients' backup would
// have to come from farther than the planners' limit.
//
// Input: a site x site TravelCosts (origins and destinations the same sites, same order; a
// visit starts at the standing-in clinic, so the row is the other clinic and the column this
// one). Cost: O(sites^2 log k).

#include <cstdint>
#include <vector>

#include "analysis/travel_costs.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

struct NearbySite {
  std::uint32_t site = 0;
  double time_s = analysis::kUnreachableCost;
  double length_m = analysis::kUnreachableCost;
};

struct SiteNeighbours {
  std::uint32_t site = 0;
  std::vector<NearbySite> nearest;  ///< up to k other sites, nearest first; unreachable left out
  /// No other site within the reach (the nearest is beyond it, or none is reachable).
  bool beyond_reach = true;
  /// The nearest's cost in the reach's measure (s or m); +inf when none is reachable.
  double nearest_cost = analysis::kUnreachableCost;
  std::size_t others_in_reach = 0;  ///< other sites within the reach of this one
};

/// One row per site, site order. Throws core::ArgumentError when `site_to_site` is not square.
std::vector<SiteNeighbours> nearest_other_sites(const analysis::TravelCosts& site_to_site,
                                                const ReachRule& rule, std::size_t k);

}  // namespace caremap::plan
