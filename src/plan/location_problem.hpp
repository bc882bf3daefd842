#pragma once
// Location-allocation with the existing facilities kept: where to add p sites among candidates
// (a grid, care facilities, user points) so that
//  - mclp    (maximal covering):  the most people are within reach of an open site;
//  - lscp    (set covering):      every person who can be reached is, with the fewest new sites;
//  - pmedian (p-median):          the people-weighted total travel cost to the nearest open site
//                                 is smallest;
//  - pcenter (p-center):          the largest travel cost of any inhabited point to its nearest
//                                 open site is smallest.
// Existing sites are open in every solution. Costs are in one measure (time s or length m) and
// say so through the TravelCosts basis the problem was built from.
//
// The problem is plain data; solve_exact (CBC, location_exact.hpp) and solve_heuristic (greedy
// + swap, location_heuristic.hpp) both take it and return a LocationSolution, and evaluate()
// scores any choice the same way for both.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/travel_costs.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

enum class LocationModel : std::uint8_t { mclp, lscp, pmedian, pcenter };

/// "mclp", "lscp", "pmedian", "pcenter".
const char* to_string(LocationModel m);
/// Parses those names (and "p-median", "p-center"); nullopt for anything else.
std::optional<LocationModel> parse_location_model(std::string_view text);
/// {"最大被覆（MCLP）", "maximal covering (MCLP)"}, ...
core::LocalText model_title(LocationModel m);

struct LocationProblem {
  LocationModel model = LocationModel::mclp;
  std::size_t demand = 0;      ///< demand points
  std::size_t existing = 0;    ///< sites 0..existing-1: open in every solution
  std::size_t candidates = 0;  ///< sites existing..existing+candidates-1
  std::size_t p = 1;           ///< new sites to open (mclp, pmedian, pcenter; ignored by lscp)
  std::vector<double> weight;  ///< people per demand point (>= 0); points with 0 do not count
  /// Site-major, (existing + candidates) x demand, in the reach rule's measure; +inf unreachable.
  std::vector<double> cost;
  ReachRule reach;  ///< the cover limit (mclp, lscp) and the measure of `cost`

  double at(std::size_t site, std::size_t point) const { return cost[site * demand + point]; }
  std::size_t sites() const { return existing + candidates; }
};

/// The problem from costs whose origins are the existing sites followed by the candidates and
/// whose destinations are the demand points. Throws core::ArgumentError when sizes disagree,
/// for a negative weight, for p = 0 or p > candidates (mclp, pmedian, pcenter).
LocationProblem make_location_problem(LocationModel model, const analysis::TravelCosts& costs,
                                      std::size_t existing, std::span<const double> weight,
                                      const ReachRule& reach, std::size_t p);

/// What a solution achieves, scored the same way for every solver.
struct LocationScore {
  /// mclp: people within reach (existing and new sites); lscp: new sites opened; pmedian:
  /// people-weighted total cost (person-seconds or person-metres); pcenter: the largest cost.
  double objective = 0.0;
  double people_covered = 0.0;         ///< within reach of an open site (every model)
  double people_covered_before = 0.0;  ///< within reach of an existing site
  double mean_cost = 0.0;              ///< people-weighted mean cost to the nearest open site
  double max_cost = 0.0;               ///< largest cost of an inhabited, servable point
  bool feasible =
      true;  ///< false: a servable point is left without any open site (pmedian, pcenter)
  /// Inhabited points that are not servable (servable_points): left out of the objective.
  std::size_t unservable_points = 0;
  double unservable_people = 0.0;
};

/// Per demand point, the least cost from an existing site (+inf when none reaches it).
std::vector<double> existing_best(const LocationProblem& problem);

/// Per demand point, whether it counts in the objective: inhabited (weight > 0) and servable:
/// for mclp and lscp within reach of some site (existing or candidate); for pmedian and pcenter
/// at a finite cost from an existing site (from any candidate when there are no existing sites;
/// such a point makes a choice that serves none of them infeasible).
std::vector<char> servable_points(const LocationProblem& problem);

/// Scores `chosen` (candidate indices, 0-based among the candidates). Throws
/// core::ArgumentError for an index out of range. O(demand x (existing + chosen)).
LocationScore evaluate(const LocationProblem& problem, std::span<const std::uint32_t> chosen);

struct LocationSolution {
  LocationModel model = LocationModel::mclp;
  std::string method;                 ///< "CBC 2.10.8 (exact)", "greedy + swap"
  std::vector<std::uint32_t> chosen;  ///< candidate indices, ascending
  LocationScore score;
  /// The best bound on the objective: CBC's best possible value, or for the heuristic the LP
  /// relaxation's value. In the objective's own sense (an upper bound for mclp).
  double bound = 0.0;
  double gap = 0.0;            ///< |objective - bound| / max(|objective|, 1e-9)
  bool optimal = false;        ///< proven optimal (exact within CBC's tolerance)
  double seconds = 0.0;        ///< model build and solve (heuristic: its own run, LP bound apart)
  double bound_seconds = 0.0;  ///< heuristic: the LP relaxation's solve time
  int variables = 0;           ///< of the MILP (heuristic: of its LP relaxation)
  int constraints = 0;
};

/// |a - b| / max(|a|, 1e-9).
double relative_gap(double objective, double bound);

}  // namespace caremap::plan
