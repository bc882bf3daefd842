// `caremap drill run` and `caremap drill generate` as a user runs them: the ready drill of the
// default region through its three injects (summary in Japanese by default, JSON, CSV and
// GeoPackage with the drill-data mark), scenario errors naming the field, and the generator's
// reproducibility.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"
#include "test_paths.hpp"

using namespace caremap;

namespace {

const std::string kDrill =
    std::string(CAREMAP_TEST_DATA_DIR) + "/drills/munakata-fukutsu/drill.json";

}  // namespace

TEST_CASE("drill run: the region's drill through its three injects", "[cli][drill]") {
  const test::CliRun r = test::run_caremap({"drill", "run", kDrill, "--json"});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["drill_data"] == true);
  CHECK(j["by_road"] == true);
  CHECK_THAT(j["times_by"]["ja"].get<std::string>(), Catch::Contains("国土数値情報 道路"));
  REQUIRE(j["injects"].size() == 3);
  const std::vector<double> times{0, 20, 40};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& in = j["injects"][i];
    CHECK(in["t_min"] == times[i]);
    int load = 0;
    for (const auto& h : in["hospitals"]) {
      REQUIRE(h["load"].get<int>() <= h["capacity"].get<int>());
      load += h["load"].get<int>();
    }
    CHECK(load == in["placed"].get<int>());
    CHECK(in["placed"].get<int>() > 0);
    CHECK(in["mean_time_s"].get<double>() <= in["max_time_s"].get<double>());
  }
  // The closure lengthens trips; the power cut at 宗像水光会総合病院 moves the patients who need
  // power, and shows.
  CHECK(j["injects"][1]["time_added_s"].get<double>() > 0.0);
  CHECK(j["injects"][2]["moved"].get<int>() > 0);
  bool no_power = false;
  for (const auto& h : j["injects"][2]["hospitals"]) {
    if (h["id"] == "4011400002870") {
      no_power = h["no_power"];
    }
  }
  CHECK(no_power);
}

TEST_CASE("drill run: the summary is in Japanese by default and says it is drill data",
          "[cli][drill]") {
  const test::CliRun ja = test::run_caremap({"drill", "run", kDrill});
  REQUIRE(ja.code == cli::exit_ok);
  CHECK_THAT(ja.out, Catch::Contains("訓練用に生成したデータ"));
  CHECK_THAT(ja.out, Catch::Contains("== t = 20 分"));
  CHECK_THAT(ja.out, Catch::Contains("前の状況からの変化"));
  const test::CliRun en = test::run_caremap({"drill", "run", kDrill, "--lang", "en"});
  REQUIRE(en.code == cli::exit_ok);
  CHECK_THAT(en.out, Catch::Contains("generated drill data"));
  CHECK_THAT(en.out, Catch::Contains("Since the inject before"));
  const test::CliRun line = test::run_caremap({"drill", "run", kDrill, "--straight-line"});
  REQUIRE(line.code == cli::exit_ok);
  CHECK_THAT(line.out, Catch::Contains("直線距離"));
  CHECK_THAT(line.out, Catch::Contains("道路網なし"));
}

TEST_CASE("drill run writes the assignment CSV and the GeoPackage, every row drill data",
          "[cli][drill]") {
  test::ScratchDir dir;
  const auto out = dir / "out";
  const test::CliRun r = test::run_caremap({"drill", "run", kDrill, "--out-dir", out.string()});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto rows = test::parse_csv(test::read_text(out / "drill_assignment.csv"));
  REQUIRE(rows.size() > 1);
  const auto& header = rows[0];
  const auto col = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t data = col("data");
  const std::size_t placed = col("placed");
  const std::size_t reason = col("not_placed_reason");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i][data] == "訓練用データ / drill data");
    // Every patient is placed or says why not.
    REQUIRE((rows[i][placed] == "1") != !rows[i][reason].empty());
  }
  GDALAllRegister();
  const GDALDatasetUniquePtr gpkg(
      GDALDataset::Open((out / "drill.gpkg").string().c_str(), GDAL_OF_VECTOR));
  REQUIRE(gpkg);
  CHECK(gpkg->GetLayerByName("drill_routes") != nullptr);
  CHECK(gpkg->GetLayerByName("drill_hospital_load") != nullptr);
  CHECK(gpkg->GetLayerByName("drill_assignment") != nullptr);
  CHECK(gpkg->GetLayerByName("drill_routes")->GetFeatureCount() > 0);
}

TEST_CASE("drill run: a scenario error names the file and the field", "[cli][drill]") {
  test::ScratchDir dir;
  std::string text = test::read_text(kDrill);
  const std::string from = "\"kind\": \"no_power\"";
  text.replace(text.find(from), from.size(), "\"kind\": \"blackout\"");
  const auto path = dir / "drill.json";
  test::write_text(path, text);
  const test::CliRun r = test::run_caremap({"drill", "run", path.string()});
  CHECK(r.code == cli::exit_bad_input);
  CHECK_THAT(r.err, Catch::Contains("injects[2].outages[0].kind"));
  CHECK_THAT(r.err, Catch::Contains("expected \"damaged\" or \"no_power\", got \"blackout\""));
}

TEST_CASE("drill generate: the same seed gives the same patients, marked as drill data",
          "[cli][drill]") {
  test::ScratchDir dir;
  const auto gen = [&](const std::string& file, const std::string& seed) {
    const test::CliRun r =
        test::run_caremap({"drill", "generate", "--count", "40", "--seed", seed, "--by",
                           "care-capacity", "--out", (dir / file).string()});
    INFO(r.err);
    REQUIRE(r.code == cli::exit_ok);
    return test::read_text(dir / file);
  };
  const std::string a = gen("a.csv", "5");
  CHECK(a == gen("b.csv", "5"));
  CHECK(a != gen("c.csv", "6"));
  const auto rows = test::parse_csv(a);
  REQUIRE(rows.size() == 41);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(std::find(rows[i].begin(), rows[i].end(), "訓練用データ / drill data") !=
            rows[i].end());
  }
  const test::CliRun bad = test::run_caremap({"drill", "generate", "--count", "5", "--needs",
                                              "ventilator=2", "--out", (dir / "x.csv").string()});
  CHECK(bad.code == cli::exit_bad_arguments);
  CHECK_THAT(bad.err, Catch::Contains("--needs"));
}
