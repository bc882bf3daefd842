#pragma once
// An assignment problem and caremap's optimum as JSON, for the independent solvers that check
// it (tests/drill/crosscheck_networkx.py, bench/drill/peers.py): costs in the solver's integer
// units (tenths of a second), -1 where a pair cannot be used.

#include <nlohmann/json.hpp>

#include "drill/assignment.hpp"

namespace caremap::test {

inline nlohmann::json problem_json(const drill::AssignmentProblem& p,
                                   const drill::AssignmentSolution& s) {
  nlohmann::json costs = nlohmann::json::array();
  for (std::size_t i = 0; i < p.patients * p.sites; ++i) {
    costs.push_back(p.usable(i / p.sites, i % p.sites) ? drill::cost_units(p.time_s[i])
                                                       : std::int64_t{-1});
  }
  std::vector<std::int64_t> reserve = p.reserve;
  reserve.resize(p.sites, 0);
  return {{"patients", p.patients},
          {"sites", p.sites},
          {"cost_units", costs},
          {"weight", p.weight},
          {"capacity", p.capacity},
          {"reserve", reserve},
          {"reserve_cost", p.reserve_cost},
          {"penalty", s.penalty},
          {"objective", s.objective},
          {"placed", s.placed}};
}

}  // namespace caremap::test
