#pragma once
// Exact location models with CBC. One formulation per model (spopt's, with the existing sites
// fixed open and left out of the model where that changes nothing):
//  - mclp: max sum w_i y_i  s.t. sum_{j in N_i} x_j >= y_i, sum x_j = p; points already within
//    reach of an existing site are counted as a constant; x, y binary.
//  - lscp: min sum x_j  s.t. sum_{j in N_i} x_j >= 1 for every servable point not yet covered.
//  - pmedian: min sum w_i c_ij z_ij  s.t. sum_j z_ij = 1, z_ij <= x_j, sum x_j = p, where j
//    runs over the nearest existing site (always open) and the candidates nearer than it (a
//    farther candidate is never a point's nearest open site); x binary, z continuous (with x
//    binary an optimal assignment is integral).
//  - pcenter: min D  s.t. sum_j c_ij z_ij <= D and the p-median rows.
// Points that are not servable (location_problem.hpp) are left out and reported.

#include "plan/location_problem.hpp"

namespace caremap::plan {

struct ExactOptions {
  double time_limit_s = 60.0;  ///< CBC stops there and reports its gap; <= 0 none
};

/// Solves `problem` with CBC. Throws core::InputError when CBC finds no feasible solution
/// (p-median or p-center with points only candidates reach and too small a p).
LocationSolution solve_exact(const LocationProblem& problem, const ExactOptions& options = {});

/// The LP relaxation's objective (a bound: upper for mclp, lower for the others) and its solve
/// time, variables and constraints.
struct LpBound {
  double value = 0.0;
  double seconds = 0.0;
  int variables = 0;
  int constraints = 0;
};
LpBound lp_bound(const LocationProblem& problem);

}  // namespace caremap::plan
