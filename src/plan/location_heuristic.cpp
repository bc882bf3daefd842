#include "plan/location_heuristic.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "plan/location_exact.hpp"

namespace caremap::plan {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The objective the search minimises, as (primary, secondary): mclp uncovered people; pmedian
// total cost; pcenter the largest cost, then the total (so that moves which do not change the
// worst point can still make progress towards one that does).
struct Value {
  double primary = kInf;
  double secondary = kInf;
  bool operator<(const Value& o) const {
    constexpr double eps = 1e-9;
    if (primary < o.primary - eps * std::max(1.0, std::abs(o.primary))) {
      return true;
    }
    if (o.primary < primary - eps * std::max(1.0, std::abs(primary))) {
      return false;
    }
    return secondary < o.secondary - eps * std::max(1.0, std::abs(o.secondary));
  }
};

class Scorer {
 public:
  explicit Scorer(const LocationProblem& pr)
      : m_pr(pr), m_base(existing_best(pr)), m_servable(servable_points(pr)) {
    for (std::size_t i = 0; i < pr.demand; ++i) {
      if (m_servable[i]) {
        m_points.push_back(static_cast<std::uint32_t>(i));
      }
    }
  }

  // The service cost of point i from site s in the model's terms (mclp: 0 within reach, else 1).
  double service(std::size_t site, std::size_t i) const {
    const double c = m_pr.at(site, i);
    if (m_pr.model == LocationModel::mclp) {
      return c <= m_pr.reach.limit ? 0.0 : 1.0;
    }
    return c;
  }

  Value value(const std::vector<std::uint32_t>& open) const {
    Value v{0.0, 0.0};
    for (std::uint32_t i : m_points) {
      double best = m_pr.model == LocationModel::mclp ? (m_base[i] <= m_pr.reach.limit ? 0.0 : 1.0)
                                                      : m_base[i];
      for (std::uint32_t c : open) {
        best = std::min(best, service(m_pr.existing + c, i));
      }
      const double w = m_pr.weight[i];
      if (m_pr.model == LocationModel::pcenter) {
        v.primary = std::max(v.primary, best);
        v.secondary += w * best;
      } else {
        v.primary += w * best;
      }
    }
    return v;
  }

  const std::vector<std::uint32_t>& points() const { return m_points; }
  const std::vector<double>& base() const { return m_base; }

 private:
  const LocationProblem& m_pr;
  std::vector<double> m_base;
  std::vector<char> m_servable;
  std::vector<std::uint32_t> m_points;
};

std::vector<std::uint32_t> greedy_swap(const LocationProblem& pr, int max_passes) {
  const Scorer scorer(pr);
  std::vector<std::uint32_t> open;
  std::vector<char> is_open(pr.candidates, 0);
  for (std::size_t round = 0; round < pr.p; ++round) {
    Value best;
    std::uint32_t pick = 0;
    for (std::uint32_t c = 0; c < pr.candidates; ++c) {
      if (is_open[c]) {
        continue;
      }
      open.push_back(c);
      const Value v = scorer.value(open);
      open.pop_back();
      if (v < best) {
        best = v;
        pick = c;
      }
    }
    open.push_back(pick);
    is_open[pick] = 1;
  }
  Value current = scorer.value(open);
  for (int pass = 0; pass < max_passes; ++pass) {
    Value best = current;
    std::size_t out_pos = 0;
    std::uint32_t in = 0;
    bool improved = false;
    for (std::size_t k = 0; k < open.size(); ++k) {
      const std::uint32_t was = open[k];
      for (std::uint32_t c = 0; c < pr.candidates; ++c) {
        if (is_open[c]) {
          continue;
        }
        open[k] = c;
        const Value v = scorer.value(open);
        if (v < best) {
          best = v;
          out_pos = k;
          in = c;
          improved = true;
        }
      }
      open[k] = was;
    }
    if (!improved) {
      break;
    }
    is_open[open[out_pos]] = 0;
    open[out_pos] = in;
    is_open[in] = 1;
    current = best;
  }
  std::sort(open.begin(), open.end());
  return open;
}

std::vector<std::uint32_t> greedy_cover(const LocationProblem& pr) {
  const Scorer scorer(pr);
  // Points still to cover: servable and out of reach of every existing site.
  std::vector<char> uncovered(pr.demand, 0);
  std::size_t left = 0;
  for (std::uint32_t i : scorer.points()) {
    if (!(scorer.base()[i] <= pr.reach.limit)) {
      uncovered[i] = 1;
      ++left;
    }
  }
  std::vector<std::uint32_t> open;
  std::vector<char> is_open(pr.candidates, 0);
  while (left > 0) {
    std::size_t best = 0;
    std::uint32_t pick = 0;
    for (std::uint32_t c = 0; c < pr.candidates; ++c) {
      if (is_open[c]) {
        continue;
      }
      std::size_t n = 0;
      for (std::size_t i = 0; i < pr.demand; ++i) {
        n += uncovered[i] && pr.at(pr.existing + c, i) <= pr.reach.limit ? 1 : 0;
      }
      if (n > best) {
        best = n;
        pick = c;
      }
    }
    if (best == 0) {
      break;  // cannot happen for servable points; guards against an endless loop
    }
    open.push_back(pick);
    is_open[pick] = 1;
    for (std::size_t i = 0; i < pr.demand; ++i) {
      if (uncovered[i] && pr.at(pr.existing + pick, i) <= pr.reach.limit) {
        uncovered[i] = 0;
        --left;
      }
    }
  }
  // Drop redundant sites, the last added first (they tend to cover the fewest points alone).
  for (std::size_t k = open.size(); k-- > 0;) {
    std::vector<std::uint32_t> without = open;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(k));
    if (evaluate(pr, without).feasible) {
      open = std::move(without);
    }
  }
  std::sort(open.begin(), open.end());
  return open;
}

}  // namespace

LocationSolution solve_heuristic(const LocationProblem& pr, const HeuristicOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LocationSolution s;
  s.model = pr.model;
  s.method = pr.model == LocationModel::lscp ? "greedy + redundancy removal" : "greedy + swap";
  s.chosen =
      pr.model == LocationModel::lscp ? greedy_cover(pr) : greedy_swap(pr, options.max_swap_passes);
  s.score = evaluate(pr, s.chosen);
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.with_lp_bound) {
    const LpBound b = lp_bound(pr);
    s.bound = b.value;
    s.bound_seconds = b.seconds;
    s.variables = b.variables;
    s.constraints = b.constraints;
    s.gap = relative_gap(s.score.objective, s.bound);
  }
  return s;
}

}  // namespace caremap::plan
