#pragma once
// An assignment problem and caremap's optimum as JSON, for the independent solvers that check
// it (tests/drill/crosscheck_networkx.py, bench/drill/peers.py): costs in the solver's integer
// units (tenths of a second, not weighted), -1 where a pair cannot be used; the previous site
// of each patient (-1: none) and the move cost (not weighted) any other site adds.

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
  std::vector<std::int32_t> previous = p.previous;
  previous.resize(p.patients, drill::kNotPlaced);
  return {{"patients", p.patients},
          {"sites", p.sites},
          {"cost_units", costs},
          {"weight", p.weight},
          {"capacity", p.capacity},
          {"reserve", reserve},
          {"reserve_cost", p.reserve_cost},
          {"previous", previous},
          {"move_cost", p.move_cost},
          {"penalty", s.penalty},
          {"objective", s.objective},
          {"placed", s.placed}};
}

}  // namespace caremap::test
