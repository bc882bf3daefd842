#include "plan/location_problem.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace caremap::plan {

const char* to_string(LocationModel m) {
  switch (m) {
    case LocationModel::mclp:
      return "mclp";
    case LocationModel::lscp:
      return "lscp";
    case LocationModel::pmedian:
      return "pmedian";
    case LocationModel::pcenter:
      return "pcenter";
  }
  return "?";
}

std::optional<LocationModel> parse_location_model(std::string_view t) {
  if (t == "mclp") {
    return LocationModel::mclp;
  }
  if (t == "lscp") {
    return LocationModel::lscp;
  }
  if (t == "pmedian" || t == "p-median") {
    return LocationModel::pmedian;
  }
  if (t == "pcenter" || t == "p-center") {
    return LocationModel::pcenter;
  }
  return std::nullopt;
}

core::LocalText model_title(LocationModel m) {
  switch (m) {
    case LocationModel::mclp:
      return {"最大被覆（MCLP）", "maximal covering (MCLP)"};
    case LocationModel::lscp:
      return {"集合被覆（LSCP）", "set covering (LSCP)"};
    case LocationModel::pmedian:
      return {"p-メディアン（総移動コスト最小）", "p-median (least total travel)"};
    case LocationModel::pcenter:
      return {"p-センター（最大移動コスト最小）", "p-center (least worst-case travel)"};
  }
  return {};
}

LocationProblem make_location_problem(LocationModel model, const analysis::TravelCosts& costs,
                                      std::size_t existing, std::span<const double> weight,
                                      const ReachRule& reach, std::size_t p) {
  if (existing > costs.origins) {
    throw core::ArgumentError("location problem: more existing sites than sites");
  }
  if (weight.size() != costs.destinations) {
    throw core::ArgumentError("location problem: " + std::to_string(weight.size()) +
                              " weights for " + std::to_string(costs.destinations) +
                              " demand points");
  }
  if (!(reach.limit > 0.0)) {
    throw core::ArgumentError("location problem: reach must be > 0");
  }
  LocationProblem pr;
  pr.model = model;
  pr.demand = costs.destinations;
  pr.existing = existing;
  pr.candidates = costs.origins - existing;
  pr.p = p;
  pr.reach = reach;
  if (model != LocationModel::lscp && (p == 0 || p > pr.candidates)) {
    throw core::ArgumentError("-p " + std::to_string(p) + ": must be between 1 and the " +
                              std::to_string(pr.candidates) + " candidate sites");
  }
  for (double w : weight) {
    if (!(w >= 0.0) || !std::isfinite(w)) {
      throw core::ArgumentError("location problem: demand weights must be finite and >= 0");
    }
  }
  pr.weight.assign(weight.begin(), weight.end());
  pr.cost = reach.measure == ReachMeasure::time ? costs.time_s : costs.length_m;
  return pr;
}

std::vector<double> existing_best(const LocationProblem& pr) {
  std::vector<double> best(pr.demand, std::numeric_limits<double>::infinity());
  for (std::size_t s = 0; s < pr.existing; ++s) {
    for (std::size_t i = 0; i < pr.demand; ++i) {
      best[i] = std::min(best[i], pr.at(s, i));
    }
  }
  return best;
}

std::vector<char> servable_points(const LocationProblem& pr) {
  const bool cover = pr.model == LocationModel::mclp || pr.model == LocationModel::lscp;
  // Which sites decide: every site for cover; the existing ones for cost models, unless none.
  const std::size_t first = 0;
  const std::size_t last = cover || pr.existing == 0 ? pr.sites() : pr.existing;
  std::vector<char> ok(pr.demand, 0);
  for (std::size_t s = first; s < last; ++s) {
    for (std::size_t i = 0; i < pr.demand; ++i) {
      const double c = pr.at(s, i);
      if (cover ? c <= pr.reach.limit : std::isfinite(c)) {
        ok[i] = 1;
      }
    }
  }
  for (std::size_t i = 0; i < pr.demand; ++i) {
    ok[i] = ok[i] && pr.weight[i] > 0.0 ? 1 : 0;
  }
  return ok;
}

LocationScore evaluate(const LocationProblem& pr, std::span<const std::uint32_t> chosen) {
  for (std::uint32_t c : chosen) {
    if (c >= pr.candidates) {
      throw core::ArgumentError("candidate " + std::to_string(c) + " out of range");
    }
  }
  const std::vector<double> before = existing_best(pr);
  const std::vector<char> servable = servable_points(pr);
  std::vector<double> after = before;
  for (std::uint32_t c : chosen) {
    for (std::size_t i = 0; i < pr.demand; ++i) {
      after[i] = std::min(after[i], pr.at(pr.existing + c, i));
    }
  }
  LocationScore sc;
  double people = 0.0;
  double total_cost = 0.0;
  for (std::size_t i = 0; i < pr.demand; ++i) {
    const double w = pr.weight[i];
    if (w <= 0.0) {
      continue;
    }
    if (!servable[i]) {
      ++sc.unservable_points;
      sc.unservable_people += w;
      continue;
    }
    if (after[i] <= pr.reach.limit) {
      sc.people_covered += w;
    }
    if (before[i] <= pr.reach.limit) {
      sc.people_covered_before += w;
    }
    if (std::isfinite(after[i])) {
      total_cost += w * after[i];
      people += w;
      sc.max_cost = std::max(sc.max_cost, after[i]);
    } else if (pr.model == LocationModel::pmedian || pr.model == LocationModel::pcenter) {
      sc.feasible = false;
    }
  }
  if (pr.model == LocationModel::lscp) {
    for (std::size_t i = 0; i < pr.demand; ++i) {
      if (servable[i] && !(after[i] <= pr.reach.limit)) {
        sc.feasible = false;
      }
    }
  }
  sc.mean_cost = people > 0.0 ? total_cost / people : 0.0;
  switch (pr.model) {
    case LocationModel::mclp:
      sc.objective = sc.people_covered;
      break;
    case LocationModel::lscp:
      sc.objective = static_cast<double>(chosen.size());
      break;
    case LocationModel::pmedian:
      sc.objective = total_cost;
      break;
    case LocationModel::pcenter:
      sc.objective = sc.max_cost;
      break;
  }
  if (!sc.feasible && pr.model != LocationModel::mclp) {
    sc.objective = std::numeric_limits<double>::infinity();
  }
  return sc;
}

double relative_gap(double objective, double bound) {
  return std::abs(objective - bound) / std::max(std::abs(objective), 1e-9);
}

}  // namespace caremap::plan
