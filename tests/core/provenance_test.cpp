#include "core/provenance.hpp"

#include <catch2/catch.hpp>

using namespace caremap;

TEST_CASE("the summary line says what a result stands on", "[core][provenance]") {
  core::Provenance p;
  p.operation = "coverage";
  p.param("radius_m", "16000");
  CHECK(core::summarize(p) == "coverage(radius_m=16000)");
  p.basis.distance = {"直線距離", "straight line"};
  p.basis.demand = {"面積のみ", "area only"};
  CHECK(core::summarize(p) ==
        "coverage(radius_m=16000); distance: straight line; demand: area only");
}

TEST_CASE("inputs taken from another result are not listed twice", "[core][provenance]") {
  core::Provenance a;
  a.inputs.push_back({"hospitals.csv", "hospitals", "2025-06-01", "厚生労働省"});
  core::Provenance b;
  b.inputs.push_back({"hospitals.csv", "hospitals", "2025-06-01", "厚生労働省"});
  b.inputs.push_back({"mesh.txt", "population", "2020-10-01", "e-Stat"});
  a.inputs_from(b);
  REQUIRE(a.inputs.size() == 2);
  CHECK(a.inputs[1].path == "mesh.txt");
}
