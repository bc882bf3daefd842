#pragma once
// Greedy + swap for the location models, for instances too large for CBC, with its gap to the
// LP relaxation's bound (lp_bound in location_exact.hpp) so a planner sees how far from optimal
// it may be.
//  - mclp, pmedian, pcenter: add the candidate that improves the objective most, p times
//    (pcenter: the largest cost, ties by the total); then swap one chosen for one unchosen
//    candidate while that improves it (Teitz-Bart interchange), best swap first.
//  - lscp: add the candidate covering the most uncovered points until every servable point is
//    covered, then drop the sites whose points are all covered by the others.
// Cost: O(p x candidates x demand) per greedy round and per swap pass.

#include "plan/location_problem.hpp"

namespace caremap::plan {

struct HeuristicOptions {
  bool with_lp_bound = true;  ///< solve the LP relaxation for the gap (CBC)
  int max_swap_passes = 100;
};

LocationSolution solve_heuristic(const LocationProblem& problem,
                                 const HeuristicOptions& options = {});

}  // namespace caremap::plan
