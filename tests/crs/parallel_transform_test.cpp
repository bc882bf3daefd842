#include "crs/parallel_transform.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace caremap;

TEST_CASE("transforming on several threads gives what one call gives, failures included",
          "[crs][transformer]") {
  // More points than one chunk, so the work is split; a few that PROJ cannot take (a latitude
  // beyond the pole) among them, in different chunks.
  std::vector<core::XY> points;
  for (int i = 0; i < 100'000; ++i) {
    points.push_back({129.0 + 0.00004 * i, 31.0 + 0.00006 * (i % 50'000)});
  }
  points[7] = {130.0, 95.0};
  points[70'001] = {130.0, -120.0};
  const crs::Transformer to_zone2 = crs::Transformer::from_wgs84(crs::CrsRef::from_epsg(6670));

  std::vector<core::XY> one = points;
  crs::Transformer single = to_zone2.clone();
  const std::vector<std::size_t> failed_one = single.try_transform_in_place(one);

  std::vector<core::XY> many = points;
  const std::vector<std::size_t> failed_many =
      crs::try_transform_in_place_parallel(to_zone2, many, 4);

  CHECK(failed_one == std::vector<std::size_t>{7, 70'001});
  CHECK(failed_many == failed_one);
  bool identical = true;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const bool both_nan = std::isnan(one[i].x) && std::isnan(many[i].x);
    identical = identical && (both_nan || (one[i].x == many[i].x && one[i].y == many[i].y));
  }
  CHECK(identical);
  CHECK(many[8].x != points[8].x);  // transformed, not left as it was

  std::vector<core::XY> none;
  CHECK(crs::try_transform_in_place_parallel(to_zone2, none, 2).empty());
}
