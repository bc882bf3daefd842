// The drill report's pages built from a small drill (tests/drill/drill_map_fixture.hpp): one page
// per inject with its map and hospital loads, the timeline, the patients not placed with the
// engine's reasons, the drill-data mark. Figures are read from the engine's result.

#include "report/drill_report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "drill/drill_map_fixture.hpp"
#include "io/io_test_support.hpp"
#include "report/render_report.hpp"
#include "support/map_pixels.hpp"
#include "support/poppler.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCredit = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";

// A city around the drill, with the credit its boundary data carries.
core::LayerPtr boundary() {
  auto b = std::make_shared<core::Layer>();
  b->id = "boundary";
  b->category = core::Category::boundary;
  b->crs = "EPSG:6670";
  b->fields = {{"name", core::FieldType::text}};
  b->name_field = 0;
  b->features.push_back(
      {core::Polygon{{{-3000, -3000}, {-3000, 3000}, {9000, 3000}, {9000, -3000}, {-3000, -3000}}},
       {std::string("宗像市")},
       core::Category::boundary,
       1});
  b->provenance.inputs.push_back({"boundaries.geojson", "boundary", "2022-01-01", kCredit});
  return b;
}

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
  // The reasons chart counts that patient once, with the cases over the injects beside it.
  const report::ChartBlock* reasons = block<report::ChartBlock>(r.pages[injects + 2]);
  REQUIRE(reasons != nullptr);
  const std::string no_compatible = drill::describe(drill::NotPlaced::no_compatible).ja;
  const auto bar = std::find_if(reasons->bars.begin(), reasons->bars.end(),
                                [&](const auto& b) { return b.label == no_compatible; });
  REQUIRE(bar != reasons->bars.end());
  CHECK(bar->value == 1.0);
  CHECK(bar->value_text == "1 人（延べ " + std::to_string(injects) + " 件）");
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

TEST_CASE("the hospital atlas has a page per hospital framed on the patients it took",
          "[report][drill][atlas]") {
  const drill::test::Built b;
  auto in = inputs(b, core::Lang::ja);
  const std::size_t plain = report::drill_report(in).pages.size();
  in.hospital_atlas = true;
  const report::Report r = report::drill_report(in);
  REQUIRE(r.pages.size() == plain + b.s.hospitals.size());
  const std::size_t injects = b.result.injects.size();
  for (std::size_t h = 0; h < b.s.hospitals.size(); ++h) {
    // Timeline, inject pages, one page of load tables, then the atlas.
    const report::Page& p = r.pages[injects + 2 + h];
    INFO("hospital " << b.s.hospitals[h].name);
    CHECK_THAT(p.heading, Catch::Contains(b.s.hospitals[h].name));
    // Every bed patient the engine sent here at some inject is on the map, inside its frame.
    std::size_t taken = 0;
    const report::MapBlock* map = block<report::MapBlock>(p);
    REQUIRE(map != nullptr);
    for (std::size_t i = 0; i < b.s.patients.size(); ++i) {
      bool here = false;
      for (const auto& inj : b.result.injects) {
        here = here || (!b.s.patients[i].wants_shelter &&
                        inj.patients[i].site == static_cast<std::int32_t>(h));
      }
      if (here) {
        ++taken;
        CHECK(core::bg::covered_by(b.s.patients[i].position, map->extent));
      }
    }
    CHECK(core::bg::covered_by(b.s.hospitals[h].position, map->extent));
    const auto patients = std::find_if(
        map->layers.begin(), map->layers.end(),
        [](const report::MapLayer& l) { return l.layer->id == "drill_atlas_patients"; });
    REQUIRE(patients != map->layers.end());
    CHECK(patients->layer->size() == taken);
    // Its beds at every inject, with the engine's loads and the damage of t = 40.
    const report::TableBlock* beds = block<report::TableBlock>(p);
    REQUIRE(beds != nullptr);
    REQUIRE(beds->rows.size() == injects);
    for (std::size_t k = 0; k < injects; ++k) {
      CHECK(beds->rows[k][2] == std::to_string(b.result.injects[k].hospitals[h].load));
    }
    CHECK_THAT(beds->rows.back()[6], Catch::Contains(h == 0 ? "被災" : "通常"));
  }
  // The far hospital took patients once the near one was full or damaged.
  CHECK(block<report::MapBlock>(r.pages[injects + 3])->layers.size() > 3);
}

TEST_CASE("the hospital atlas PDF: names, credits, and the hospital drawn at its place",
          "[report][drill][atlas][pdf][pixels]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  const drill::test::Built b;
  auto in = inputs(b, core::Lang::ja);
  in.hospital_atlas = true;
  in.boundary = boundary();
  const report::Report doc = report::drill_report(in);
  const report::RenderedReport rendered = report::render_report(doc, report::PageSetup{});
  test::ScratchDir dir;
  const fs::path pdf = dir / "atlas.pdf";
  std::ofstream(pdf, std::ios::binary) << rendered.files.at(0).bytes;
  CHECK_THAT(test::pdf_info(pdf),
             Catch::Contains("Pages:           " + std::to_string(doc.pages.size())));
  const int far_page = static_cast<int>(doc.pages.size()) - 2;  // before not placed, conditions
  const std::string text = test::pdf_text(pdf, far_page);
  CHECK_THAT(text, Catch::Contains("病院別：遠い病院"));
  CHECK_THAT(text, Catch::Contains("状況ごとの受入と病床"));
  CHECK_THAT(text, Catch::Contains("訓練用データ"));
  CHECK_THAT(text, Catch::Contains(kCredit));

  const report::PlacedMap* map = test::map_on_page(rendered, static_cast<std::size_t>(far_page));
  REQUIRE(map != nullptr);
  const auto raster = test::pdf_page_raster(pdf, far_page, 144, dir / "page");
  REQUIRE(raster);
  const auto [x, y] = test::page_point(*map, b.s.hospitals[1].position);
  const style::Rgba colour = drill::hospital_ramp(b.s, core::Lang::ja).colours[2];
  const auto px = raster->at(static_cast<int>(x * 2), static_cast<int>(y * 2));
  INFO("pixel " << px[0] << "," << px[1] << "," << px[2]);
  CHECK(test::near_colour(px, colour, 12));
  const auto beside = raster->at(static_cast<int>((x + 30) * 2), static_cast<int>(y * 2));
  CHECK_FALSE(test::near_colour(beside, colour, 40));
}
