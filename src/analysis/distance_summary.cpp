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

DistanceSummary summarize_distances(std::vector<double> values) {
  DistanceSummary s;
  s.count = values.size();
  if (values.empty()) {
    return s;
  }
  std::sort(values.begin(), values.end());
  // Summing in ascending order keeps the rounding error of a million-term sum small.
  const double sum = std::accumulate(values.begin(), values.end(), 0.0);
  s.mean = core::Meters{sum / static_cast<double>(values.size())};
  s.median = core::Meters{percentile_sorted(values, 0.5)};
  s.p90 = core::Meters{percentile_sorted(values, 0.9)};
  s.max = core::Meters{values.back()};
  return s;
}

}  // namespace caremap::analysis
