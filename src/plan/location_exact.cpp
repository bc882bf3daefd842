#include "plan/location_exact.hpp"

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "core/error.hpp"
#include "plan/cbc_model.hpp"

namespace caremap::plan {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Milp {
  CbcModel model;
  std::vector<int> x;     ///< column per candidate
  double constant = 0.0;  ///< objective part outside the model (mclp: people already covered)
  bool maximise = false;  ///< the model minimises -objective
};

void add_p_row(Milp& m, std::size_t p) {
  std::vector<double> ones(m.x.size(), 1.0);
  m.model.add_row(m.x, ones, static_cast<double>(p), static_cast<double>(p));
}

void build_cover(const LocationProblem& pr, Milp& m) {
  const std::vector<double> before = existing_best(pr);
  const std::vector<char> servable = servable_points(pr);
  const bool mclp = pr.model == LocationModel::mclp;
  m.maximise = mclp;
  for (std::size_t c = 0; c < pr.candidates; ++c) {
    m.x.push_back(m.model.add_column(0.0, 1.0, mclp ? 0.0 : 1.0, true));
  }
  std::vector<int> idx;
  std::vector<double> coef;
  for (std::size_t i = 0; i < pr.demand; ++i) {
    if (!servable[i]) {
      continue;
    }
    if (before[i] <= pr.reach.limit) {
      m.constant += mclp ? pr.weight[i] : 0.0;
      continue;
    }
    idx.clear();
    coef.clear();
    for (std::size_t c = 0; c < pr.candidates; ++c) {
      if (pr.at(pr.existing + c, i) <= pr.reach.limit) {
        idx.push_back(m.x[c]);
        coef.push_back(1.0);
      }
    }
    if (mclp) {
      idx.push_back(m.model.add_column(0.0, 1.0, -pr.weight[i], true));
      coef.push_back(-1.0);
      m.model.add_row(idx, coef, 0.0, kInf);
    } else {
      m.model.add_row(idx, coef, 1.0, kInf);
    }
  }
  if (mclp) {
    add_p_row(m, pr.p);
  }
}

void build_assignment(const LocationProblem& pr, Milp& m) {
  const bool center = pr.model == LocationModel::pcenter;
  const std::vector<double> before = existing_best(pr);
  const std::vector<char> servable = servable_points(pr);
  for (std::size_t c = 0; c < pr.candidates; ++c) {
    m.x.push_back(m.model.add_column(0.0, 1.0, 0.0, true));
  }
  const int d = center ? m.model.add_column(0.0, kInf, 1.0, false) : -1;
  std::vector<int> assign_idx;
  std::vector<double> assign_coef;
  std::vector<int> cost_idx;
  std::vector<double> cost_coef;
  for (std::size_t i = 0; i < pr.demand; ++i) {
    if (!servable[i]) {
      continue;
    }
    assign_idx.clear();
    assign_coef.clear();
    cost_idx.clear();
    cost_coef.clear();
    auto add_z = [&](double cost) {
      const int z = m.model.add_column(0.0, 1.0, center ? 0.0 : pr.weight[i] * cost, false);
      assign_idx.push_back(z);
      assign_coef.push_back(1.0);
      cost_idx.push_back(z);
      cost_coef.push_back(cost);
      return z;
    };
    if (std::isfinite(before[i])) {
      add_z(before[i]);
    }
    for (std::size_t c = 0; c < pr.candidates; ++c) {
      const double cost = pr.at(pr.existing + c, i);
      if (cost < before[i]) {
        const int z = add_z(cost);
        const int link[2] = {z, m.x[c]};
        const double link_coef[2] = {1.0, -1.0};
        m.model.add_row(link, link_coef, -kInf, 0.0);
      }
    }
    m.model.add_row(assign_idx, assign_coef, 1.0, 1.0);
    if (center) {
      cost_idx.push_back(d);
      cost_coef.push_back(-1.0);
      m.model.add_row(cost_idx, cost_coef, -kInf, 0.0);
    }
  }
  add_p_row(m, pr.p);
}

void build(const LocationProblem& pr, Milp& m) {
  if (pr.model == LocationModel::mclp || pr.model == LocationModel::lscp) {
    build_cover(pr, m);
  } else {
    build_assignment(pr, m);
  }
}

double objective_of(const Milp& m, double model_value) {
  return m.maximise ? m.constant - model_value : m.constant + model_value;
}

}  // namespace

LocationSolution solve_exact(const LocationProblem& pr, const ExactOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Milp m;
  build(pr, m);
  const CbcOutcome out = m.model.solve(false, options.time_limit_s);
  if (!out.feasible) {
    throw core::InputError(std::string(to_string(pr.model)) +
                           ": CBC found no feasible solution (are some inhabited points reached "
                           "only by candidates, with too few new sites to reach them all?)");
  }
  LocationSolution s;
  s.model = pr.model;
  s.method = CbcModel::version() + (out.optimal ? " (exact)" : " (stopped at the time limit)");
  for (std::size_t c = 0; c < pr.candidates; ++c) {
    if (out.values[static_cast<std::size_t>(m.x[c])] > 0.5) {
      s.chosen.push_back(static_cast<std::uint32_t>(c));
    }
  }
  s.score = evaluate(pr, s.chosen);
  s.bound = objective_of(m, out.bound);
  s.optimal = out.optimal;
  s.gap = relative_gap(s.score.objective, s.bound);
  s.variables = m.model.columns();
  s.constraints = m.model.rows();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

LpBound lp_bound(const LocationProblem& pr) {
  const auto start = std::chrono::steady_clock::now();
  Milp m;
  build(pr, m);
  const CbcOutcome out = m.model.solve(true, 0.0);
  LpBound b;
  b.value = objective_of(m, out.objective);
  b.variables = m.model.columns();
  b.constraints = m.model.rows();
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return b;
}

}  // namespace caremap::plan
