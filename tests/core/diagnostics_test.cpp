#include "core/diagnostics.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;

TEST_CASE("diagnostics name file, row and field and count by code", "[core][diagnostics]") {
  Diagnostics d;
  d.add({Severity::warning, "zero_coordinates", "hospitals.csv", 2, "所在地座標（緯度）",
         "latitude and longitude are both 0"});
  d.add({Severity::warning, "zero_coordinates", "hospitals.csv", 9, "", ""});
  d.add({Severity::error, "empty_coordinates", "hospitals.csv", 11, "", ""});

  CHECK(format(d.items()[0]) ==
        "hospitals.csv: row 2, field 所在地座標（緯度）: latitude and longitude are both 0");
  CHECK(format(d.items()[1]) == "hospitals.csv: row 9: zero coordinates");
  CHECK(d.count("zero_coordinates") == 2);
  CHECK(d.count(Severity::error) == 1);
  const auto counts = d.counts_by_code();
  REQUIRE(counts.size() == 2);
  CHECK(counts.at("empty_coordinates") == 1);

  Diagnostics more;
  more.add({Severity::info, "outside_region", "", std::nullopt, "", "far away"});
  d.append(more);
  CHECK(d.size() == 4);
  CHECK(format(d.items()[3]) == "<memory>: far away");
}
