#include "analysis/distance_summary.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace caremap;

TEST_CASE("summary of distances uses linear-interpolated percentiles", "[analysis][summary]") {
  // 1..10 in scrambled order: NumPy gives median 5.5 and 90th percentile 9.1.
  const auto s = analysis::summarize_distances({7, 3, 10, 1, 9, 2, 8, 4, 6, 5});
  CHECK(s.count == 10);
  CHECK(s.mean.value == Approx(5.5));
  CHECK(s.median.value == Approx(5.5));
  CHECK(s.p90.value == Approx(9.1));
  CHECK(s.max.value == 10);

  const auto one = analysis::summarize_distances({42});
  CHECK(one.median.value == 42);
  CHECK(one.p90.value == 42);

  const auto none = analysis::summarize_distances({});
  CHECK(none.count == 0);
  CHECK(none.max.value == 0);
}

TEST_CASE("summary by selection equals the summary of the sorted values", "[analysis][summary]") {
  // Percentiles between ranks, ties and a mean whose terms span nine orders of magnitude: the
  // selection must give what sorting gives.
  std::vector<double> values;
  std::uint64_t state = 12345;
  for (int i = 0; i < 10007; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
    values.push_back(i % 97 == 0 ? 250.0 : std::pow(10.0, 9.0 * u) * 1e-3);
  }
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  long double exact = 0.0L;
  for (const double v : sorted) {
    exact += v;
  }
  const auto s = analysis::summarize_distances(values);
  CHECK(s.median.value == analysis::percentile_sorted(sorted, 0.5));
  CHECK(s.p90.value == analysis::percentile_sorted(sorted, 0.9));
  CHECK(s.max.value == sorted.back());
  CHECK(s.mean.value == Approx(static_cast<double>(exact / sorted.size())).epsilon(1e-14));
  // Times of unreachable places are infinite: the mean is then infinite, not NaN.
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(analysis::summarize_distances({3.0, inf, 1.0}).mean.value == inf);
}
