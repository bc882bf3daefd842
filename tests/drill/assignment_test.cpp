// The exact assignment on hand-made instances whose optimum is known, one where nearest-first
// greedy is wrong, priority and capacity edge cases, and small random instances against an
// exhaustive search.

#include "drill/assignment.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "core/error.hpp"

using namespace caremap;
using drill::AssignmentProblem;
using drill::kNotPlaced;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

AssignmentProblem problem(std::size_t patients, std::size_t sites, std::vector<double> times,
                          std::vector<std::int64_t> capacity) {
  AssignmentProblem p;
  p.patients = patients;
  p.sites = sites;
  p.time_s = std::move(times);
  p.allowed.assign(p.time_s.size(), 1);
  p.weight.assign(patients, 1);
  p.capacity = std::move(capacity);
  return p;
}

// Nearest-first greedy as a dispatcher without the picture would do it: the globally nearest
// (patient, hospital) pair with room first.
std::vector<std::int32_t> greedy(const AssignmentProblem& p) {
  std::vector<std::int32_t> site(p.patients, kNotPlaced);
  std::vector<std::int64_t> room = p.capacity;
  std::vector<std::pair<double, std::size_t>> pairs;
  for (std::size_t i = 0; i < p.time_s.size(); ++i) {
    if (p.usable(i / p.sites, i % p.sites)) {
      pairs.push_back({p.time_s[i], i});
    }
  }
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [t, i] : pairs) {
    const std::size_t who = i / p.sites;
    const std::size_t where = i % p.sites;
    if (site[who] == kNotPlaced && room[where] > 0) {
      site[who] = static_cast<std::int32_t>(where);
      --room[where];
    }
  }
  return site;
}

double total_time(const AssignmentProblem& p, const std::vector<std::int32_t>& site) {
  double t = 0.0;
  for (std::size_t i = 0; i < p.patients; ++i) {
    if (site[i] != kNotPlaced) {
      t += static_cast<double>(p.weight[i]) * p.time_s[p.at(i, static_cast<std::size_t>(site[i]))];
    }
  }
  return t;
}

// Every assignment (each patient to a site or to none) by brute force: the least objective,
// counted as the solver defines it (penalty per unit of weight for the not placed).
std::int64_t brute_force(const AssignmentProblem& p) {
  const std::int64_t penalty = drill::not_placed_penalty(p);
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int32_t> site(p.patients, kNotPlaced);
  std::vector<std::int64_t> load(p.sites, 0);
  const auto visit = [&](auto&& self, std::size_t i, std::int64_t cost) -> void {
    if (i == p.patients) {
      best = std::min(best, cost);
      return;
    }
    self(self, i + 1, cost + p.weight[i] * penalty);
    for (std::size_t s = 0; s < p.sites; ++s) {
      const std::int64_t reserve = p.reserve.empty() ? 0 : p.reserve[s];
      if (p.usable(i, s) && load[s] < p.capacity[s] + reserve) {
        const std::int64_t extra = load[s] >= p.capacity[s] ? p.reserve_cost : 0;
        const bool moved = !p.previous.empty() && p.previous[i] != kNotPlaced &&
                           static_cast<std::size_t>(p.previous[i]) != s;
        ++load[s];
        self(self, i + 1,
             cost + extra + (moved ? p.move_cost : 0) +
                 p.weight[i] * drill::cost_units(p.time_s[p.at(i, s)]));
        --load[s];
      }
    }
  };
  visit(visit, 0, 0);
  return best;
}

}  // namespace

TEST_CASE("assignment: the optimum where nearest-first greedy is wrong", "[drill][assignment]") {
  // Patient 0 is nearest to hospital 0 (60 s) but nearly as near to hospital 1 (120 s);
  // patient 1 has hospital 0 at 90 s and hospital 1 far away (1,800 s). One bed each.
  const auto p = problem(2, 2, {60, 120, 90, 1800}, {1, 1});
  const auto g = greedy(p);
  REQUIRE(g == std::vector<std::int32_t>{0, 1});  // greedy: 60 + 1,800 s
  const auto s = drill::solve_assignment(p);
  CHECK(s.site == std::vector<std::int32_t>{1, 0});  // optimum: 120 + 90 s
  CHECK(s.weighted_time_s == Approx(210.0).margin(1e-9));
  CHECK(total_time(p, g) > s.weighted_time_s);
  CHECK(s.objective == brute_force(p));
  CHECK(s.placed == 2);
  CHECK(s.load == std::vector<std::int64_t>{1, 1});
}

TEST_CASE("assignment: a scarce bed goes to the higher priority, even farther away",
          "[drill][assignment]") {
  auto p = problem(2, 1, {60, 600}, {1});
  p.weight = {1, 4};  // patient 1 is priority 3 (weight 4)
  const auto s = drill::solve_assignment(p);
  CHECK(s.site == std::vector<std::int32_t>{kNotPlaced, 0});
  CHECK(s.placed == 1);
  CHECK(s.objective == brute_force(p));
}

TEST_CASE("assignment: backup beds are the first reserve", "[drill][assignment]") {
  // Hospital 0 (60 s for everyone) has one free bed and two backup beds at 600 s each;
  // hospital 1 has room, 40, 300, 1,000 and 2,000 s farther for patients 0..3.
  auto p = problem(4, 2, {60, 100, 60, 360, 60, 1060, 60, 2060}, {1, 5});
  p.reserve = {2, 0};
  p.reserve_cost = drill::cost_units(600.0);
  const auto s = drill::solve_assignment(p);
  // The free bed and one backup bed go to those who would lose most (patients 3 and 2: a
  // backup bed saves them more than 600 s); patients 0 and 1 ride on to hospital 1.
  CHECK(s.site == std::vector<std::int32_t>{1, 1, 0, 0});
  CHECK(s.load == std::vector<std::int64_t>{2, 2});
  CHECK(s.objective == brute_force(p));
  // Without the reserve only one patient fits at hospital 0.
  p.reserve = {0, 0};
  CHECK(drill::solve_assignment(p).load[0] == 1);
}

TEST_CASE("assignment: a re-solve moves a placed patient only for a gain above the move cost",
          "[drill][assignment]") {
  // Patient 0 was at hospital 1 (400 s); hospital 0 is now 300 s away.
  auto p = problem(1, 2, {300, 400}, {1, 1});
  p.previous = {1};
  p.move_cost = drill::cost_units(600.0);
  CHECK(drill::solve_assignment(p).site == std::vector<std::int32_t>{1});
  CHECK(drill::solve_assignment(p).objective == brute_force(p));
  // A gain of 700 s is worth the move.
  p.time_s = {300, 1000};
  CHECK(drill::solve_assignment(p).site == std::vector<std::int32_t>{0});
  // A patient who had no place before pays nothing to be placed.
  p.previous = {kNotPlaced};
  p.time_s = {300, 400};
  CHECK(drill::solve_assignment(p).site == std::vector<std::int32_t>{0});
}

TEST_CASE("assignment: capacities, needs and reach at their edges", "[drill][assignment]") {
  SECTION("no beds anywhere: nobody placed, the objective is the penalties") {
    const auto p = problem(3, 2, {10, 20, 30, 40, 50, 60}, {0, 0});
    const auto s = drill::solve_assignment(p);
    CHECK(s.placed == 0);
    CHECK(s.objective == 3 * s.penalty);
  }
  SECTION("an incompatible hospital is never used, even with room and nearest") {
    auto p = problem(1, 2, {10, 500}, {5, 5});
    p.allowed = {0, 1};
    const auto s = drill::solve_assignment(p);
    CHECK(s.site == std::vector<std::int32_t>{1});
  }
  SECTION("an unreachable hospital is never used") {
    const auto p = problem(2, 2, {kInf, 300, kInf, kInf}, {5, 5});
    const auto s = drill::solve_assignment(p);
    CHECK(s.site == std::vector<std::int32_t>{1, kNotPlaced});
  }
  SECTION("exactly as many beds as patients: everyone placed") {
    const auto p = problem(3, 2, {10, 20, 10, 20, 10, 20}, {2, 1});
    const auto s = drill::solve_assignment(p);
    CHECK(s.placed == 3);
    CHECK(s.load == std::vector<std::int64_t>{2, 1});
  }
  SECTION("no patients") {
    const auto s = drill::solve_assignment(problem(0, 2, {}, {1, 1}));
    CHECK(s.placed == 0);
    CHECK(s.objective == 0);
  }
  SECTION("inconsistent sizes and bad values are refused") {
    CHECK_THROWS_AS(drill::solve_assignment(problem(2, 2, {1, 2, 3}, {1, 1})), core::ArgumentError);
    auto p = problem(1, 1, {10}, {-1});
    CHECK_THROWS_AS(drill::solve_assignment(p), core::ArgumentError);
    p = problem(1, 1, {10}, {1});
    p.weight = {0};
    CHECK_THROWS_AS(drill::solve_assignment(p), core::ArgumentError);
  }
}

TEST_CASE("assignment: equals exhaustive search on small random instances", "[drill][assignment]") {
  std::mt19937 rng(13);
  std::uniform_int_distribution<int> size(1, 5);
  std::uniform_real_distribution<double> time(30.0, 3000.0);
  std::uniform_int_distribution<int> cap(0, 3);
  std::uniform_int_distribution<int> coin(0, 9);
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = static_cast<std::size_t>(size(rng)) + 1;
    const std::size_t m = static_cast<std::size_t>(size(rng) % 3) + 1;
    AssignmentProblem p;
    p.patients = n;
    p.sites = m;
    for (std::size_t i = 0; i < n * m; ++i) {
      p.time_s.push_back(coin(rng) == 0 ? kInf : time(rng));
      p.allowed.push_back(coin(rng) == 0 ? 0 : 1);
    }
    for (std::size_t i = 0; i < n; ++i) {
      p.weight.push_back(1 << (coin(rng) % 3));
    }
    for (std::size_t s = 0; s < m; ++s) {
      p.capacity.push_back(cap(rng));
      p.reserve.push_back(cap(rng) / 2);
    }
    p.reserve_cost = drill::cost_units(time(rng));
    if (round % 2 == 1) {
      for (std::size_t i = 0; i < n; ++i) {
        p.previous.push_back(static_cast<std::int32_t>(coin(rng) % (m + 1)) - 1);
      }
      p.move_cost = drill::cost_units(time(rng));
    }
    const auto s = drill::solve_assignment(p);
    INFO("round " << round);
    REQUIRE(s.objective == brute_force(p));
    // The solution respects every capacity and uses only usable pairs.
    std::vector<std::int64_t> load(m, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (s.site[i] != kNotPlaced) {
        REQUIRE(p.usable(i, static_cast<std::size_t>(s.site[i])));
        ++load[static_cast<std::size_t>(s.site[i])];
      }
    }
    for (std::size_t k = 0; k < m; ++k) {
      REQUIRE(load[k] <= p.capacity[k] + p.reserve[k]);
    }
  }
}
