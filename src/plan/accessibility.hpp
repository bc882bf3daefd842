#pragma once
// Spatial accessibility by the two-step floating catchment area method (2SFCA; Luo & Wang 2003)
// and its enhanced form with distance-decay zones (E2SFCA; Luo & Qi 2009, Health & Place 15:
// 1100-1107), which counts nearer supply and demand more:
//   step 1, per site j:   R_j = S_j / sum_k (P_k W(d_kj))    over demand points k in reach of j
//   step 2, per point i:  A_i = sum_j (R_j W(d_ij))          over sites j in reach of i
// W is a step function of the travel cost: 1 within the catchment for 2SFCA; for E2SFCA the
// published weights 1, 0.68 and 0.22 for the 0-10, 10-20 and 20-30 minute zones (Gaussian decay
// with beta = 100). A_i is supply per person; results give it per 1,000 people.
//
// Costs: analysis::TravelCosts with sites as origins and demand points as destinations (time
// for minute zones, or length for distance zones). Cost: O(sites x demand).

#include <span>
#include <string>
#include <vector>

#include "analysis/travel_costs.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

/// One zone: costs up to `limit` (and above the previous zone's limit) weigh `weight`.
struct DecayZone {
  double limit = 0.0;  ///< seconds or metres, increasing from zone to zone
  double weight = 1.0;
};

struct AccessParams {
  ReachMeasure measure = ReachMeasure::time;
  std::vector<DecayZone> zones;  ///< increasing limits; beyond the last one nothing counts
};

/// 2SFCA: one zone, weight 1, up to `catchment`.
AccessParams two_step_fca(ReachMeasure measure, double catchment);
/// E2SFCA with the published zones: 10, 20, 30 minutes weighted 1, 0.68, 0.22.
AccessParams enhanced_two_step_fca();

/// The weight of a cost (0 beyond the last zone).
double zone_weight(const AccessParams& params, double cost);

struct AccessResult {
  std::vector<double> ratio;   ///< per site: R_j, supply per weighted person (0 with no demand)
  std::vector<double> access;  ///< per demand point: A_i, supply per person
  std::vector<double> weighted_demand;  ///< per site: sum_k P_k W(d_kj)
};

/// Throws core::ArgumentError for sizes that disagree, zones that are empty, not increasing,
/// or with a weight outside (0, 1], or negative supply or demand.
AccessResult accessibility(const analysis::TravelCosts& site_costs, std::span<const double> supply,
                           std::span<const double> demand, const AccessParams& params);

/// "2SFCA（30分以内）" / "E2SFCA (10/20/30 min: 1, 0.68, 0.22)" for provenance and titles.
core::LocalText access_method_label(const AccessParams& params);

}  // namespace caremap::plan
