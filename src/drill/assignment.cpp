#include "drill/assignment.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace caremap::drill {

namespace {

void validate(const AssignmentProblem& p) {
  const std::size_t pairs = p.patients * p.sites;
  if (p.time_s.size() != pairs || p.allowed.size() != pairs || p.weight.size() != p.patients ||
      p.capacity.size() != p.sites || (!p.reserve.empty() && p.reserve.size() != p.sites)) {
    throw core::ArgumentError("assignment: " + std::to_string(p.patients) + " patients x " +
                              std::to_string(p.sites) +
                              " sites do not match the sizes of times, allowed, weights, "
                              "capacities or reserves");
  }
  for (std::int64_t w : p.weight) {
    if (w < 1) {
      throw core::ArgumentError("assignment: a priority weight is " + std::to_string(w) +
                                ", expected >= 1");
    }
  }
  for (const auto* list : {&p.capacity, &p.reserve}) {
    for (std::int64_t c : *list) {
      if (c < 0) {
        throw core::ArgumentError("assignment: a capacity or reserve is " + std::to_string(c) +
                                  ", expected >= 0");
      }
    }
  }
  if (!p.previous.empty() && p.previous.size() != p.patients) {
    throw core::ArgumentError("assignment: previous sites for " +
                              std::to_string(p.previous.size()) + " of " +
                              std::to_string(p.patients) + " patients");
  }
  for (std::int32_t s : p.previous) {
    if (s != kNotPlaced && (s < 0 || static_cast<std::size_t>(s) >= p.sites)) {
      throw core::ArgumentError("assignment: a previous site is " + std::to_string(s) +
                                ", expected -1 or a site index");
    }
  }
  if (p.move_cost < 0) {
    throw core::ArgumentError("assignment: the move cost is " + std::to_string(p.move_cost) +
                              ", expected >= 0");
  }
  if (p.reserve_cost < 0) {
    throw core::ArgumentError("assignment: the reserve cost is " + std::to_string(p.reserve_cost) +
                              ", expected >= 0");
  }
}

// a x b, or an ArgumentError when it leaves the range where the solver's sums stay exact.
std::int64_t checked_product(std::int64_t a, std::int64_t b) {
  constexpr std::int64_t kLimit = std::int64_t{1} << 56;
  if (a != 0 && b > kLimit / a) {
    throw core::ArgumentError(
        "assignment: weights x travel times too large for exact integer costs");
  }
  return a * b;
}

}  // namespace

bool AssignmentProblem::usable(std::size_t patient, std::size_t site) const {
  const std::size_t i = at(patient, site);
  return allowed[i] != 0 && std::isfinite(time_s[i]) && time_s[i] >= 0.0;
}

std::int64_t AssignmentProblem::pair_cost(std::size_t patient, std::size_t site) const {
  const bool moved = !previous.empty() && previous[patient] != kNotPlaced &&
                     static_cast<std::size_t>(previous[patient]) != site;
  return checked_product(weight[patient], cost_units(time_s[at(patient, site)])) +
         (moved ? move_cost : 0);
}

std::int64_t cost_units(double time_s) {
  return std::llround(time_s * 10.0);
}

std::int64_t not_placed_penalty(const AssignmentProblem& p) {
  validate(p);
  std::int64_t sum = 1;
  for (std::size_t i = 0; i < p.patients; ++i) {
    std::int64_t dearest = 0;
    for (std::size_t s = 0; s < p.sites; ++s) {
      if (p.usable(i, s)) {
        dearest = std::max(dearest, cost_units(p.time_s[p.at(i, s)]));
      }
    }
    sum += checked_product(p.weight[i], dearest);
  }
  for (std::int64_t r : p.reserve) {
    sum += checked_product(r, p.reserve_cost);
  }
  if (!p.previous.empty()) {
    sum += checked_product(static_cast<std::int64_t>(p.patients), p.move_cost);
  }
  return sum;
}

AssignmentSolution solve_assignment(const AssignmentProblem& p) {
  using Graph = lemon::SmartDigraph;
  using Simplex = lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>;
  AssignmentSolution solution;
  solution.penalty = not_placed_penalty(p);
  solution.site.assign(p.patients, kNotPlaced);
  solution.load.assign(p.sites, 0);

  Graph g;
  g.reserveNode(static_cast<int>(p.patients + p.sites + 1));
  g.reserveArc(static_cast<int>(p.patients * (p.sites + 1) + 2 * p.sites));
  std::vector<Graph::Node> patient_nodes(p.patients);
  std::vector<Graph::Node> site_nodes(p.sites);
  for (auto& n : patient_nodes) {
    n = g.addNode();
  }
  for (auto& n : site_nodes) {
    n = g.addNode();
  }
  const Graph::Node sink = g.addNode();
  Graph::ArcMap<std::int64_t> upper(g);
  Graph::ArcMap<std::int64_t> cost(g);
  Graph::NodeMap<std::int64_t> supply(g, 0);
  // The patient -> site arcs are kept with their ends to read the flow back.
  struct PairArc {
    Graph::Arc arc;
    std::uint32_t patient;
    std::uint32_t site;
  };
  std::vector<PairArc> pair_arcs;
  pair_arcs.reserve(p.patients * p.sites);
  for (std::size_t i = 0; i < p.patients; ++i) {
    supply[patient_nodes[i]] = 1;
    for (std::size_t s = 0; s < p.sites; ++s) {
      if (!p.usable(i, s)) {
        continue;
      }
      const Graph::Arc a = g.addArc(patient_nodes[i], site_nodes[s]);
      upper[a] = 1;
      cost[a] = p.pair_cost(i, s);
      pair_arcs.push_back({a, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s)});
    }
    const Graph::Arc out = g.addArc(patient_nodes[i], sink);
    upper[out] = 1;
    cost[out] = checked_product(p.weight[i], solution.penalty);
  }
  for (std::size_t s = 0; s < p.sites; ++s) {
    const Graph::Arc a = g.addArc(site_nodes[s], sink);
    upper[a] = p.capacity[s];
    cost[a] = 0;
    if (!p.reserve.empty() && p.reserve[s] > 0) {
      const Graph::Arc r = g.addArc(site_nodes[s], sink);
      upper[r] = p.reserve[s];
      cost[r] = p.reserve_cost;
    }
  }
  supply[sink] = -static_cast<std::int64_t>(p.patients);

  Simplex simplex(g);
  simplex.upperMap(upper).costMap(cost).supplyMap(supply);
  // Always feasible: every patient has its not-placed arc to the sink.
  if (simplex.run() != Simplex::OPTIMAL) {
    throw core::ArgumentError("assignment: the min-cost flow found no optimum");
  }
  solution.objective = simplex.totalCost<std::int64_t>();
  for (const PairArc& pa : pair_arcs) {
    if (simplex.flow(pa.arc) > 0) {
      solution.site[pa.patient] = static_cast<std::int32_t>(pa.site);
      ++solution.load[pa.site];
      ++solution.placed;
      solution.weighted_time_s +=
          static_cast<double>(p.weight[pa.patient]) * p.time_s[p.at(pa.patient, pa.site)];
    }
  }
  return solution;
}

}  // namespace caremap::drill
