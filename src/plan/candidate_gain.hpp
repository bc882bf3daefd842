#pragma once
// What each candidate site would bring on its own: the people (and 65+, 75+) it would put
// within reach who have no existing site in reach today. The first step of a greedy covering
// and the table a committee reads beside the chosen sites: gains of different candidates
// overlap, so they do not add up (the location models count each person once).
//
// Cost: O(candidates x demand) on the problem's cost matrix.

#include <cstdint>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/population_demand.hpp"
#include "plan/location_problem.hpp"

namespace caremap::plan {

struct CandidateGain {
  std::uint32_t candidate = 0;   ///< index among the problem's candidates
  analysis::PeopleCount gained;  ///< newly within reach (people, 65+, 75+)
  double area_m2 = 0.0;          ///< planar area of the demand shapes newly within reach
};

/// One row per candidate, ranked: most people first, then most 75+, then candidate index.
/// Demand points outside every city are not counted. Throws core::ArgumentError when the
/// problem's demand points differ from `demand`'s.
std::vector<CandidateGain> candidate_gains(const LocationProblem& problem,
                                           const analysis::Demand& demand);

}  // namespace caremap::plan
