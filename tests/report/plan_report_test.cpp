// The plan report built from the plan analyses on a small region drawn here: two cities side by
// side (宗像市 west, 福津市 east), 2 km cells of 100 people (20 aged 75+), four clinics in the
// west and one alone in the east, reach 5 km. So the east is a gap a new clinic can close, the
// lone clinic is the worst loss, and its nearest other clinic lies beyond the reach. The pages
// are checked as blocks, then rendered and read back with poppler (text, pages, paper, pixels).

#include "report/plan_report.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "core/number_format.hpp"
#include "io/io_test_support.hpp"
#include "plan/candidates.hpp"
#include "plan/location_heuristic.hpp"
#include "plan/what_if.hpp"
#include "report/map_frame.hpp"
#include "report/render_report.hpp"
#include "support/map_pixels.hpp"
#include "support/poppler.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

constexpr const char* kClinicCredit = "厚生労働省 医療情報ネット";
constexpr const char* kCensusCredit = "出典：政府統計の総合窓口(e-Stat)、令和2年国勢調査";
constexpr const char* kBoundaryCredit =
    "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";
constexpr const char* kRoadCredit = "「国土数値情報（道路データ）」（国土交通省）を加工して作成";
// What the KSJ N01 network says its times stand on (routing's basis for the region's roads).
const core::LocalText kRoadBasis{"幹線道路のみ（国土数値情報 道路 1996年）＋アクセス区間",
                                 "trunk roads only (KSJ N01, 1996) + access legs"};
constexpr double kCell = 2000.0;

core::Polygon square(double x0, double y0, double size) {
  return core::Polygon{
      {{x0, y0}, {x0, y0 + size}, {x0 + size, y0 + size}, {x0 + size, y0}, {x0, y0}}};
}

// Everything the report is built from, computed by the plan analyses.
struct Fixture {
  analysis::Demand demand;
  std::vector<plan::PlanSite> sites;
  plan::ReachRule reach{plan::ReachMeasure::length, 5000.0};
  analysis::TravelCosts costs;
  plan::BackupCover cover;
  std::vector<plan::CoverLoss> losses;
  plan::BackupCover worst;
  std::vector<plan::PlanSite> candidates;
  plan::LocationProblem problem;
  plan::LocationSolution solution;
  plan::BackupCover with_new;
  std::vector<plan::SiteNeighbours> neighbours;
  plan::AccessParams access_params = plan::two_step_fca(plan::ReachMeasure::length, 5000.0);
  plan::AccessResult access;
  core::LayerPtr boundary;
  core::Provenance provenance;

  Fixture() {
    demand.cities = {"宗像市", "福津市"};
    demand.has_age_bands = true;
    demand.basis = {"2020年国勢調査 500mメッシュ人口（面積按分）",
                    "2020 census 500 m mesh population (apportioned by area)"};
    demand.sources.push_back({"population.txt", "population", "2020-10-01", kCensusCredit});
    for (int i = 0; i < 10; ++i) {
      for (int j = 0; j < 5; ++j) {
        analysis::DemandPoint p;
        p.shape = square(i * kCell, j * kCell, kCell);
        p.position = {(i + 0.5) * kCell, (j + 0.5) * kCell};
        p.city = i < 5 ? 0 : 1;
        p.people = 100.0;
        p.people_65plus = 40.0;
        p.people_75plus = 20.0;
        p.label = "5030" + std::to_string(i) + std::to_string(j);
        demand.points.push_back(p);
      }
    }
    for (const core::XY at : {core::XY{3000, 3000}, core::XY{5000, 5000}, core::XY{3000, 7000},
                              core::XY{7000, 3000}, core::XY{19000, 1000}}) {
      sites.push_back({"診療所" + std::to_string(sites.size() + 1), "clinics", at});
    }
    std::vector<core::XY> from, to;
    for (const auto& s : sites) {
      from.push_back(s.position);
    }
    for (const auto& p : demand.points) {
      to.push_back(p.position);
    }
    costs = analysis::straight_line_costs(from, to, {});
    costs.basis = kRoadBasis;
    const plan::Reach r(costs, reach);
    cover = plan::backup_cover(demand, r);
    losses = plan::n_minus_one(demand, r);
    worst = plan::what_if(demand, cover, costs, reach, losses.front().removed).cover;

    candidates = plan::grid_candidates(demand, core::Meters{4000.0});
    std::vector<core::XY> at;
    for (const auto& c : candidates) {
      at.push_back(c.position);
    }
    const auto candidate_costs = analysis::straight_line_costs(at, to, {});
    std::vector<double> weight(demand.points.size(), 100.0);
    problem = plan::make_location_problem(plan::LocationModel::mclp,
                                          plan::append_sites(costs, candidate_costs), sites.size(),
                                          weight, reach, 1);
    solution = plan::solve_heuristic(problem, {false, 100});
    const std::uint32_t chosen = solution.chosen.at(0);
    const auto chosen_costs =
        analysis::straight_line_costs(std::vector<core::XY>{candidates[chosen].position}, to, {});
    with_new =
        plan::what_if(demand, cover, plan::append_sites(costs, chosen_costs), reach, {}).cover;
    neighbours = plan::nearest_other_sites(analysis::straight_line_costs(from, from, {}), reach, 2);
    access = plan::accessibility(costs, std::vector<double>(sites.size(), 1.0),
                                 std::vector<double>(demand.points.size(), 100.0), access_params);

    auto b = std::make_shared<core::Layer>();
    b->id = "boundary";
    b->title = "行政区域";
    b->category = core::Category::boundary;
    b->fields = {{"name", core::FieldType::text}};
    b->name_field = 0;
    b->features.push_back(
        {square(0, 0, 10000), {std::string("宗像市")}, core::Category::boundary, 1});
    b->features.push_back(
        {square(10000, 0, 10000), {std::string("福津市")}, core::Category::boundary, 2});
    b->provenance.inputs.push_back(
        {"boundaries.geojson", "boundary", "2022-01-01", kBoundaryCredit});
    boundary = b;

    provenance.operation = "plan_report";
    provenance.param("reach", "within 5 km (5000 m)");
    provenance.inputs.push_back({"clinics.csv", "clinics", "2025-06-01", kClinicCredit});
    // A facility layer the sites did not come from: its credit is not the report's.
    provenance.inputs.push_back({"shelters.geojson", "shelters", "2025-10-27", "国土地理院"});
    provenance.inputs.push_back({"population.txt", "population", "2020-10-01", kCensusCredit});
    provenance.basis.distance = kRoadBasis;
    provenance.basis.demand = demand.basis;
  }

  report::PlanReportInputs inputs(core::Lang lang) const {
    report::PlanReportInputs in;
    in.lang = lang;
    in.region_title = "宗像市・福津市";
    in.demand = &demand;
    in.sites = sites;
    in.sites_title = lang == core::Lang::ja ? "診療所" : "clinics";
    in.reach = reach;
    in.provenance = provenance;
    in.cover = &cover;
    in.losses = losses;
    in.worst_case = &worst;
    in.candidates = candidates;
    in.solution = &solution;
    in.gains = plan::candidate_gains(problem, demand);
    in.with_new_sites = &with_new;
    in.grid_spacing = "4km";
    in.neighbours = neighbours;
    in.access = &access;
    in.access_method = plan::access_method_label(access_params);
    in.boundary = boundary;
    in.road_credit = kRoadCredit;
    in.software = "caremap test";
    in.date = "2026-12-07";
    return in;
  }
};

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

TEST_CASE("the plan report has the summary, new sites, N-1, backups and conditions",
          "[report][plan]") {
  const Fixture f;
  const report::Report r = report::plan_report(f.inputs(core::Lang::ja));
  // Summary, new site, N-1 with the worst case (a short ranking), one backup page,
  // accessibility, conditions.
  REQUIRE(r.pages.size() == 6);
  CHECK_THAT(r.title, Catch::Contains("宗像市・福津市"));
  CHECK_THAT(r.subtitle, Catch::Contains("1996"));

  // Summary by city: most of 福津市 is beyond the reach of every western clinic; the lone
  // clinic at (19, 1) km covers part of it.
  const report::TableBlock* cities = block<report::TableBlock>(r.pages[0]);
  REQUIRE(cities != nullptr);
  REQUIRE(cities->rows.size() == 3);
  CHECK(cities->rows[0][0] == "宗像市");
  // 宗像市: only its north-east corner cell (centre 9, 9 km) is beyond 5 km of its clinics.
  CHECK(cities->rows[0][5] == "100");
  CHECK(cities->rows[1][0] == "福津市");
  const double none_east = f.cover.cities[1].none.people;
  CHECK(none_east > 0.0);
  CHECK(cities->rows[1][5] == core::format_people(none_east));

  // The new site: the chosen candidate is marked in the table, and the total row gives the
  // people the comparison of the covers finds.
  const report::TableBlock* cand = block<report::TableBlock>(r.pages[1]);
  REQUIRE(cand != nullptr);
  bool marked = false;
  for (const auto& row : cand->rows) {
    marked = marked || row.back() == "★ 推奨";
  }
  CHECK(marked);
  const auto change = plan::compare_cover(f.demand, f.cover, f.with_new);
  CHECK(cand->rows.back()[3] == core::format_people(change.total.gained_cover.people));
  CHECK(change.total.gained_cover.people > 0.0);

  // N-1: the lone eastern clinic is the worst loss.
  const report::TableBlock* n1 = block<report::TableBlock>(r.pages[2]);
  REQUIRE(n1 != nullptr);
  CHECK(n1->rows[0][1] == "診療所5");
  CHECK(n1->rows[0][2] == core::format_people(f.losses[0].lost_cover.people));
  CHECK(block<report::MapBlock>(r.pages[2]) != nullptr);

  // Backups: the lone clinic first (farthest), flagged; its nearest is 診療所4 at 12.2 km.
  const report::TableBlock* backups = block<report::TableBlock>(r.pages[3]);
  REQUIRE(backups != nullptr);
  REQUIRE(backups->rows.size() == f.sites.size());
  CHECK(backups->rows[0][0] == "診療所5");
  CHECK(backups->rows[0][1] == "診療所4");
  CHECK(backups->rows[0][3] == "12.2");
  CHECK_THAT(backups->rows[0].back(), Catch::Contains("※"));
  CHECK(backups->rows[1].back().empty());

  CHECK(r.pages.back().heading == "データと条件");
  // Only the data the figures stand on is credited: not the other facility layers.
  for (const report::Page& p : r.pages) {
    const auto credits = report::page_credits(p);
    CHECK(std::find(credits.begin(), credits.end(), kRoadCredit) != credits.end());
    CHECK(std::find(credits.begin(), credits.end(), kCensusCredit) != credits.end());
    CHECK(std::find(credits.begin(), credits.end(), "国土地理院") == credits.end());
  }
}

TEST_CASE("the plan report in English", "[report][plan]") {
  const Fixture f;
  const report::Report r = report::plan_report(f.inputs(core::Lang::en));
  CHECK_THAT(r.title, Catch::Contains("home care planning"));
  CHECK(r.pages.front().heading == "Key figures");
  CHECK(r.pages.back().heading == "Data and conditions");
}

TEST_CASE("a plan report without its demand or cover is refused", "[report][plan]") {
  const Fixture f;
  auto in = f.inputs(core::Lang::ja);
  in.cover = nullptr;
  CHECK_THROWS_AS(report::plan_report(in), core::ArgumentError);
  in = f.inputs(core::Lang::ja);
  in.sites.pop_back();
  CHECK_THROWS_AS(report::plan_report(in), core::ArgumentError);
}

TEST_CASE("the plan report's PDF: text, credits, pages, A4 and the new site's star in place",
          "[report][plan][pdf][pixels]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  const Fixture f;
  const report::Report doc = report::plan_report(f.inputs(core::Lang::ja));
  const report::RenderedReport rendered = report::render_report(doc, report::PageSetup{});
  REQUIRE(rendered.files.size() == 1);
  test::ScratchDir dir;
  const fs::path pdf = dir / "plan.pdf";
  std::ofstream(pdf, std::ios::binary) << rendered.files[0].bytes;

  const std::string info = test::pdf_info(pdf);
  CHECK_THAT(info, Catch::Contains("Pages:           " + std::to_string(doc.pages.size())));
  CHECK_THAT(info, Catch::Contains("595 x 842 pts (A4)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("在宅医療の計画"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
  CHECK_THAT(text, Catch::Contains("福津市"));
  CHECK_THAT(text, Catch::Contains("副主治医"));
  CHECK_THAT(text, Catch::Contains("厚生労働省 医療情報ネット"));
  CHECK_THAT(text, Catch::Contains("政府統計の総合窓口(e-Stat)"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（道路データ）"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（行政区域データ）"));
  // Every page states that the times stand on the 1996 trunk roads.
  for (std::size_t page = 1; page <= doc.pages.size(); ++page) {
    INFO("page " << page);
    CHECK_THAT(test::pdf_text(pdf, static_cast<int>(page)), Catch::Contains("1996"));
  }

  // The recommended site is drawn as the proposed-site star (white, with a dark-green edge; not
  // the backup hospitals' purple) at its place on the new-site page's map.
  const report::PlacedMap* map = test::map_on_page(rendered, 2);
  REQUIRE(map != nullptr);
  constexpr int kDpi = 144;  // 2 px per point
  const auto raster = test::pdf_page_raster(pdf, 2, kDpi, dir / "page");
  REQUIRE(raster);
  const core::XY at = f.candidates[f.solution.chosen[0]].position;
  const auto& w = map->world;
  const double x =
      map->x_pt + (at.x - w.min_corner().x) / (w.max_corner().x - w.min_corner().x) * map->width_pt;
  const double y = map->y_pt + (w.max_corner().y - at.y) / (w.max_corner().y - w.min_corner().y) *
                                   map->height_pt;
  const style::PointSymbol star = style::default_symbol(core::Category::proposed_site).point;
  const auto px = raster->at(static_cast<int>(x * 2), static_cast<int>(y * 2));
  INFO("pixel " << px[0] << "," << px[1] << "," << px[2]);
  CHECK(test::near_colour(px, style::rgb(0xffffff), 20));
  // Its edge within the star's radius (raster px: 2 per point), and none 25 pt beside it.
  const auto edge_near = [&](double cx, double cy) {
    const int r = static_cast<int>(star.size_px * report::kPxToPt) + 2;
    for (int dy = -r; dy <= r; ++dy) {
      for (int dx = -r; dx <= r; ++dx) {
        if (test::near_colour(
                raster->at(static_cast<int>(cx * 2) + dx, static_cast<int>(cy * 2) + dy),
                star.outline, 30)) {
          return true;
        }
      }
    }
    return false;
  };
  CHECK(edge_near(x, y));
  CHECK_FALSE(edge_near(x - 25, y));
}

TEST_CASE("the accessibility page: 2SFCA by city, the least served cells, the map's classes",
          "[report][plan][access]") {
  const Fixture f;
  const report::Report r = report::plan_report(f.inputs(core::Lang::ja));
  const report::Page& p = r.pages[r.pages.size() - 2];
  CHECK(p.heading == "医療アクセス指標（2SFCA）");
  // By city: the people-weighted mean of the analysis's values, per 1,000 people.
  const report::TableBlock* means = block<report::TableBlock>(p, 0);
  REQUIRE(means != nullptr);
  REQUIRE(means->rows.size() == 3);
  for (std::size_t city = 0; city < 2; ++city) {
    double sum = 0.0;
    double people = 0.0;
    for (std::size_t i = 0; i < f.demand.points.size(); ++i) {
      if (f.demand.points[i].city == city) {
        sum += f.demand.points[i].people * f.access.access[i] * 1000.0;
        people += f.demand.points[i].people;
      }
    }
    CHECK(means->rows[city][2] == core::format_fixed(sum / people, 2));
  }
  // 福津市 has cells beyond every clinic: its least served cell is at 0, with people in it.
  const report::TableBlock* low = block<report::TableBlock>(p, 1);
  REQUIRE(low != nullptr);
  const auto east = std::find_if(low->rows.begin(), low->rows.end(),
                                 [](const auto& row) { return row[0] == "福津市"; });
  REQUIRE(east != low->rows.end());
  CHECK((*east)[5] == "0.00");
  // The distance basis: the 1996 trunk roads of the fixture's costs.
  const report::TextBlock* how = block<report::TextBlock>(p);
  REQUIRE(how != nullptr);
  CHECK_THAT(how->paragraphs.back(), Catch::Contains("1996"));
  const report::MapBlock* map = block<report::MapBlock>(p);
  REQUIRE(map != nullptr);
  const auto cells = std::find_if(map->layers.begin(), map->layers.end(), [](const auto& l) {
    return l.style.ramp && l.style.ramp->field == "access_per_1000";
  });
  REQUIRE(cells != map->layers.end());
  CHECK(cells->layer->size() == f.demand.points.size());
  CHECK_THAT(cells->title, Catch::Contains("1,000人あたり"));
}

TEST_CASE("the accessibility map in the PDF: cells without a clinic apart from served ones",
          "[report][plan][access][pdf][pixels]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  const Fixture f;
  const report::Report doc = report::plan_report(f.inputs(core::Lang::ja));
  const report::RenderedReport rendered = report::render_report(doc, report::PageSetup{});
  test::ScratchDir dir;
  const fs::path pdf = dir / "access.pdf";
  std::ofstream(pdf, std::ios::binary) << rendered.files.at(0).bytes;
  const int page = static_cast<int>(doc.pages.size()) - 1;
  const std::string text = test::pdf_text(pdf, page);
  CHECK_THAT(text, Catch::Contains("医療アクセス指標（2SFCA）"));
  CHECK_THAT(text, Catch::Contains("指標が最も低いメッシュ"));
  CHECK_THAT(text, Catch::Contains("政府統計の総合窓口(e-Stat)"));
  const report::PlacedMap* map = test::map_on_page(rendered, static_cast<std::size_t>(page));
  REQUIRE(map != nullptr);
  const auto raster = test::pdf_page_raster(pdf, page, 144, dir / "page");
  REQUIRE(raster);
  const auto colour_at = [&](core::XY at) {
    const auto& w = map->world;
    const double x = map->x_pt + (at.x - w.min_corner().x) / (w.max_corner().x - w.min_corner().x) *
                                     map->width_pt;
    const double y = map->y_pt + (w.max_corner().y - at.y) / (w.max_corner().y - w.min_corner().y) *
                                     map->height_pt;
    return raster->at(static_cast<int>(x * 2), static_cast<int>(y * 2));
  };
  // The cell centred at (15, 9) km is 8 km from the lone eastern clinic: none in reach, drawn
  // in the warning colour; the cell at (5, 3) km has four clinics in reach: blue.
  std::size_t zero = 0;
  std::size_t served = 0;
  for (std::size_t i = 0; i < f.demand.points.size(); ++i) {
    const core::XY at = f.demand.points[i].position;
    zero = at.x == 15000 && at.y == 9000 ? i : zero;
    served = at.x == 5000 && at.y == 3000 ? i : served;
  }
  REQUIRE(f.access.access[zero] == 0.0);
  REQUIRE(f.access.access[served] > 0.0);
  const auto warn = colour_at(f.demand.points[zero].position);
  INFO("zero " << warn[0] << "," << warn[1] << "," << warn[2]);
  CHECK(warn[0] > warn[2] + 80);
  const auto blue = colour_at(f.demand.points[served].position);
  INFO("served " << blue[0] << "," << blue[1] << "," << blue[2]);
  CHECK(blue[2] > blue[0] + 30);
}
