// The drill leader's free-bed numbers typed in at an inject: they hold from that inject on, win
// over the file's update at the same inject, and leave the earlier injects as they were.

#include "drill/bed_edits.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "drill/drill_map_fixture.hpp"

using namespace caremap;
using drill::test::scenario;

namespace {

int free_beds_at(const drill::DrillResult& r, std::size_t inject, std::size_t hospital) {
  return r.injects[inject].hospitals[hospital].free_beds;
}

}  // namespace

TEST_CASE("a free-bed edit holds from its inject on, and wins over the file there", "[drill]") {
  drill::Scenario s = scenario();
  // The file itself reports 4 free beds at the far hospital at t = 20.
  drill::CapacityUpdate from_file;
  from_file.hospital = 1;
  from_file.free_beds = 4;
  s.injects[1].capacities.push_back(from_file);

  std::vector<drill::BedEdit> edits;
  drill::set_bed_edit(edits, {1, 1, 2});
  drill::set_bed_edit(edits, {1, 1, 0});  // typed again: replaces, does not add
  REQUIRE(edits.size() == 1);
  CHECK(drill::bed_edit_at(edits, 1, 1) == 0);
  CHECK_FALSE(drill::bed_edit_at(edits, 0, 1));

  const drill::DrillOptions options;
  const drill::DrillResult plain = drill::run_drill(s, nullptr, options);
  const drill::DrillResult edited =
      drill::run_drill(drill::with_bed_edits(s, edits), nullptr, options);
  CHECK(free_beds_at(plain, 0, 1) == 5);
  CHECK(free_beds_at(plain, 1, 1) == 4);
  CHECK(free_beds_at(plain, 2, 1) == 4);
  // Before the edit, as the file says; from t = 20 on, the leader's 0.
  CHECK(free_beds_at(edited, 0, 1) == 5);
  CHECK(free_beds_at(edited, 1, 1) == 0);
  CHECK(free_beds_at(edited, 2, 1) == 0);
  // The far hospital's 後方支援 beds are none in this drill: with no free bed it takes no one.
  CHECK(edited.injects[1].hospitals[1].load == 0);
  CHECK(edited.injects[0].summary.placed == plain.injects[0].summary.placed);
  CHECK(edited.injects[1].summary.placed < plain.injects[1].summary.placed);
}

TEST_CASE("a bed edit out of range is refused with what was wrong", "[drill]") {
  const drill::Scenario s = scenario();
  const std::vector<drill::BedEdit> no_hospital{{0, 7, 1}};
  CHECK_THROWS_WITH(drill::with_bed_edits(s, no_hospital), Catch::Contains("only 2 hospitals"));
  const std::vector<drill::BedEdit> no_inject{{9, 0, 1}};
  CHECK_THROWS_WITH(drill::with_bed_edits(s, no_inject), Catch::Contains("only 3 injects"));
  const std::vector<drill::BedEdit> negative{{0, 0, -1}};
  CHECK_THROWS_WITH(drill::with_bed_edits(s, negative), Catch::Contains("0 or more"));
}
