#pragma once
// The drill's assignment: patients to sites (hospital beds, or shelter places) minimising the
// total priority-weighted travel time within each site's capacity, solved exactly as a
// min-cost flow with LEMON's network simplex.
//
// Network: one node per patient (supply 1), one per site, one sink (demand = patients).
//   patient -> site   capacity 1, cost weight x time   (only where allowed and reachable)
//                     + move_cost when the patient was placed elsewhere before (an inject's
//                     re-solve does not reshuffle patients already sent for small gains)
//   site -> sink      capacity = the site's capacity, cost 0
//   site -> sink      capacity = the site's reserve (backup beds), cost reserve_cost per bed
//   patient -> sink   capacity 1, cost weight x penalty  ("not placed")
// Costs are integers in tenths of a second (cost_units). The penalty is 1 + the sum over
// patients of weight x their dearest allowed pair plus every reserve bed's cost and every
// patient's move cost, so it exceeds any saving in time, reserve and moves: the
// optimum first places as much priority weight as the beds allow (a priority-3 patient is
// never left out to place a priority-1 one) and then minimises the weighted time. Ties between
// equal optima are broken by the solver, deterministically for the same input.
//
// Complexity: network simplex on P + S + 1 nodes and up to P x S + P + S arcs; 10,000 patients
// x 20 hospitals: bench/drill.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace caremap::drill {

inline constexpr std::int32_t kNotPlaced = -1;

struct AssignmentProblem {
  std::size_t patients = 0;
  std::size_t sites = 0;
  std::vector<double> time_s;          ///< patient-major, patients x sites; +inf = unreachable
  std::vector<std::uint8_t> allowed;   ///< same layout; 0 = the site cannot take this patient
  std::vector<std::int64_t> weight;    ///< per patient, >= 1 (the priority weight)
  std::vector<std::int64_t> capacity;  ///< per site, >= 0: beds used at no extra cost
  /// Per site, >= 0 (empty = none): reserve beds (backup beds, 後方支援病床) used after the
  /// others, each at reserve_cost: a reserve bed is taken when it saves more weighted time.
  std::vector<std::int64_t> reserve;
  std::int64_t reserve_cost = 0;  ///< cost units (tenths of a second) per reserve bed used
  /// Per patient (empty = none): the site they were placed at before, or kNotPlaced. Any other
  /// site costs move_cost more (not weighted).
  std::vector<std::int32_t> previous;
  std::int64_t move_cost = 0;  ///< cost units

  std::size_t at(std::size_t patient, std::size_t site) const { return patient * sites + site; }
  /// Allowed and reachable.
  bool usable(std::size_t patient, std::size_t site) const;
  /// The pair's cost in cost units: weight x time, plus move_cost for a move (usable pairs).
  std::int64_t pair_cost(std::size_t patient, std::size_t site) const;
};

struct AssignmentSolution {
  std::vector<std::int32_t> site;  ///< per patient: the site, or kNotPlaced
  std::vector<std::int64_t> load;  ///< per site: patients placed there (reserve included)
  std::int64_t objective = 0;      ///< total cost in cost units, penalties included
  std::int64_t penalty = 0;        ///< the not-placed cost per unit of weight
  std::size_t placed = 0;
  double weighted_time_s = 0.0;  ///< sum of weight x time over placed patients
};

/// Tenths of a second, rounded: the integer costs of the flow.
std::int64_t cost_units(double time_s);

/// The not-placed penalty per unit of weight for `problem` (see above).
std::int64_t not_placed_penalty(const AssignmentProblem& problem);

/// Solves the problem exactly. Throws core::ArgumentError for inconsistent sizes, a weight < 1,
/// a negative capacity, reserve, reserve or move cost, a previous site out of range, or costs
/// that would overflow 64-bit integers.
AssignmentSolution solve_assignment(const AssignmentProblem& problem);

}  // namespace caremap::drill
