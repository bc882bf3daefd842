#pragma once
// Summary statistics of a set of distances (or times), as a planner reads them: how many, the
// mean, the median, the 90th percentile ("nine in ten patients are within ...") and the maximum.

#include <cstddef>
#include <vector>

#include "core/units.hpp"

namespace caremap::analysis {

struct DistanceSummary {
  std::size_t count = 0;
  core::Meters mean;    ///< arithmetic mean; 0 when count is 0 (as are the others)
  core::Meters median;  ///< 50th percentile
  core::Meters p90;     ///< 90th percentile
  core::Meters max;
};

/// The value at fraction q in [0, 1] of the sorted values, interpolating linearly between the
/// two nearest ranks (position q * (n - 1); NumPy's default "linear" method). `sorted` must be
/// ascending and non-empty.
double percentile_sorted(const std::vector<double>& sorted, double q);

/// Summary of `values` (metres; taken by value and reordered). O(n).
DistanceSummary summarize_distances(std::vector<double> values);

}  // namespace caremap::analysis
