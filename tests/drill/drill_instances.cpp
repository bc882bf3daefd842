// Random assignment instances solved by caremap, printed as JSON with the optimum, for an
// independent solver to solve again (tests/drill/crosscheck_networkx.py). Costs are printed in
// the solver's integer units (tenths of a second); -1 marks a pair that cannot be used.
//
//   drill_instances --instances 100 --seed 13

#include <cstdlib>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "drill/assignment.hpp"
#include "drill/support/problem_json.hpp"

using namespace caremap;

int main(int argc, char** argv) {
  int instances = 100;
  unsigned seed = 13;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--instances") {
      instances = std::atoi(argv[i + 1]);
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    } else {
      std::cerr << "usage: drill_instances [--instances N] [--seed S]\n";
      return 2;
    }
  }
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  nlohmann::json out = nlohmann::json::array();
  for (int k = 0; k < instances; ++k) {
    drill::AssignmentProblem p;
    p.patients = static_cast<std::size_t>(uniform(5, 200));
    p.sites = static_cast<std::size_t>(uniform(1, 20));
    const int beds_per_site = uniform(0, static_cast<int>(2 * p.patients / p.sites) + 1);
    for (std::size_t i = 0; i < p.patients * p.sites; ++i) {
      const int roll = uniform(0, 99);
      p.time_s.push_back(roll < 5 ? std::numeric_limits<double>::infinity()
                                  : uniform(60, 7200) + uniform(0, 9) / 10.0);
      p.allowed.push_back(roll >= 5 && roll < 15 ? 0 : 1);
    }
    for (std::size_t i = 0; i < p.patients; ++i) {
      p.weight.push_back(std::vector<int>{1, 2, 4}[static_cast<std::size_t>(uniform(0, 2))]);
    }
    for (std::size_t s = 0; s < p.sites; ++s) {
      p.capacity.push_back(uniform(0, beds_per_site));
      p.reserve.push_back(uniform(0, 3) == 0 ? uniform(1, 10) : 0);
    }
    p.reserve_cost = uniform(0, 9000);
    // Half the instances are re-solves: previous sites and a move cost.
    if (k % 2 == 1) {
      for (std::size_t i = 0; i < p.patients; ++i) {
        p.previous.push_back(uniform(-1, static_cast<int>(p.sites) - 1));
      }
      p.move_cost = uniform(0, 12000);
    }
    const drill::AssignmentSolution sol = drill::solve_assignment(p);
    out.push_back(test::problem_json(p, sol));
  }
  std::cout << out.dump() << '\n';
  return 0;
}
