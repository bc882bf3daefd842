// Reports rendered for real: PDF read back with poppler (text, page count and size, the pixel
// colour of a hospital at its place), PNG decoded by Cairo, SVG pages. The document is built
// here from small in-memory layers so every expected value follows from the fixture.

#include "report/render_report.hpp"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include "io/io_test_support.hpp"
#include "report/document.hpp"
#include "report/text.hpp"
#include "support/poppler.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

constexpr const char* kBoundaryCredit =
    "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";
constexpr const char* kHospitalCredit = "厚生労働省 医療情報ネット";
constexpr const char* kTableCredit = "出典：政府統計の総合窓口(e-Stat)";
// The footer lists credits under its own 「出典・クレジット」 heading, without each one's lead.
constexpr const char* kTableCreditBody = "政府統計の総合窓口(e-Stat)";
const core::XY kHospital{7000.0, 3000.0};
const style::Rgba kVermillion = style::okabe_ito::vermillion;

core::LayerPtr city_layer() {
  auto l = std::make_shared<core::Layer>();
  l->id = "boundary";
  l->title = "行政区域";
  l->category = core::Category::boundary;
  l->fields = {{"name", core::FieldType::text}};
  l->name_field = 0;
  core::Polygon square{{{0, 0}, {0, 10000}, {10000, 10000}, {10000, 0}, {0, 0}}};
  l->features.push_back({square, {std::string("宗像市")}, core::Category::boundary, 1});
  l->provenance.inputs.push_back({"boundaries.geojson", "boundary", "2022-01-01", kBoundaryCredit});
  return l;
}

core::LayerPtr hospital_layer() {
  auto l = std::make_shared<core::Layer>();
  l->id = "hospitals";
  l->title = "病院";
  l->category = core::Category::hospital;
  l->features.push_back({kHospital, {}, core::Category::hospital, 1});
  l->provenance.inputs.push_back({"hospitals.csv", "hospitals", "2025-06-01", kHospitalCredit});
  return l;
}

report::MapLayer layer_of(core::LayerPtr l) {
  report::MapLayer m;
  m.style = style::default_layer_style(*l);
  m.layer = std::move(l);
  return m;
}

// A report of one page holding `block`, as the tests of single blocks render it.
report::Report one_page(std::string title, report::Block block) {
  report::Report r;
  r.title = std::move(title);
  r.date = "2026-12-07";
  r.software = "caremap test";
  report::Page page;
  page.blocks.push_back(std::move(block));
  r.pages.push_back(std::move(page));
  return r;
}

report::Report two_pages() {
  report::Report r;
  r.title = "テスト報告書　病院の位置";
  r.subtitle = "試験用の図";
  r.date = "2026-12-07";
  r.software = "caremap test";
  report::Page map_page;
  map_page.heading = "地図";
  report::MapBlock map;
  map.layers = {layer_of(city_layer()), layer_of(hospital_layer())};
  map.extent = core::Box{{0, 0}, {10000, 10000}};
  map_page.blocks.push_back(map);
  r.pages.push_back(map_page);
  report::Page table_page;
  table_page.heading = "表";
  report::TableBlock t;
  t.caption = "市別の人口";
  t.headers = {"市", "人口"};
  t.align = {report::Align::left, report::Align::right};
  t.rows = {{"宗像市", "97,000"}, {"福津市", "67,000"}};
  table_page.blocks.push_back(t);
  table_page.credits = {kTableCredit};
  r.pages.push_back(table_page);
  return r;
}

// The page point of a world position in a placed map.
std::pair<double, double> page_point(const report::PlacedMap& m, core::XY p) {
  const auto& w = m.world;
  const double fx = (p.x - w.min_corner().x) / (w.max_corner().x - w.min_corner().x);
  const double fy = (w.max_corner().y - p.y) / (w.max_corner().y - w.min_corner().y);
  return {m.x_pt + fx * m.width_pt, m.y_pt + fy * m.height_pt};
}

bool near_colour(std::array<int, 3> px, style::Rgba c, int tolerance) {
  return std::abs(px[0] - c.r) <= tolerance && std::abs(px[1] - c.g) <= tolerance &&
         std::abs(px[2] - c.b) <= tolerance;
}

// The two-page report as a PDF in `dir`, with where its map went.
fs::path write_pdf(const test::ScratchDir& dir, const report::PageSetup& setup,
                   std::vector<report::PlacedMap>* maps = nullptr) {
  const auto rendered = report::render_report(two_pages(), setup);
  REQUIRE(rendered.files.size() == 1);
  const fs::path pdf = dir / "r.pdf";
  std::ofstream(pdf, std::ios::binary) << rendered.files[0].bytes;
  if (maps) {
    *maps = rendered.maps;
  }
  return pdf;
}

}  // namespace

TEST_CASE("a PDF report carries its text, credits, pages and paper size", "[report][pdf]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = write_pdf(dir, report::PageSetup{});
  const std::string info = test::pdf_info(pdf);
  CHECK_THAT(info, Catch::Contains("Pages:           2"));
  CHECK_THAT(info, Catch::Contains("595 x 842 pts (A4)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("テスト報告書"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
  CHECK_THAT(text, Catch::Contains("福津市"));
  CHECK_THAT(text, Catch::Contains("2026-12-07"));
  // Page 1 shows both layers, so both credits; page 2 its own only.
  const std::string page1 = test::pdf_text(pdf, 1);
  CHECK_THAT(page1, Catch::Contains("国土数値情報（行政区域データ）"));
  CHECK_THAT(page1, Catch::Contains(kHospitalCredit));
  CHECK_THAT(page1, !Catch::Contains(kTableCreditBody));
  const std::string page2 = test::pdf_text(pdf, 2);
  CHECK_THAT(page2, Catch::Contains("出典・クレジット"));
  CHECK_THAT(page2, Catch::Contains(kTableCreditBody));
  CHECK_THAT(page2, !Catch::Contains(kTableCredit));
  CHECK_THAT(page2, !Catch::Contains(kHospitalCredit));
}

TEST_CASE("the hospital symbol is drawn in its colour at its place", "[report][pdf][pixels]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  std::vector<report::PlacedMap> maps;
  const fs::path pdf = write_pdf(dir, report::PageSetup{}, &maps);
  REQUIRE(maps.size() == 1);
  const auto& map = maps[0];
  CHECK(map.page == 1);
  constexpr int kDpi = 144;  // 2 px per point
  const auto raster = test::pdf_page_raster(pdf, 1, kDpi, dir / "page");
  REQUIRE(raster);
  CHECK(raster->width == 1190);
  const auto [x, y] = page_point(map, kHospital);
  const auto px = raster->at(static_cast<int>(x * 2), static_cast<int>(y * 2));
  INFO("pixel " << px[0] << "," << px[1] << "," << px[2]);
  CHECK(near_colour(px, kVermillion, 8));
  // 20 pt to the west is the city's ground, not the symbol (11 pt wide).
  const auto beside = raster->at(static_cast<int>((x - 20) * 2), static_cast<int>(y * 2));
  CHECK_FALSE(near_colour(beside, kVermillion, 60));
}

TEST_CASE("PNG pages are rasters at the asked dpi with the symbol in place", "[report][png]") {
  report::PageSetup setup;
  setup.format = report::Format::png;
  setup.dpi = 96.0;
  const auto rendered = report::render_report(two_pages(), setup);
  REQUIRE(rendered.files.size() == 2);
  CHECK(rendered.files[1].first_page == 2);
  struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
  } reader{&rendered.files[0].bytes};
  cairo_surface_t* image = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->at + length > r->bytes->size()) {
          return CAIRO_STATUS_READ_ERROR;
        }
        std::copy_n(r->bytes->data() + r->at, length, data);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  REQUIRE(cairo_surface_status(image) == CAIRO_STATUS_SUCCESS);
  // 595 x 842 pt at 96 dpi.
  CHECK(cairo_image_surface_get_width(image) == 793);
  CHECK(cairo_image_surface_get_height(image) == 1123);
  const auto [x, y] = page_point(rendered.maps[0], kHospital);
  const double scale = 96.0 / 72.0;
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  const auto* pixel = reinterpret_cast<const std::uint32_t*>(
      data + static_cast<int>(y * scale) * stride + 4 * static_cast<int>(x * scale));
  const std::array<int, 3> rgb{static_cast<int>((*pixel >> 16) & 0xff),
                               static_cast<int>((*pixel >> 8) & 0xff),
                               static_cast<int>(*pixel & 0xff)};
  CHECK(near_colour(rgb, kVermillion, 8));
  cairo_surface_destroy(image);
}

TEST_CASE("SVG pages are one file per page, their glyphs drawn as outlines", "[report][svg]") {
  report::PageSetup setup;
  setup.format = report::Format::svg;
  const auto rendered = report::render_report(two_pages(), setup);
  REQUIRE(rendered.files.size() == 2);
  for (const auto& f : rendered.files) {
    CHECK_THAT(f.bytes, Catch::Contains("<svg"));
    CHECK_THAT(f.bytes, Catch::Contains("width=\"595pt\""));
    // Cairo writes text as glyph outlines, not <text> (README says so).
    CHECK_THAT(f.bytes, !Catch::Contains("<text"));
  }
}

TEST_CASE("A3 landscape pages are 1191 x 842 pt", "[report][pdf]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  report::PageSetup setup;
  setup.paper = report::Paper::a3;
  setup.orientation = report::Orientation::landscape;
  const fs::path pdf = write_pdf(dir, setup);
  CHECK_THAT(test::pdf_info(pdf), Catch::Contains("1191 x 842 pts (A3)"));
}

TEST_CASE("characters the font lacks are printed in their JIS forms", "[report]") {
  CHECK(report::printable("≥ 8,000") == "≧ 8,000");
  CHECK(report::printable("x ≤ 1, y ≥ 2") == "x ≦ 1, y ≧ 2");
  CHECK(report::printable("宗像市") == "宗像市");
}

TEST_CASE("a table's wrapping column stays on the page, its header and its last name included",
          "[report][pdf]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  // The drill timeline's shape: short figures, then a list of hospitals too long for any type
  // size; without wrapping, the header and the end of each list ran off the page's edge.
  report::TableBlock t;
  t.headers = {"時刻", "状況", "配置", "80 %超の病院"};
  t.align = {report::Align::left, report::Align::left, report::Align::right, report::Align::left};
  t.wrap_column = 3;
  std::string names;
  for (int i = 1; i <= 12; ++i) {
    names += (names.empty() ? "" : "、") + std::string("医療法人社団 長い名前の会 第") +
             std::to_string(i) + "病院";
  }
  t.rows = {{"t=0分", "地震発生", "111 / 112", names + "、最後尾病院"}};
  const report::Report r = one_page("表の折り返し", t);
  test::ScratchDir dir;
  const fs::path pdf = dir / "wrap.pdf";
  std::ofstream(pdf, std::ios::binary) << report::render_report(r, {}).files.at(0).bytes;
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("80 %超の病院"));
  CHECK_THAT(text, Catch::Contains("最後尾病院"));
  CHECK_THAT(text, Catch::Contains("第1病院"));
}

TEST_CASE("the legend goes to the corner with the least data under it", "[report][pdf]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  // A filled layer over the whole map but its bottom-left quarter (a mesh over land, sea in one
  // corner) and no facilities: top-left and bottom-right would hide cells, the bottom-left (clear
  // of the scale bar) hides none.
  auto cells = std::make_shared<core::Layer>();
  cells->id = "cells";
  cells->title = "空白セル";
  cells->category = core::Category::coverage_gap;
  // Far beyond the extent, which grows to the frame's shape.
  const auto rect = [](double x0, double y0, double x1, double y1) {
    return core::Polygon{{{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}}};
  };
  cells->features.push_back({rect(-1e5, 5000, 1e5, 1e5), {}, core::Category::coverage_gap, 1});
  cells->features.push_back({rect(5000, -1e5, 1e5, 5000), {}, core::Category::coverage_gap, 2});
  report::MapBlock map;
  map.layers = {layer_of(city_layer()), layer_of(cells)};
  map.extent = core::Box{{0, 0}, {10000, 10000}};
  const report::Report r = one_page("凡例の位置", map);
  test::ScratchDir dir;
  const fs::path pdf = dir / "legend.pdf";
  std::vector<report::PlacedMap> placed;
  {
    const auto rendered = report::render_report(r, {});
    placed = rendered.maps;
    std::ofstream(pdf, std::ios::binary) << rendered.files.at(0).bytes;
  }
  REQUIRE(placed.size() == 1);
  // Where pdftotext finds the legend's label, against the map's centre.
  const auto bbox = test::run_command("pdftotext -bbox " + test::quoted(pdf) + " -");
  REQUIRE(bbox);
  const std::size_t word = bbox->find(">空白セル<");
  REQUIRE(word != std::string::npos);
  const std::size_t line = bbox->rfind("<word", word);
  const auto attribute = [&](const std::string& name) {
    const std::size_t at = bbox->find(name + "=\"", line) + name.size() + 2;
    return std::stod(bbox->substr(at));
  };
  const double centre_x = placed[0].x_pt + placed[0].width_pt / 2;
  const double centre_y = placed[0].y_pt + placed[0].height_pt / 2;
  CHECK(attribute("xMin") < centre_x);
  CHECK(attribute("yMin") > centre_y);
}
