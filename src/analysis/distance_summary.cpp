#include "analysis/distance_summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace caremap::analysis {

double percentile_sorted(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double t = pos - static_cast<double>(lo);
  return sorted[lo] + t * (sorted[hi] - sorted[lo]);
}

namespace {

// The value at fraction q of `values` as percentile_sorted would give it for the sorted values,
// by selection: nth_element puts rank lo in place with every larger value after it, so the next
// rank is the smallest of those. `values` is reordered. O(n).
double percentile_selected(std::vector<double>& values, double q) {
  const double pos = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(values.begin(), at, values.end());
  const double t = pos - static_cast<double>(lo);
  if (t == 0.0 || lo + 1 >= values.size()) {
    return *at;
  }
  const double next = *std::min_element(at + 1, values.end());
  return *at + t * (next - *at);
}

// Neumaier's compensated sum: a million distances summed with an error of a few ulps of the
// total, in any order (a plain left-to-right sum can lose several digits).
double compensated_sum(const std::vector<double>& values) {
  double sum = 0.0;
  double compensation = 0.0;
  for (const double v : values) {
    const double t = sum + v;
    compensation += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  // An infinite term makes the compensation NaN (inf - inf): the sum is then the infinity.
  return std::isfinite(sum) ? sum + compensation : sum;
}

}  // namespace

DistanceSummary summarize_distances(std::vector<double> values) {
  DistanceSummary s;
  s.count = values.size();
  if (values.empty()) {
    return s;
  }
  // Selection rather than a sort: a national run summarises a million distances, and sorting
  // them cost 0.1 s on one core while every other step ran on all of them.
  s.mean = core::Meters{compensated_sum(values) / static_cast<double>(values.size())};
  s.max = core::Meters{*std::max_element(values.begin(), values.end())};
  s.p90 = core::Meters{percentile_selected(values, 0.9)};
  s.median = core::Meters{percentile_selected(values, 0.5)};
  return s;
}

}  // namespace caremap::analysis
