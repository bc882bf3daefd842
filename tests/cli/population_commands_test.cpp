// People in the commands: `population import`, and the people figures of info, summary,
// coverage and nearest on the default region's shipped census file; 板橋区 has none.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"
#include "test_paths.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

const fs::path kCensus =
    fs::path(CAREMAP_TEST_DATA_DIR) / "munakata-fukutsu" / "population" / "tblT001101H5030.txt";

nlohmann::json json_of(const std::vector<std::string>& args) {
  const test::CliRun r = test::run_caremap(args);
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  return nlohmann::json::parse(r.out);
}

// The 2020 census (令和2年国勢調査) counted about 97,100 people in 宗像市 and 67,300 in 福津市.
// The mesh gives a little less: the sea parts of the coastal cells keep their share (SOURCES.md).
void check_plausible(const nlohmann::json& city) {
  const double people = city["people"];
  if (city["city"] == "宗像市") {
    CHECK(people > 95000.0);
    CHECK(people < 97200.0);
  } else {
    CHECK(city["city"] == "福津市");
    CHECK(people > 65500.0);
    CHECK(people < 67500.0);
  }
  // About 29 % of 宗像市's and 28 % of 福津市's people were 65 or older in 2020.
  CHECK(city["people_65plus"].get<double>() / people == Approx(0.285).margin(0.02));
}

}  // namespace

TEST_CASE("population import reads the shipped e-Stat file and reports every choice",
          "[cli][population]") {
  test::ScratchDir dir;
  const auto out = dir / "mesh.gpkg";
  const auto j = json_of({"population", "import", kCensus.string(), "--json", "--data-date",
                          "2020-10-01", "--out", out.string()});
  const auto& r = j["report"];
  // Counted independently of the reader: 9,496 data rows, HTKSYORI 0 / 1 / 2 = 7,227 / 1,011 /
  // 1,258, and the column 人口（総数） sums to 4,685,631.
  CHECK(r["rows"] == 9496);
  CHECK(r["cells"] == 9496);
  CHECK(r["ordinary_cells"] == 7227);
  CHECK(r["receiving_cells"] == 1011);
  CHECK(r["withheld_cells"] == 1258);
  CHECK(r["shared_cells"] == 1011 + 1258);
  CHECK(r["unresolved_withheld"] == 0);
  CHECK(r["people"].get<double>() == 4685631.0);
  CHECK(r["columns"].size() == 50);
  REQUIRE(j["people"]["cities"].size() == 2);
  for (const auto& c : j["people"]["cities"]) {
    check_plausible(c);
  }
  CHECK(fs::exists(out));

  const test::CliRun text = test::run_caremap({"population", "import", kCensus.string()});
  CHECK(text.code == cli::exit_ok);
  CHECK_THAT(text.out, Catch::Contains("1258 cells withheld") && Catch::Contains("pop_65plus") &&
                           Catch::Contains("宗像市"));
  const test::CliRun wrong = test::run_caremap(
      {"population", "import",
       (fs::path(CAREMAP_TEST_DATA_DIR) / "munakata-fukutsu" / "hospitals.csv").string()});
  CHECK(wrong.code == cli::exit_bad_input);
  CHECK_THAT(wrong.err, Catch::Contains("KEY_CODE"));
}

TEST_CASE("info and summary give people per city; 板橋区 says it has none", "[cli][population]") {
  const auto info = json_of({"info", "--json"});
  REQUIRE(info["people"]["cities"].size() == 2);
  for (const auto& c : info["people"]["cities"]) {
    check_plausible(c);
  }
  CHECK(info["people"]["basis"]["en"] == "2020 census 500 m mesh population (apportioned by area)");

  const auto summary = json_of({"summary", "--json"});
  // The home-care team's offices are summarised with their planning reach (8 km for a
  // visiting-nurse station, coverage_radius.cpp).
  bool nurses = false;
  for (const auto& row : summary["coverage"]) {
    if (row["category"] == "visiting_nurse_station") {
      nurses = true;
      CHECK(row["radius_m"].get<double>() == Approx(8000.0));
      REQUIRE(row["cities"].size() == 2);
    }
  }
  CHECK(nurses);
  const auto& bands = summary["people_by_distance"];
  REQUIRE(bands.is_array());
  REQUIRE(!bands.empty());
  for (const auto& b : bands) {
    for (const auto& c : b["cities"]) {
      double sum = 0.0;
      for (const auto& v : c["people_by_band"]) {
        sum += v.get<double>();
      }
      CHECK(sum == Approx(c["people"].get<double>()));
      if (!c["median_person"].is_null() && !c["p90_person"].is_null()) {
        CHECK(c["median_person"].get<double>() <= c["p90_person"].get<double>());
      }
    }
  }

  const test::CliRun itabashi = test::run_caremap({"info", "--region", "itabashi"});
  CHECK(itabashi.code == cli::exit_ok);
  CHECK_THAT(itabashi.out, Catch::Contains("人口データなし（面積のみ）"));
  const test::CliRun itabashi_coverage = test::run_caremap(
      {"coverage", "--region", "itabashi", "--category", "hospital", "--mesh", "none"});
  CHECK(itabashi_coverage.code == cli::exit_ok);
  CHECK_THAT(itabashi_coverage.out, Catch::Contains("人口データなし"));
}

TEST_CASE("coverage in people: most people live near a clinic, most of the area does not",
          "[cli][population]") {
  const auto j =
      json_of({"coverage", "--category", "clinic", "--radius", "1km", "--mesh", "none", "--json"});
  CHECK(j["basis"]["demand"]["ja"] == "2020年国勢調査 500mメッシュ人口（面積按分）");
  for (const auto& c : j["cities"]) {
    const auto& p = c["people"];
    const double total = p["total"]["people"];
    const double covered = p["covered"]["people"];
    CHECK(covered + p["gap"]["people"].get<double>() == Approx(total));
    CHECK(p["backup"]["people"].get<double>() <= covered + 1e-6);
    CHECK(p["covered"]["people_75plus"].get<double>() <= p["total"]["people_75plus"].get<double>());
    // People cluster in the towns: the share of people within 1 km of a clinic is well above
    // the share of the area.
    CHECK(covered / total > c["covered_pct"].get<double>() / 100.0 + 0.2);
  }
}

TEST_CASE("nearest from the census cells: the median and the 90th-percentile person",
          "[cli][population]") {
  const auto j = json_of({"nearest", "--demand-layer", "population", "--json"});
  REQUIRE(j["per_person_m"].size() == 2);
  for (const auto& c : j["per_person_m"]) {
    CHECK(c["median_person"].get<double>() > 0.0);
    CHECK(c["median_person"].get<double>() <= c["p90_person"].get<double>());
    // No one in either city is 20 km from a hospital.
    CHECK(c["p90_person"].get<double>() < 20000.0);
  }
}
