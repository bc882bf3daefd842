// Location models on a hand-made line with known optima, CBC against the heuristic, and both
// against brute force on small random instances.
//
//   demand:   A x=0 (5 people), B x=10 (1), C x=20 (1), D x=30 (1), E x=40 (5)
//   existing: a clinic at x=20 (kept open)
//   candidates: c0 x=0, c1 x=10, c2 x=30, c3 x=40, c4 x=5
//   reach 6 m; costs = distance.
// Worked out by hand:
//   MCLP p=1: c4 covers A and B (6 people) + C by the existing clinic = 7.
//   MCLP p=2: {c4, c3}: A, B, E + C = 12.
//   LSCP: A and B only from c4 together (c0, c1 cover one each); D only from c2; E from c3:
//         3 new sites {c2, c3, c4}.
//   p-median p=2: {c0, c3}: A 0, B 10, C 0, D 10, E 0 = 20 person-metres (next best 40).
//   p-center p=2: 10 (no pair brings both B and D under 10 while A and E stay within 10).

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <random>

#include "core/error.hpp"
#include "plan/location_exact.hpp"
#include "plan/location_heuristic.hpp"
#include "plan/plan_fixtures.hpp"

using namespace caremap;
using plan::LocationModel;

namespace {

plan::LocationProblem line_problem(LocationModel model, std::size_t p) {
  const std::vector<double> points{0, 10, 20, 30, 40};
  const std::vector<double> sites{20, 0, 10, 30, 40, 5};
  const std::vector<double> weight{5, 1, 1, 1, 5};
  return plan::make_location_problem(model, plan::test::line_costs(sites, points), 1, weight,
                                     {plan::ReachMeasure::length, 6.0}, p);
}

// The best objective over every choice of p candidates (lscp: the fewest sites that cover).
double brute_force(const plan::LocationProblem& pr) {
  const bool maximise = pr.model == LocationModel::mclp;
  double best = maximise ? -1.0 : std::numeric_limits<double>::infinity();
  for (unsigned mask = 0; mask < (1u << pr.candidates); ++mask) {
    std::vector<std::uint32_t> chosen;
    for (std::uint32_t c = 0; c < pr.candidates; ++c) {
      if (mask & (1u << c)) {
        chosen.push_back(c);
      }
    }
    if (pr.model != LocationModel::lscp && chosen.size() != pr.p) {
      continue;
    }
    const auto s = plan::evaluate(pr, chosen);
    if (!s.feasible) {
      continue;
    }
    best = maximise ? std::max(best, s.objective) : std::min(best, s.objective);
  }
  return best;
}

}  // namespace

TEST_CASE("MCLP finds the hand-worked optimum, exact and heuristic", "[plan][cbc]") {
  const auto p1 = line_problem(LocationModel::mclp, 1);
  const auto e1 = plan::solve_exact(p1);
  CHECK(e1.optimal);
  CHECK(e1.chosen == std::vector<std::uint32_t>{4});
  CHECK(e1.score.objective == Approx(7.0));
  CHECK(e1.score.people_covered_before == Approx(1.0));
  const auto p2 = line_problem(LocationModel::mclp, 2);
  const auto e2 = plan::solve_exact(p2);
  CHECK(e2.chosen == std::vector<std::uint32_t>{3, 4});
  CHECK(e2.score.objective == Approx(12.0));
  CHECK(e2.gap == Approx(0.0).margin(1e-6));
  const auto h2 = plan::solve_heuristic(p2);
  CHECK(h2.score.objective == Approx(12.0));
  // The LP bound is an upper bound for a maximisation.
  CHECK(h2.bound >= h2.score.objective - 1e-6);
}

TEST_CASE("LSCP finds the fewest sites covering everyone", "[plan][cbc]") {
  const auto pr = line_problem(LocationModel::lscp, 0);
  const auto e = plan::solve_exact(pr);
  CHECK(e.chosen == std::vector<std::uint32_t>{2, 3, 4});
  CHECK(e.score.objective == Approx(3.0));
  CHECK(e.score.people_covered == Approx(13.0));
  const auto h = plan::solve_heuristic(pr);
  CHECK(h.score.objective == Approx(3.0));
  CHECK(h.score.feasible);
}

TEST_CASE("p-median and p-center find the hand-worked optima", "[plan][cbc]") {
  const auto pm = line_problem(LocationModel::pmedian, 2);
  const auto em = plan::solve_exact(pm);
  CHECK(em.chosen == std::vector<std::uint32_t>{0, 3});
  CHECK(em.score.objective == Approx(20.0));
  CHECK(em.score.mean_cost == Approx(20.0 / 13.0));
  CHECK(plan::solve_heuristic(pm).score.objective == Approx(20.0));

  const auto pc = line_problem(LocationModel::pcenter, 2);
  const auto ec = plan::solve_exact(pc);
  CHECK(ec.score.objective == Approx(10.0));
  CHECK(plan::solve_heuristic(pc).score.objective == Approx(10.0));
  // One site more cannot help A and E both: p = 1 stays at 20.
  CHECK(plan::solve_exact(line_problem(LocationModel::pcenter, 1)).score.objective == Approx(20.0));
}

TEST_CASE("CBC and the heuristic match brute force on random small instances", "[plan][cbc]") {
  std::mt19937 rng(14);
  std::uniform_real_distribution<double> pos(0.0, 1000.0);
  std::uniform_int_distribution<int> people(0, 50);
  for (int round = 0; round < 8; ++round) {
    std::vector<double> points(30);
    std::vector<double> weight(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      points[i] = pos(rng);
      weight[i] = people(rng);
    }
    std::vector<double> sites(2 + 10);  // 2 existing, 10 candidates
    for (double& s : sites) {
      s = pos(rng);
    }
    const auto costs = plan::test::line_costs(sites, points);
    for (LocationModel m : {LocationModel::mclp, LocationModel::lscp, LocationModel::pmedian,
                            LocationModel::pcenter}) {
      const auto pr =
          plan::make_location_problem(m, costs, 2, weight, {plan::ReachMeasure::length, 60.0}, 3);
      const double best = brute_force(pr);
      const auto e = plan::solve_exact(pr);
      INFO("round " << round << ", model " << plan::to_string(m));
      CHECK(e.optimal);
      CHECK(e.score.objective == Approx(best).epsilon(1e-6));
      // The heuristic is never better than the optimum, and its LP bound brackets both.
      const auto h = plan::solve_heuristic(pr);
      if (m == LocationModel::mclp) {
        CHECK(h.score.objective <= best + 1e-6);
        CHECK(h.bound >= best - 1e-6);
      } else {
        CHECK(h.score.objective >= best - 1e-6);
        CHECK(h.bound <= best + 1e-6);
      }
    }
  }
}

TEST_CASE("location problems check their inputs", "[plan]") {
  CHECK_THROWS_AS(line_problem(LocationModel::mclp, 0), core::ArgumentError);
  CHECK_THROWS_AS(line_problem(LocationModel::pmedian, 6), core::ArgumentError);
  CHECK(plan::parse_location_model("p-median") == LocationModel::pmedian);
  CHECK_FALSE(plan::parse_location_model("median"));
  const auto pr = line_problem(LocationModel::mclp, 1);
  const std::vector<std::uint32_t> bad{7};
  CHECK_THROWS_AS(plan::evaluate(pr, bad), core::ArgumentError);
}
