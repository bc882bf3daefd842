#include "plan/nearest_sites.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace caremap::plan {

std::vector<SiteNeighbours> nearest_other_sites(const analysis::TravelCosts& c,
                                                const ReachRule& rule, std::size_t k) {
  if (c.origins != c.destinations) {
    throw core::ArgumentError("nearest other sites need a site x site cost matrix");
  }
  const auto cost = [&](const NearbySite& n) {
    return rule.measure == ReachMeasure::time ? n.time_s : n.length_m;
  };
  std::vector<SiteNeighbours> out(c.origins);
  for (std::size_t s = 0; s < c.origins; ++s) {
    SiteNeighbours& row = out[s];
    row.site = static_cast<std::uint32_t>(s);
    std::vector<NearbySite> others;
    for (std::size_t o = 0; o < c.origins; ++o) {
      // From the other clinic to this one: the one standing in travels.
      if (o != s && c.reachable(o, s)) {
        others.push_back({static_cast<std::uint32_t>(o), c.time(o, s), c.length(o, s)});
      }
    }
    const auto by_cost = [&](const NearbySite& a, const NearbySite& b) {
      return cost(a) < cost(b) || (cost(a) == cost(b) && a.site < b.site);
    };
    row.others_in_reach = static_cast<std::size_t>(std::count_if(
        others.begin(), others.end(), [&](const NearbySite& n) { return cost(n) <= rule.limit; }));
    const std::size_t keep = std::min(k, others.size());
    std::partial_sort(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(keep),
                      others.end(), by_cost);
    others.resize(keep);
    row.nearest = std::move(others);
    if (!row.nearest.empty()) {
      row.nearest_cost = cost(row.nearest.front());
      row.beyond_reach = !(row.nearest_cost <= rule.limit);
    }
  }
  return out;
}

}  // namespace caremap::plan
