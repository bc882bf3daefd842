// `caremap report coverage`, `report drill` and `report plan` on the default region, read back
// as a committee member would get it: pdfinfo (pages, paper), pdftotext (title, place names,
// every credit line), and the options.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "core/number_format.hpp"
#include "io/io_test_support.hpp"
#include "support/poppler.hpp"
#include "test_paths.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

nlohmann::json run_report(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"report", "coverage", "--json", "--date", "2026-12-07"};
  args.insert(args.end(), extra.begin(), extra.end());
  const test::CliRun r = test::run_caremap(args);
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  return nlohmann::json::parse(r.out);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("report coverage writes a Japanese PDF with every credit the data requires",
          "[cli][report]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "clinics.pdf";
  const auto j = run_report({"--out", pdf.string()});
  const int pages = j["pages"];
  // Overview, density, figures, distances, every kind, two atlas pages per city, provenance.
  CHECK(pages == 10);
  const std::string info = test::pdf_info(pdf);
  CHECK_THAT(info, Catch::Contains("Pages:           " + std::to_string(pages)));
  CHECK_THAT(info, Catch::Contains("595 x 842 pts (A4)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("宗像市・福津市"));
  CHECK_THAT(text, Catch::Contains("カバー状況"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
  CHECK_THAT(text, Catch::Contains("福津市"));
  CHECK_THAT(text, Catch::Contains("2026-12-07"));
  // SOURCES.md: boundaries, MHLW facility data with the Geolonia positions, e-Stat population
  // (apportioned), and the N01 roads drawn on the maps.
  CHECK_THAT(text, Catch::Contains("国土数値情報（行政区域データ）"));
  CHECK_THAT(text, Catch::Contains("厚生労働省 医療情報ネット"));
  CHECK_THAT(text, Catch::Contains("Geolonia"));
  CHECK_THAT(text, Catch::Contains("政府統計の総合窓口(e-Stat)"));
  CHECK_THAT(text, Catch::Contains("面積按分して加工"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（道路データ）"));
  CHECK_THAT(text, Catch::Contains("caremap 0.1.0"));
  // The data and conditions in Japanese (the roads relative to the data folder, with their
  // date; no layer ids or English parameters).
  const std::string conditions = test::pdf_text(pdf, 10);
  CHECK_THAT(conditions, Catch::Contains("munakata-fukutsu/roads_n01_1996.geojson（1996-12-31）"));
  CHECK_THAT(conditions, Catch::Contains("半径の決め方：レイヤー・施設の種類ごとの既定値"));
  CHECK_THAT(conditions, !Catch::Contains("radius_from"));
  CHECK_THAT(conditions, !Catch::Contains("boundary"));
  CHECK_THAT(conditions, !Catch::Contains("clinics "));
  // The hospitals' credit is the first part of the clinics': every footer names it once.
  for (const int page : {1, 2, 5, 6, 8, 10}) {
    INFO("page " << page);
    const std::string page_text = test::pdf_text(pdf, page);
    const std::size_t footer = page_text.rfind("出典・クレジット");
    REQUIRE(footer != std::string::npos);
    CHECK(occurrences(page_text.substr(footer), "厚生労働省 医療情報ネット") == 1);
  }
}

TEST_CASE("report coverage in English on A3 landscape", "[cli][report]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "en.pdf";
  run_report({"--out", pdf.string(), "--lang", "en", "--paper", "a3", "--orientation", "landscape",
              "--category", "hospital", "--no-roads"});
  CHECK_THAT(test::pdf_info(pdf), Catch::Contains("1191 x 842 pts (A3)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("Data and conditions"));
  CHECK_THAT(text, Catch::Contains("Hospital"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
  // The legends in English with ASCII brackets, not the project file's Japanese titles.
  const std::string page1 = test::pdf_text(pdf, 1);
  CHECK_THAT(page1, Catch::Contains("Hospital (12)"));
  CHECK_THAT(page1, !Catch::Contains("病院（"));
  CHECK_THAT(test::pdf_text(pdf, 2), Catch::Contains("Population (people per km²)"));
  CHECK_THAT(text, !Catch::Contains("人口（令和2年"));
  CHECK_THAT(text, Catch::Contains("(straight line) of a hospital"));
  CHECK_THAT(text, !Catch::Contains("%）"));
}

TEST_CASE("report coverage writes one PNG or SVG per page", "[cli][report]") {
  test::ScratchDir dir;
  const auto j = run_report({"--out", (dir / "r.png").string(), "--dpi", "40"});
  const std::size_t pages = j["pages"];
  CHECK(j["files"].size() == pages);
  CHECK(fs::exists(dir / "r.png"));
  CHECK(fs::exists(dir / ("r-" + std::to_string(pages) + ".png")));
  run_report({"--out", (dir / "s.svg").string()});
  CHECK(fs::exists(dir / "s-2.svg"));
}

TEST_CASE("report coverage refuses what it cannot print", "[cli][report]") {
  test::ScratchDir dir;
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--out", (dir / "r.doc").string()}, cli::exit_bad_arguments, ".pdf, .svg or .png"},
      {{"--out", (dir / "r.pdf").string(), "--paper", "letter"}, cli::exit_bad_arguments, "a4"},
      {{"--out", (dir / "r.pdf").string(), "--lang", "fr"}, cli::exit_bad_arguments, "ja or en"},
      {{"--out", (dir / "none" / "r.pdf").string()}, cli::exit_output_failed, "does not exist"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"report", "coverage"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const test::CliRun r = test::run_caremap(args);
    INFO(r.err);
    CHECK(r.code == c.code);
    CHECK_THAT(r.err, Catch::Contains(c.message));
  }
  CHECK(dir.files().empty());
}

TEST_CASE("report coverage --atlas-zones adds a page per hazard zone", "[cli][report][atlas]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  // Two test zones (not published hazard data): the whole region, and central 宗像市.
  const auto zones = dir / "zones.geojson";
  std::ofstream(zones) << R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"zone":"全域（試験）"},"geometry":{"type":"Polygon",
     "coordinates":[[[129.9,33.5],[130.9,33.5],[130.9,34.4],[129.9,34.4],[129.9,33.5]]]}},
    {"type":"Feature","properties":{"zone":"宗像市中心部（試験）"},"geometry":{"type":"Polygon",
     "coordinates":[[[130.50,33.76],[130.60,33.76],[130.60,33.84],[130.50,33.84],[130.50,33.76]]]}}
    ]})";
  const fs::path pdf = dir / "zones.pdf";
  const auto plain = run_report({"--out", (dir / "plain.pdf").string(), "--no-roads"});
  const auto j = run_report({"--out", pdf.string(), "--no-roads", "--atlas-zones", zones.string(),
                             "--zone-name-field", "zone"});
  const int pages = j["pages"];
  CHECK(pages == plain["pages"].get<int>() + 2);
  CHECK_THAT(test::pdf_info(pdf), Catch::Contains("Pages:           " + std::to_string(pages)));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("区域別：全域（試験）"));
  CHECK_THAT(text, Catch::Contains("区域別：宗像市中心部（試験）"));
  CHECK_THAT(text, Catch::Contains("区域内の施設を失ったとき"));
  CHECK_THAT(text, Catch::Contains("zones.geojson"));
  CHECK_THAT(text, Catch::Contains("政府統計の総合窓口(e-Stat)"));
  // The whole region's zone holds everyone `caremap coverage` counts, and with every clinic lost
  // all of them are beyond reach.
  const test::CliRun coverage = test::run_caremap({"coverage", "--json"});
  REQUIRE(coverage.code == cli::exit_ok);
  const double total = nlohmann::json::parse(coverage.out)["people"]["total"]["people"];
  const std::string whole = test::pdf_text(pdf, pages - 2);
  CHECK_THAT(whole, Catch::Contains(core::format_people(total)));
  CHECK_THAT(whole, Catch::Contains(core::format_people(total) + "（" +
                                    core::format_share(total, total) + "）"));

  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::string point = (dir / "point.geojson").string();
  std::ofstream(point) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"zone":"x"},"geometry":{"type":"Point","coordinates":[130.55,33.8]}}]})";
  for (const Case& c : std::vector<Case>{
           {{"--atlas-zones", zones.string(), "--zone-name-field", "nope"}, "zone-name-field nope"},
           {{"--atlas-zones", point}, "no polygon"},
           {{"--zone-name-field", "zone"}, "needs --atlas-zones"}}) {
    std::vector<std::string> args{"report", "coverage", "--out", (dir / "bad.pdf").string()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const test::CliRun r = test::run_caremap(args);
    INFO(r.err);
    CHECK(r.code != cli::exit_ok);
    CHECK_THAT(r.err, Catch::Contains(c.message));
    if (c.args.size() > 2) {
      CHECK_THAT(r.err, Catch::Contains(c.args[1]));  // the file
    }
  }
  CHECK_FALSE(fs::exists(dir / "bad.pdf"));
}

TEST_CASE("report drill writes the drill's record with a page per inject", "[cli][report][drill]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "drill.pdf";
  const std::string scenario =
      std::string(CAREMAP_TEST_DATA_DIR) + "/drills/munakata-fukutsu/drill.json";
  const test::CliRun r = test::run_caremap(
      {"report", "drill", scenario, "--out", pdf.string(), "--json", "--date", "2026-12-07"});
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  // Timeline, the three injects, the hospital tables, the patients not placed, data and
  // conditions.
  CHECK(j["pages"] == 7);
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("災害訓練の記録"));
  CHECK_THAT(text, Catch::Contains("訓練用データ"));
  CHECK_THAT(text, Catch::Contains("t = 20 分"));
  CHECK_THAT(text, Catch::Contains("宗像水光会総合病院"));
  CHECK_THAT(text, Catch::Contains("停電"));
  // The timeline's last column, the hospitals above 80 %, has its header on the page.
  CHECK_THAT(test::pdf_text(pdf, 1), Catch::Contains("80 %超の病院"));
  // What the times stand on: the 1996 trunk roads, and their credit.
  CHECK_THAT(text, Catch::Contains("1996"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（道路データ）"));
  // The data list names the region's layers by their titles, not their file names.
  const std::string data_page = test::pdf_text(pdf, 7);
  CHECK_THAT(data_page, Catch::Contains("指定避難所"));
  CHECK_THAT(data_page, !Catch::Contains("shelters_designated_evacuation.ge…"));
  // A failed run leaves the earlier file as it was.
  const std::string before = test::read_text(pdf);
  const test::CliRun bad =
      test::run_caremap({"report", "drill", scenario, "--out", pdf.string(), "--paper", "b5"});
  CHECK(bad.code != cli::exit_ok);
  CHECK(test::read_text(pdf) == before);
}

TEST_CASE("report drill --atlas hospitals adds a page per hospital of the drill",
          "[cli][report][drill][atlas]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "atlas.pdf";
  const std::string scenario =
      std::string(CAREMAP_TEST_DATA_DIR) + "/drills/munakata-fukutsu/drill.json";
  const std::vector<std::string> common{"report", "drill",      scenario,    "--json",
                                        "--date", "2026-12-07", "--no-roads"};
  auto args = common;
  args.insert(args.end(), {"--out", (dir / "plain.pdf").string()});
  const test::CliRun plain = test::run_caremap(args);
  REQUIRE(plain.code == cli::exit_ok);
  args = common;
  args.insert(args.end(), {"--out", pdf.string(), "--atlas", "hospitals"});
  const test::CliRun r = test::run_caremap(args);
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  // The scenario's capacities name its hospitals: one atlas page each.
  const std::string json = test::read_text(fs::path(scenario));
  std::size_t hospitals = 0;
  for (std::size_t at = json.find("\"free_beds\""); at != std::string::npos;
       at = json.find("\"free_beds\"", at + 1)) {
    ++hospitals;
  }
  const int pages = nlohmann::json::parse(r.out)["pages"];
  CHECK(pages ==
        nlohmann::json::parse(plain.out)["pages"].get<int>() + static_cast<int>(hospitals));
  CHECK_THAT(test::pdf_info(pdf), Catch::Contains("Pages:           " + std::to_string(pages)));
  const std::string text = test::pdf_text(pdf);
  std::size_t headings = 0;
  for (std::size_t at = text.find("病院別："); at != std::string::npos;
       at = text.find("病院別：", at + 1)) {
    ++headings;
  }
  CHECK(headings == hospitals);
  for (const char* name : {"摩利支病院", "宗像水光会総合病院", "東福間病院", "津屋崎中央病院"}) {
    CHECK_THAT(text, Catch::Contains(name));
  }
  CHECK_THAT(text, Catch::Contains("状況ごとの受入と病床"));
  CHECK_THAT(text, Catch::Contains("停電"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（行政区域データ）"));
  CHECK_THAT(text, Catch::Contains("厚生労働省 医療情報ネット"));

  args = common;
  args.insert(args.end(), {"--out", (dir / "bad.pdf").string(), "--atlas", "cities"});
  const test::CliRun bad = test::run_caremap(args);
  CHECK(bad.code == cli::exit_bad_arguments);
  CHECK_THAT(bad.err, Catch::Contains("--atlas cities"));
}

TEST_CASE("report plan writes the planning handout from the plan commands' figures",
          "[cli][report][plan]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "plan.pdf";
  const test::CliRun r = test::run_caremap(
      {"report", "plan", "--out", pdf.string(), "--json", "--date", "2026-12-07"});
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  // Summary, new site, N-1 with its worst case, two pages of backups, accessibility, data and
  // conditions.
  CHECK(j["pages"] == 7);
  const std::string info = test::pdf_info(pdf);
  CHECK_THAT(info, Catch::Contains("Pages:           7"));
  CHECK_THAT(info, Catch::Contains("595 x 842 pts (A4)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("在宅医療の計画"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
  CHECK_THAT(text, Catch::Contains("福津市"));
  CHECK_THAT(text, Catch::Contains("副主治医"));
  CHECK_THAT(text, Catch::Contains("厚生労働省 医療情報ネット"));
  CHECK_THAT(text, Catch::Contains("Geolonia"));
  CHECK_THAT(text, Catch::Contains("政府統計の総合窓口(e-Stat)"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（道路データ）"));
  CHECK_THAT(text, Catch::Contains("国土数値情報（行政区域データ）"));
  CHECK_THAT(text, Catch::Contains("caremap 0.1.0"));
  for (int page = 1; page <= 7; ++page) {
    INFO("page " << page);
    CHECK_THAT(test::pdf_text(pdf, page), Catch::Contains("1996"));
  }
  // Clinics at one address point have a nearest other clinic 0.0 km away: the backup pages
  // say why.
  for (const int page : {4, 5}) {
    INFO("page " << page);
    CHECK_THAT(test::pdf_text(pdf, page), Catch::Contains("同じ地点に置かれた施設どうし"));
  }
  // The data and conditions in Japanese: sources by their titles, the roads like the other
  // files (relative to the data folder, with the data's date), the parameters in words.
  const std::string conditions = test::pdf_text(pdf, 7);
  CHECK_THAT(conditions, Catch::Contains("munakata-fukutsu/roads_n01_1996.geojson（1996-12-31）"));
  CHECK_THAT(conditions, Catch::Contains("圏内の範囲：20分以内"));
  CHECK_THAT(conditions, Catch::Contains("行政区域"));
  CHECK_THAT(conditions, !Catch::Contains("reach="));
  CHECK_THAT(conditions, !Catch::Contains("maximal covering"));
  CHECK_THAT(conditions, !Catch::Contains("boundary"));

  // The worst N-1 closure is the one `caremap plan n-1` ranks first, with its figures.
  const test::CliRun n1 = test::run_caremap({"plan", "n-1", "--json"});
  REQUIRE(n1.code == cli::exit_ok);
  const auto worst = nlohmann::json::parse(n1.out)["losses"][0];
  const std::string name = worst["removed"][0];
  const double lost = worst["lost_cover"]["people"];
  CHECK_THAT(text, Catch::Contains("最も影響の大きい診療所は" + name));
  CHECK_THAT(text, Catch::Contains(core::format_people(lost) + " 人（75歳以上"));

  // The accessibility page: `caremap access` with the report's reach as the catchment gives
  // the same mean per city.
  const std::string access_page = test::pdf_text(pdf, 6);
  CHECK_THAT(access_page, Catch::Contains("医療アクセス指標（2SFCA）"));
  CHECK_THAT(access_page, Catch::Contains("幹線道路のみ（国土数値情報 道路 1996年）"));
  const test::CliRun access =
      test::run_caremap({"access", "--method", "2sfca", "--catchment", "20min", "--json"});
  REQUIRE(access.code == cli::exit_ok);
  // Parsed into a named value: a range-for over a member of a temporary outlives the temporary.
  const nlohmann::json access_json = nlohmann::json::parse(access.out);
  for (const auto& city : access_json["cities"]) {
    const std::string name = city["city"];
    if (name.find("all") == std::string::npos) {
      CHECK_THAT(access_page, Catch::Contains(core::format_fixed(
                                  city["mean_access_per_1000"].get<double>(), 2)));
    }
  }

  // A failed run leaves the earlier file as it was.
  const std::string before = test::read_text(pdf);
  const test::CliRun bad =
      test::run_caremap({"report", "plan", "--out", pdf.string(), "--reach", "0min"});
  CHECK(bad.code != cli::exit_ok);
  CHECK(test::read_text(pdf) == before);
}

TEST_CASE("report plan in English on A4 landscape, by straight line", "[cli][report][plan]") {
  CAREMAP_SKIP_WITHOUT_POPPLER();
  test::ScratchDir dir;
  const fs::path pdf = dir / "plan-en.pdf";
  const test::CliRun r =
      test::run_caremap({"report", "plan", "--out", pdf.string(), "--lang", "en", "--orientation",
                         "landscape", "--straight-line", "--reach", "4km", "--date", "2026-12-07"});
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  CHECK_THAT(test::pdf_info(pdf), Catch::Contains("842 x 595 pts (A4)"));
  const std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Catch::Contains("home care planning"));
  CHECK_THAT(text, !Catch::Contains("%）"));  // "96,576 (99.9 %)", not fullwidth brackets
  // Plurals: one new site is "a new site", not "1 clinics"; "every" takes no plural.
  CHECK_THAT(text, !Catch::Contains("Adding 1 "));
  CHECK_THAT(text, !Catch::Contains("every clinics"));
  CHECK_THAT(text, Catch::Contains("straight line"));
  CHECK_THAT(text, Catch::Contains("Data and conditions"));
  CHECK_THAT(text, Catch::Contains("宗像市"));
}
