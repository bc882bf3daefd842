// The coverage report's pages from a hand-made coverage result: which pages, what their tables
// say (taken from the result, never recomputed), which credits each page carries, both languages.

#include "report/coverage_report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "core/argument_parsing.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "io/io_test_support.hpp"
#include "report/render_report.hpp"
#include "support/map_pixels.hpp"
#include "support/poppler.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

constexpr const char* kBoundaryCredit =
    "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";
constexpr const char* kClinicCredit = "厚生労働省 医療情報ネット";
constexpr const char* kPeopleCredit = "出典：政府統計の総合窓口(e-Stat)（面積按分して加工）";

core::Polygon square(double x, double y, double side) {
  return core::Polygon{{{x, y}, {x, y + side}, {x + side, y + side}, {x + side, y}, {x, y}}};
}

struct Fixture {
  core::LayerPtr boundary;
  core::LayerPtr clinics;
  analysis::CoverageResult result;
  analysis::Demand demand;
  std::vector<analysis::CategoryPeopleBands> bands;

  Fixture() {
    auto b = std::make_shared<core::Layer>();
    b->title = "行政区域";
    b->category = core::Category::boundary;
    b->fields = {{"name", core::FieldType::text}};
    b->name_field = 0;
    // 宗像市: a 10 km mainland and a 300 m island 60 km out; 福津市: 6 km.
    core::MultiPolygon munakata{square(0, 0, 10000), square(-60000, 40000, 300)};
    b->features.push_back({munakata, {std::string("宗像市")}, core::Category::boundary, 1});
    b->features.push_back(
        {square(10000, 0, 6000), {std::string("福津市")}, core::Category::boundary, 2});
    boundary = b;
    auto c = std::make_shared<core::Layer>();
    c->title = "診療所";
    c->category = core::Category::clinic;
    c->features.push_back({core::XY{5000, 5000}, {}, core::Category::clinic, 1});
    c->provenance.inputs.push_back({"clinics.csv", "clinics", "2025-06-01", kClinicCredit});
    clinics = c;

    result.covered.category = core::Category::coverage_area;
    result.covered.provenance.inputs = {
        {"boundaries.geojson", "boundary", "2022-01-01", kBoundaryCredit},
        {"clinics.csv", "clinics", "2025-06-01", kClinicCredit}};
    result.covered.provenance.param("category", "clinic").param("radius_m", "16000");
    result.covered.provenance.basis = {{"直線距離", "straight line"},
                                       {"2020年国勢調査 500mメッシュ人口（面積按分）",
                                        "2020 census 500 m mesh population (apportioned by area)"}};
    result.gaps.category = core::Category::coverage_gap;
    result.gap_parts.category = core::Category::coverage_gap;
    result.gap_parts.fields = {{"city", core::FieldType::text},
                               {"part", core::FieldType::integer},
                               {"gap_km2", core::FieldType::real}};
    result.gap_parts.features.push_back({square(-60000, 40000, 300),
                                         {std::string("宗像市"), std::int64_t{1}, 0.09},
                                         core::Category::coverage_gap,
                                         0});
    auto city = [](const char* name, std::uint32_t id, double km2, double people, double gap) {
      analysis::CityCoverage c;
      c.city = name;
      c.feature = core::FeatureId{id};
      c.city_km2 = km2;
      c.covered_km2 = km2 - 0.09;
      c.covered_pct = 100.0 * c.covered_km2 / km2;
      c.uncovered_km2 = 0.09;
      c.gap_parts = 1;
      analysis::PeopleCoverage p;
      p.total.people = people;
      p.covered.people = people - gap;
      p.gap.people = gap;
      c.people = p;
      return c;
    };
    result.cities = {city("宗像市", 0, 100.09, 97000, 120), city("福津市", 1, 36.0, 67000, 0)};
    result.summary.facilities = 1;
    result.summary.min_radius = result.summary.max_radius = core::Meters{16000};
    result.summary.circle_segments = 360;
    result.summary.city_km2 = 136.09;
    result.summary.covered_km2 = 136.0;
    result.summary.covered_pct = 99.93;
    result.summary.uncovered_km2 = 0.09;
    analysis::PeopleCoverage all;
    all.total.people = 164000;
    all.covered.people = 163880;
    all.gap.people = 120;
    result.summary.people = all;

    demand.cities = {"宗像市", "福津市"};
    demand.basis = result.covered.provenance.basis.demand;
    analysis::CategoryPeopleBands d;
    d.category = core::Category::clinic;
    d.facilities = 1;
    d.distance = {"直線距離", "straight line"};
    d.bands.upper = {1000.0};
    d.bands.by_city = {{{60000, 0, 0}, {37000, 0, 0}, {}}, {{67000, 0, 0}, {0, 0, 0}, {}}};
    d.bands.city_totals = {{97000, 0, 0}, {67000, 0, 0}};
    d.percentiles = {{800.0, 1500.0, 97000}, {400.0, 900.0, 67000}};
    bands = {d};
  }

  report::CoverageReportInputs inputs(core::Lang lang) const {
    report::CoverageReportInputs in;
    in.lang = lang;
    in.region_title = "宗像市・福津市";
    in.categories = {core::Category::clinic};
    in.coverage = &result;
    in.boundary = boundary;
    in.facilities = {clinics};
    in.demand = &demand;
    in.distances = bands;
    in.all_distances = bands;
    in.people_credit = kPeopleCredit;
    in.software = "caremap test";
    in.date = "2026-12-07";
    return in;
  }
};

std::vector<std::string> headings(const report::Report& r) {
  std::vector<std::string> out;
  for (const auto& p : r.pages) {
    out.push_back(p.heading);
  }
  return out;
}

const report::TableBlock* find_table(const report::Page& p, const std::string& caption) {
  for (const auto& b : p.blocks) {
    if (const auto* t = std::get_if<report::TableBlock>(&b); t && t->caption == caption) {
      return t;
    }
  }
  return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a coverage report has the overview, figures, distances, atlas and provenance pages",
          "[report][coverage]") {
  const Fixture f;
  const report::Report r = report::coverage_report(f.inputs(core::Lang::ja));
  // No population layer: no density page. Two atlas pages per city: its map, its figures.
  CHECK(headings(r) == std::vector<std::string>{
                           "カバー圏と空白地域", "市別の数値", "最寄り施設までの距離（人口の分布）",
                           "施設の種類別：最寄りまでの距離", "市別：宗像市（地図）",
                           "市別：宗像市（数値）", "市別：福津市（地図）", "市別：福津市（数値）",
                           "データと条件"});
  CHECK_THAT(r.title, Catch::Contains("宗像市・福津市"));
  CHECK_THAT(r.title, Catch::Contains(core::format_distance(core::Meters{16000})));
  CHECK(r.date == "2026-12-07");
}

TEST_CASE("the coverage tables print the result's own figures", "[report][coverage]") {
  const Fixture f;
  const report::Report r = report::coverage_report(f.inputs(core::Lang::ja));
  const report::TableBlock* people = find_table(r.pages[1], "市別のカバー状況（人口）");
  REQUIRE(people);
  REQUIRE(people->rows.size() == 3);
  CHECK(people->rows[0][0] == "宗像市");
  CHECK(people->rows[0][1] == core::format_people(f.result.cities[0].people->total.people));
  CHECK(people->rows[0][4] == core::format_people(120));
  CHECK(people->last_row_is_total);
  CHECK(people->rows[2][1] == core::format_people(f.result.summary.people->total.people));
  const report::TableBlock* gaps = find_table(r.pages[1], "空白地域（大きい順）");
  REQUIRE(gaps);
  REQUIRE(gaps->rows.size() == 1);
  CHECK(gaps->rows[0][2] == "0.090");
}

TEST_CASE("every page with figures credits the data they stand on", "[report][coverage]") {
  const Fixture f;
  const report::Report r = report::coverage_report(f.inputs(core::Lang::ja));
  for (const auto& page : r.pages) {
    INFO(page.heading);
    const auto credits = report::page_credits(page);
    CHECK(contains(credits, kBoundaryCredit));
    CHECK(contains(credits, kClinicCredit));
    CHECK(contains(credits, kPeopleCredit));
  }
}

TEST_CASE("an atlas page frames its city without islands far out", "[report][coverage]") {
  const Fixture f;
  const auto box = report::main_extent(f.boundary->features[0].geometry, 0.0);
  REQUIRE(box);
  CHECK(box->min_corner().x == Approx(0.0).margin(0.001));
  CHECK(box->max_corner().y == Approx(10000.0).margin(0.001));
  const report::Report r = report::coverage_report(f.inputs(core::Lang::ja));
  const auto& map = std::get<report::MapBlock>(r.pages[4].blocks[0]);
  CHECK(map.extent.min_corner().x > -1000.0);
  CHECK_THAT(map.caption, Catch::Contains("離れた島など 1 区域は地図の枠外"));
  // 福津市's frame leaves 宗像市's island out too, but that island is not 福津市's: its page
  // counts its own parts only (it has none outside).
  const auto fukutsu = std::find_if(r.pages.begin(), r.pages.end(), [](const report::Page& p) {
    return p.heading == "市別：福津市（地図）";
  });
  REQUIRE(fukutsu != r.pages.end());
  CHECK_THAT(std::get<report::MapBlock>(fukutsu->blocks[0]).caption, !Catch::Contains("枠外"));
}

TEST_CASE("the report is in English when asked", "[report][coverage]") {
  const Fixture f;
  const report::Report r = report::coverage_report(f.inputs(core::Lang::en));
  CHECK_THAT(r.title, Catch::Contains("Clinic coverage within"));
  CHECK(r.pages.back().heading == "Data and conditions");
  CHECK(find_table(r.pages[1], "Coverage by city (people)"));
}

TEST_CASE("a coverage report without its result or boundary is refused", "[report][coverage]") {
  report::CoverageReportInputs in;
  CHECK_THROWS_AS(report::coverage_report(in), core::ArgumentError);
}

namespace {

constexpr const char* kZoneCredit = "試験用の区域データ（テスト）";

// A zone over the clinic of the fixture, with hand-made figures: the report prints them, never
// recomputes them.
report::ZoneAtlasPage zone_page() {
  auto z = std::make_shared<core::Layer>();
  z->id = "zones";
  z->category = core::Category::closure;
  z->fields = {{"zone", core::FieldType::text}};
  z->features.push_back({square(3000, 3000, 4000),
                         {std::string("浸水想定区域（試験）")},
                         core::Category::closure,
                         1});
  z->provenance.inputs.push_back({"zones.geojson", "zones", "2026-01-01", kZoneCredit});
  report::ZoneAtlasPage page;
  page.name = "浸水想定区域（試験）";
  page.zone = z;
  page.figures.inside = {0};
  page.figures.people = {5000, 1500, 800};
  page.figures.beyond_today = {100, 30, 20};
  page.figures.beyond_without_zone = {2600, 900, 500};
  page.figures.people_by_city = {{5000, 1500, 800}, {}};
  page.figures.beyond_today_by_city = {{100, 30, 20}, {}};
  page.figures.beyond_without_zone_by_city = {{2600, 900, 500}, {}};
  return page;
}

report::CoverageReportInputs with_zone(const Fixture& f, core::Lang lang) {
  auto in = f.inputs(lang);
  in.zones = {zone_page()};
  in.zone_discs = {{{4000, 6500}, core::Meters{16000}, "中央診療所"}};
  in.zones_path = "zones.geojson";
  return in;
}

}  // namespace

TEST_CASE("the hazard-zone atlas adds a page per zone with its people and lost facilities",
          "[report][coverage][atlas]") {
  const Fixture f;
  const std::size_t plain = report::coverage_report(f.inputs(core::Lang::ja)).pages.size();
  const report::Report r = report::coverage_report(with_zone(f, core::Lang::ja));
  REQUIRE(r.pages.size() == plain + 1);
  const report::Page& p = r.pages[r.pages.size() - 2];
  CHECK(p.heading == "区域別：浸水想定区域（試験）");
  const report::TableBlock* t = find_table(p, "区域内の人口と圏外の人口");
  REQUIRE(t != nullptr);
  // 宗像市 (福津市 has no one in the zone), then the total.
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0][0] == "宗像市");
  CHECK(t->rows[1][1] == core::format_people(5000));
  CHECK(t->rows[1][2] == core::format_people(100));
  CHECK(t->rows[1][3] == core::format_people(2600) + "（" + core::format_share(2600, 5000) + "）");
  bool named = false;
  bool defined = false;
  for (const auto& b : p.blocks) {
    if (const auto* text = std::get_if<report::TextBlock>(&b)) {
      for (const auto& para : text->paragraphs) {
        named = named || para.find("中央診療所") != std::string::npos;
        defined = defined || para.find("数え方") != std::string::npos;
      }
    }
  }
  CHECK(named);
  CHECK(defined);
  const auto credits = report::page_credits(p);
  CHECK(contains(credits, kZoneCredit));
  CHECK(contains(credits, kPeopleCredit));
  const auto* map = std::get_if<report::MapBlock>(&p.blocks.front());
  REQUIRE(map != nullptr);
  CHECK(core::bg::covered_by(core::XY{3000, 3000}, map->extent));
  CHECK(core::bg::covered_by(core::XY{7000, 7000}, map->extent));
  // The data page names the zone file.
  bool listed = false;
  for (const auto& b : r.pages.back().blocks) {
    if (const auto* kv = std::get_if<report::KeyValueBlock>(&b)) {
      for (const auto& [k, v] : kv->rows) {
        listed = listed || v.find("zones.geojson") != std::string::npos;
      }
    }
  }
  CHECK(listed);
  const report::Report en = report::coverage_report(with_zone(f, core::Lang::en));
  CHECK(en.pages[en.pages.size() - 2].heading == "Zone: 浸水想定区域（試験）");
}

TEST_CASE("the hazard-zone page in the PDF: its name, credits and the lost clinic in place",
          "[report][coverage][atlas][pdf][pixels]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  const Fixture f;
  const report::Report doc = report::coverage_report(with_zone(f, core::Lang::ja));
  const report::RenderedReport rendered = report::render_report(doc, report::PageSetup{});
  test::ScratchDir dir;
  const fs::path pdf = dir / "zones.pdf";
  std::ofstream(pdf, std::ios::binary) << rendered.files.at(0).bytes;
  const int page = static_cast<int>(doc.pages.size()) - 1;
  CHECK_THAT(test::pdf_info(pdf),
             Catch::Contains("Pages:           " + std::to_string(doc.pages.size())));
  const std::string text = test::pdf_text(pdf, page);
  CHECK_THAT(text, Catch::Contains("浸水想定区域（試験）"));
  CHECK_THAT(text, Catch::Contains("中央診療所"));
  CHECK_THAT(text, Catch::Contains(kZoneCredit));
  CHECK_THAT(text, Catch::Contains("国土数値情報（行政区域データ）"));
  const report::PlacedMap* map = test::map_on_page(rendered, static_cast<std::size_t>(page));
  REQUIRE(map != nullptr);
  const auto raster = test::pdf_page_raster(pdf, page, 144, dir / "page");
  REQUIRE(raster);
  // The clinic inside the zone is marked in reddish purple (away from the city's label).
  const auto [x, y] = test::page_point(*map, core::XY{4000, 6500});
  const auto px = raster->at(static_cast<int>(x * 2), static_cast<int>(y * 2));
  INFO("pixel " << px[0] << "," << px[1] << "," << px[2]);
  CHECK(test::near_colour(px, style::okabe_ito::reddish_purple, 12));
  const auto beside = raster->at(static_cast<int>((x + 30) * 2), static_cast<int>(y * 2));
  CHECK_FALSE(test::near_colour(beside, style::okabe_ito::reddish_purple, 40));
}
