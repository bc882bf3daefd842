#include "analysis/distance_summary.hpp"

#include <catch2/catch.hpp>

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
