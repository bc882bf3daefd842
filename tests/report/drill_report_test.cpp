// The drill report's pages built from a small drill (tests/drill/drill_map_fixture.hpp): one page
// per inject with its map and hospital loads, the timeline, the patients not placed with the
// engine's reasons, the drill-data mark. Figures are read from the engine's result.

#include "report/drill_report.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "drill/drill_map_fixture.hpp"

using namespace caremap;

namespace {

report::DrillReportInputs inputs(const drill::test::Built& b, core::Lang lang) {
  report::DrillReportInputs in;
  in.lang = lang;
  in.scenario = &b.s;
  in.result = &b.result;
  in.layers = b.layers;
  in.closed_roads.assign(b.result.injects.size(), nullptr);
  in.scenario_path = "drill.json";
  in.software = "caremap test";
  in.date = "2026-12-07";
  return in;
}

template <class T>
const T* block(const report::Page& p, std::size_t nth = 0) {
  for (const report::Block& b : p.blocks) {
    if (const auto* t = std::get_if<T>(&b)) {
      if (nth-- == 0) {
        return t;
      }
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the drill report has the timeline, a page per inject, the unplaced and the conditions",
          "[report][drill]") {
  const drill::test::Built b;
  const report::Report r = report::drill_report(inputs(b, core::Lang::ja));
  const std::size_t injects = b.result.injects.size();
  // Timeline, a map page per inject, one page of hospital tables (three a page), the patients
  // not placed, data and conditions.
  REQUIRE(r.pages.size() == injects + 4);
  CHECK_THAT(r.subtitle, Catch::Contains("訓練用データ"));
  CHECK_THAT(r.subtitle, Catch::Contains(b.result.basis.ja));

  const report::TableBlock* timeline = block<report::TableBlock>(r.pages[0]);
  REQUIRE(timeline != nullptr);
  REQUIRE(timeline->rows.size() == injects);
  for (std::size_t k = 0; k < injects; ++k) {
    const drill::InjectSummary& s = b.result.injects[k].summary;
    CHECK(timeline->rows[k][2] ==
          std::to_string(s.placed) + " / " + std::to_string(s.bed_patients));
    CHECK(timeline->rows[k][3] == std::to_string(s.not_placed));
  }

  // t = 40: the map draws that inject's layers with the drill's styles, and the near hospital
  // is damaged: its row in that inject's load table says so.
  const report::Page& last = r.pages[injects];
  CHECK_THAT(last.heading, Catch::Contains("t = 40"));
  const report::MapBlock* map = block<report::MapBlock>(last);
  REQUIRE(map != nullptr);
  bool patients_by_hospital = false;
  for (const report::MapLayer& ml : map->layers) {
    if (ml.layer == b.layers[2].patients) {
      patients_by_hospital = ml.style.ramp && ml.style.ramp->field == "hospital_index";
    }
  }
  CHECK(patients_by_hospital);
  const report::TableBlock* loads = block<report::TableBlock>(r.pages[injects + 1], 2);
  REQUIRE(loads != nullptr);
  CHECK_THAT(loads->caption, Catch::Contains("t = 40"));
  REQUIRE(loads->rows.size() == b.s.hospitals.size());
  CHECK(loads->rows[0][0] == "近い病院");
  CHECK_THAT(loads->rows[0][5], Catch::Contains("被災"));

  // p3 needs a ventilator that no hospital has: not placed at every inject, for that reason.
  const report::TableBlock* unplaced = block<report::TableBlock>(r.pages[injects + 2]);
  REQUIRE(unplaced != nullptr);
  std::size_t p3_rows = 0;
  for (const auto& row : unplaced->rows) {
    if (row[1] == "p3") {
      ++p3_rows;
      CHECK(row[3] == drill::describe(drill::NotPlaced::no_compatible).ja);
    }
  }
  CHECK(p3_rows == injects);
  CHECK(r.pages.back().heading == "データと条件");
}

TEST_CASE("the drill report in English", "[report][drill]") {
  const drill::test::Built b;
  const report::Report r = report::drill_report(inputs(b, core::Lang::en));
  CHECK_THAT(r.title, Catch::StartsWith("Disaster drill record"));
  CHECK_THAT(r.subtitle, Catch::Contains("drill data"));
  CHECK(r.pages.back().heading == "Data and conditions");
}

TEST_CASE("a drill report without the layers of every inject is refused", "[report][drill]") {
  const drill::test::Built b;
  auto in = inputs(b, core::Lang::ja);
  in.layers.pop_back();
  CHECK_THROWS_AS(report::drill_report(in), core::ArgumentError);
  in = inputs(b, core::Lang::ja);
  in.result = nullptr;
  CHECK_THROWS_AS(report::drill_report(in), core::ArgumentError);
}
