// The `caremap` command, run in process through run_cli with a table of
// (arguments, expected exit code, text expected on stdout and stderr).

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/gdal_fixtures.hpp"
#include "io/io_test_support.hpp"
#include "test_paths.hpp"

using namespace caremap;
using caremap::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

using Run = test::CliRun;

Run run(const std::vector<std::string>& args) {
  return test::run_caremap(args);
}

struct Case {
  std::string name;
  std::vector<std::string> args;
  int code;
  std::vector<std::string> out_has;
  std::vector<std::string> err_has;
};

void check_case(const Case& c) {
  const Run r = run(c.args);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(r.code == c.code);
  for (const auto& s : c.out_has) {
    CHECK_THAT(r.out, Catch::Contains(s));
  }
  for (const auto& s : c.err_has) {
    CHECK_THAT(r.err, Catch::Contains(s));
  }
}

const fs::path kData = CAREMAP_TEST_DATA_DIR;
const std::string kHospitals = (kData / "munakata-fukutsu" / "hospitals.csv").string();
const std::string kMunakataOffice = "130.5403,33.8057";  // 宗像市役所

}  // namespace

TEST_CASE("successful commands", "[cli]") {
  const std::vector<Case> cases{
      {"help lists commands and exit codes",
       {"--help"},
       cli::exit_ok,
       {"nearest", "coverage", "summary", "Exit codes"},
       {}},
      {"command help", {"nearest", "--help"}, cli::exit_ok, {"--max-distance", "--demand"}, {}},
      {"info on the default region",
       {"info"},
       cli::exit_ok,
       {"宗像市・福津市", "EPSG:6670", "病院", "of which backup_hospital", "宗像市", "福津市",
        "国土数値情報"},
       {}},
      {"regions are listed",
       {"info", "--list-regions"},
       cli::exit_ok,
       {"munakata-fukutsu", "itabashi"},
       {}},
      {"the second region opens in its own zone",
       {"info", "--region", "itabashi"},
       cli::exit_ok,
       {"EPSG:6677", "板橋区"},
       {}},
      {"the national region opens without the care facilities geocoded abroad",
       {"info", "--region", "national"},
       cli::exit_ok,
       {"Lambert Conformal Conic",
        "510_tokuyou_20250601.csv: 6 rows: outside the project's valid extent",
        "520_rouken_20250601.csv: 4 rows: outside the project's valid extent",
        "760_regular_patrol_nursing_20250601.csv: 3 rows: outside the project's valid extent"},
       {}},
      // The figures below were checked by hand against the data (distances recomputed on the
      // ellipsoid from the files' coordinates; areas from the N03 polygons; see the tests
      // "nearest distances agree ..." and "coverage figures add up ...").
      {"summary",
       {"summary"},
       cli::exit_ok,
       {"Nearest hospital", "宗像市 covered", "shelter_evacuation",
        // The farthest shelter: 大島 (an island), 12.9 km from 津屋崎中央病院.
        "大島地区コミュニティ・センター", "12.9 km", "津屋崎中央病院"},
       {}},
      {"nearest hospitals to a place",
       {"nearest", "--from", kMunakataOffice, "-k", "3"},
       cli::exit_ok,
       {"Nearest to 130.54030,33.80570", "摩利支病院", "387 m"},
       {}},
      {"coverage of clinics",
       {"coverage", "--category", "clinic"},
       cli::exit_ok,
       {"Coverage of clinic", "JIS mesh cells", "宗像市    119.92", "99.2 %", "福津市     52.75",
        "100.0 %"},
       {}},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      check_case(c);
    }
  }
}

TEST_CASE("bad arguments exit with code 2 and say what is wrong", "[cli]") {
  const std::vector<Case> cases{
      {"no command", {}, cli::exit_bad_arguments, {}, {"caremap --help"}},
      {"unknown option", {"info", "--colour"}, cli::exit_bad_arguments, {}, {"--colour"}},
      {"swapped place",
       {"nearest", "--from", "33.8057,130.5403"},
       cli::exit_bad_arguments,
       {},
       {"longitude comes first"}},
      {"unknown category",
       {"nearest", "--from", kMunakataOffice, "--category", "hospitals"},
       cli::exit_bad_arguments,
       {},
       {"unknown category 'hospitals'"}},
      {"nowhere to search from", {"nearest"}, cli::exit_bad_arguments, {}, {"--from"}},
      {"k of zero",
       {"nearest", "--from", kMunakataOffice, "-k", "0"},
       cli::exit_bad_arguments,
       {},
       {"-k"}},
      {"negative radius",
       {"coverage", "--radius", "-5km"},
       cli::exit_bad_arguments,
       {},
       {"--radius", "more than zero"}},
      {"unknown mesh", {"coverage", "--mesh", "300m"}, cli::exit_bad_arguments, {}, {"300m"}},
      {"unknown region",
       {"info", "--region", "atlantis"},
       cli::exit_bad_arguments,
       {},
       {"atlantis", "munakata-fukutsu"}},
      {"unknown output format",
       {"coverage", "--out", "/tmp/x.docx"},
       cli::exit_bad_arguments,
       {},
       {"docx"}},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      check_case(c);
    }
  }
}

TEST_CASE("bad input exits with code 3 naming the file and the problem", "[cli]") {
  ScratchDir dir;
  test::write_text(dir / "data.xyz", "not a geodata file\n");
  test::write_text(dir / "broken.geojson", R"({"type": "FeatureCollection", "features": [)");
  test::write_text(dir / "list.csv",
                   "医療機関コード,医療機関名称,住所\n0511246,池田内科,福津市中央\n");
  test::write_points(dir / "nocrs.shp", "ESRI Shapefile", {{130.5, 33.8, "a"}}, false);
  test::write_text(dir / "bad-field.caremap.json", R"({
    "id": "bad-field", "title": "t", "working_crs": "EPSG:6670",
    "layers": [{"id": "hospitals", "source": ")" + kHospitals +
                                                       R"(",
                "category": "hospital", "name_field": "病院名"}]})");
  test::write_text(dir / "broken.caremap.json", R"({"id": "broken", "layers": [)");
  const std::string from = kMunakataOffice;
  const std::vector<Case> cases{
      {"missing file",
       {"nearest", "--facilities", (dir / "missing.csv").string(), "--from", from},
       cli::exit_bad_input,
       {},
       {"missing.csv", "not found"}},
      {"unknown format",
       {"nearest", "--facilities", (dir / "data.xyz").string(), "--from", from},
       cli::exit_bad_input,
       {},
       {"data.xyz", "unknown format"}},
      {"broken GeoJSON",
       {"nearest", "--facilities", (dir / "broken.geojson").string(), "--from", from},
       cli::exit_bad_input,
       {},
       {"broken.geojson"}},
      {"layer without CRS",
       {"nearest", "--facilities", (dir / "nocrs.shp").string(), "--from", from},
       cli::exit_bad_input,
       {},
       {"nocrs.shp", "no coordinate reference system"}},
      {"CSV without coordinates",
       {"nearest", "--facilities", (dir / "list.csv").string(), "--from", from},
       cli::exit_bad_input,
       {},
       {"list.csv", "no coordinate columns", "医療機関名称"}},
      {"project names a missing field",
       {"info", "--region", (dir / "bad-field.caremap.json").string()},
       cli::exit_bad_input,
       {},
       {"hospitals.csv", "病院名", "正式名称"}},
      {"broken project file",
       {"info", "--region", (dir / "broken.caremap.json").string()},
       cli::exit_bad_input,
       {},
       {"broken.caremap.json"}},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      check_case(c);
    }
  }
}

TEST_CASE("unusable rows are reported by file and row, the rest is used", "[cli]") {
  ScratchDir dir;
  test::write_text(dir / "sites.csv",
                   "name,lon,lat\n"
                   "good,130.5403,33.8057\n"
                   "zero,0,0\n"
                   "empty,,\n"
                   "swapped,33.80,130.54\n"
                   "far,130.60,33.85\n");
  const Run r = run({"nearest", "--facilities", (dir / "sites.csv").string(), "--from",
                     kMunakataOffice, "-k", "5", "--diagnostics"});
  INFO(r.out << r.err);
  CHECK(r.code == cli::exit_ok);
  CHECK_THAT(r.out, Catch::Contains("good") && Catch::Contains("far"));
  CHECK_THAT(r.out, !Catch::Contains("zero") && !Catch::Contains("swapped"));
  CHECK_THAT(r.err, Catch::Contains("sites.csv: row 2") && Catch::Contains("row 3") &&
                        Catch::Contains("row 4"));
  CHECK_THAT(r.err, Catch::Contains("zero coordinates") && Catch::Contains("empty coordinates"));
}

TEST_CASE("a CP932 demand file, as city offices publish, reads with its Japanese names", "[cli]") {
  ScratchDir dir;
  test::write_text(dir / "utf8.csv",
                   "氏名,経度,緯度\n"
                   "宗像　花子,130.5403,33.8057\n"
                   "福津　太郎,130.4800,33.7600\n");
  test::iconv_file(dir / "utf8.csv", dir / "patients_sjis.csv", "CP932");
  const fs::path out = dir / "nearest.csv";
  const Run r =
      run({"nearest", "--demand", (dir / "patients_sjis.csv").string(), "--out", out.string()});
  INFO(r.out << r.err);
  CHECK(r.code == cli::exit_ok);
  CHECK_THAT(r.out, Catch::Contains("for 2 points"));
  const std::string written = test::read_text(out);  // outputs are UTF-8
  CHECK_THAT(written, Catch::Contains("宗像　花子") && Catch::Contains("福津　太郎") &&
                          Catch::Contains("摩利支病院"));
}

TEST_CASE("coordinate columns caremap cannot guess are named with --x-field and --y-field",
          "[cli]") {
  ScratchDir dir;
  test::write_text(dir / "visits.csv", "name,東経,北緯\nA,130.5403,33.8057\n");
  const std::string file = (dir / "visits.csv").string();
  const Run unnamed = run({"nearest", "--demand", file});
  CHECK(unnamed.code == cli::exit_bad_input);
  CHECK_THAT(unnamed.err, Catch::Contains("visits.csv") &&
                              Catch::Contains("no coordinate columns found") &&
                              Catch::Contains("--x-field"));
  const Run named = run({"nearest", "--demand", file, "--x-field", "東経", "--y-field", "北緯"});
  INFO(named.out << named.err);
  CHECK(named.code == cli::exit_ok);
  CHECK_THAT(named.out, Catch::Contains("摩利支病院") && Catch::Contains("387 m"));
  const Run half = run({"nearest", "--demand", file, "--x-field", "東経"});
  CHECK(half.code == cli::exit_bad_arguments);
}

TEST_CASE("a file with no usable row is refused, nothing is written", "[cli]") {
  ScratchDir dir;
  test::write_text(dir / "patients.csv",
                   "name,lon,lat\n"
                   "zero,0,0\n"
                   "empty,,\n");
  const fs::path out = dir / "nearest.csv";
  const Run r =
      run({"nearest", "--demand", (dir / "patients.csv").string(), "--out", out.string()});
  INFO(r.out << r.err);
  CHECK(r.code == cli::exit_bad_input);
  CHECK_THAT(r.err, Catch::Contains("patients.csv") && Catch::Contains("no row can be used") &&
                        Catch::Contains("1 row: zero coordinates") &&
                        Catch::Contains("1 row: empty coordinates") && Catch::Contains("row 1"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("files beside a region are checked against its valid extent; files alone are not",
          "[cli]") {
  ScratchDir dir;
  // Row 1 at the Irish location MHLW's national files put several facilities at. The file name
  // makes them hospitals, the category a region's nearest looks for by default.
  test::write_text(dir / "hospitals_extra.csv",
                   "name,lon,lat\n"
                   "ireland,-8.24389,53.41291\n"
                   "good,130.5403,33.8057\n");
  const Run beside = run({"nearest", "--region", "munakata-fukutsu", "--facilities",
                          (dir / "hospitals_extra.csv").string(), "--from", kMunakataOffice, "-k",
                          "5", "--diagnostics"});
  INFO(beside.out << beside.err);
  CHECK(beside.code == cli::exit_ok);
  CHECK_THAT(beside.out, Catch::Contains("good") && !Catch::Contains("ireland"));
  CHECK_THAT(beside.err,
             Catch::Contains("hospitals_extra.csv: row 1, field lon/lat: longitude -8.24389, "
                             "latitude 53.41291 is outside the project's valid "
                             "extent 122–154 E, 20–46.5 N"));

  const Run alone = run({"nearest", "--facilities", (dir / "hospitals_extra.csv").string(), "--crs",
                         "EPSG:6670", "--from", kMunakataOffice, "-k", "2", "--diagnostics"});
  INFO(alone.out << alone.err);
  CHECK(alone.code == cli::exit_ok);
  CHECK_THAT(alone.out, Catch::Contains("good") && Catch::Contains("ireland"));
  CHECK_THAT(alone.err, !Catch::Contains("valid extent"));
}

TEST_CASE("the national hospital file: 270 rows without coordinates reported", "[cli]") {
  const fs::path national = kData / "national" / "01-1_hospital_facility_info_20250601.csv";
  const Run r =
      run({"nearest", "--facilities", national.string(), "--from", "139.7,35.75", "--json"});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  // Data rows counted independently of the reader (the file has no final newline).
  const std::size_t data_rows = test::parse_csv(test::read_text(national)).size() - 1;
  CHECK(data_rows == 7587);
  CHECK(j["facilities"] == data_rows - 270);
  // One line per (file, code); the counts must add up to 270.
  std::size_t reported = 0;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("01-1_hospital_facility_info_20250601.csv: ") != std::string::npos) {
      reported += std::stoul(line.substr(line.find(": ") + 2));
    }
  }
  CHECK(reported == 270);
}

TEST_CASE("nearest distances agree with an independent ellipsoidal computation", "[cli]") {
  const Run r = run({"nearest", "--from", kMunakataOffice, "-k", "3", "--json"});
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["rows"].size() == 3);
  // Expected: GRS80 local distance from the facility's own coordinates in hospitals.csv, using
  // the meridian (M) and prime-vertical (N) radii of curvature at the mean latitude (exact to
  // better than 1e-6 at these distances). The planar distance in EPSG:6670 differs by the zone's
  // scale factor (0.9999 to 1.0001), so the tolerance is 0.02 %.
  const auto rows = test::parse_csv(test::read_text(kHospitals));
  const auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(rows[0].begin(), rows[0].end(), name) -
                                    rows[0].begin());
  };
  const double a = 6378137.0;
  const double f = 1 / 298.257222101;
  const double e2 = f * (2 - f);
  const double deg = M_PI / 180.0;
  for (const auto& hit : j["rows"]) {
    const auto row = std::find_if(rows.begin() + 1, rows.end(), [&](const auto& rr) {
      return rr[col("正式名称")] == hit["facility"].get<std::string>();
    });
    REQUIRE(row != rows.end());
    const double lat = std::stod((*row)[col("所在地座標（緯度）")]);
    const double lon = std::stod((*row)[col("所在地座標（経度）")]);
    const double phi = (33.8057 + lat) / 2 * deg;
    const double w = std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
    const double m = a * (1 - e2) / (w * w * w);
    const double n = a / w;
    const double dy = m * (lat - 33.8057) * deg;
    const double dx = n * std::cos(phi) * (lon - 130.5403) * deg;
    CHECK(hit["distance_m"].get<double>() == Approx(std::hypot(dx, dy)).epsilon(2e-4));
  }
  CHECK(j["rows"][0]["distance_m"] <= j["rows"][1]["distance_m"]);
}

TEST_CASE("coverage figures add up to the official city areas", "[cli]") {
  const Run r = run({"coverage", "--category", "shelter_evacuation", "--mesh", "none", "--json"});
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["cities"].size() == 2);
  for (const auto& c : j["cities"]) {
    const double area = c["city_km2"];
    CHECK(c["covered_km2"].get<double>() + c["uncovered_km2"].get<double>() ==
          Approx(area).margin(0.01));
    CHECK(c["backup_km2"].get<double>() <= c["covered_km2"].get<double>() + 1e-9);
    // Official areas (SOURCES.md): 宗像市 119.94 km², 福津市 52.76 km², within 0.5 %.
    CHECK(area == Approx(c["city"] == "宗像市" ? 119.94 : 52.76).epsilon(0.005));
  }
}

TEST_CASE("outputs: written atomically, failures leave earlier results intact", "[cli]") {
  ScratchDir dir;
  const fs::path out = dir / "coverage.gpkg";
  const Run first = run({"coverage", "--category", "clinic", "--out", out.string()});
  REQUIRE(first.code == cli::exit_ok);
  REQUIRE(fs::exists(out));
  const std::string before = test::read_text(out);

  SECTION("a run that fails on its input does not touch the earlier output") {
    test::write_text(dir / "broken.caremap.json", "{");
    const Run second = run(
        {"coverage", "--region", (dir / "broken.caremap.json").string(), "--out", out.string()});
    CHECK(second.code == cli::exit_bad_input);
    CHECK(test::read_text(out) == before);
  }
  SECTION("an output that cannot be written exits with code 4 and leaves no temporary file") {
    fs::create_directories(dir / "taken.geojson" / "inside");
    const Run second = run({"coverage", "--out", (dir / "taken.geojson").string()});
    CHECK(second.code == cli::exit_output_failed);
    CHECK_THAT(second.err, Catch::Contains("taken.geojson"));
    CHECK(fs::is_directory(dir / "taken.geojson" / "inside"));
    for (const auto& name : dir.files()) {
      CHECK(name.find(".tmp-") == std::string::npos);
    }
  }
  SECTION("a missing output directory is an output failure, said before any work") {
    const Run second =
        run({"coverage", "--out", (dir / "no" / "such" / "dir" / "c.geojson").string()});
    CHECK(second.code == cli::exit_output_failed);
    CHECK_THAT(second.err, Catch::Contains("does not exist"));
    // Checked first: the run prints no coverage table before failing.
    CHECK_THAT(second.out, !Catch::Contains("Coverage of"));
  }
  SECTION("--out-dir is created when missing, and only by a run that writes") {
    const fs::path results = dir / "results" / "2026";
    const Run typo = run({"coverage", "--category", "clinics", "--out-dir", results.string()});
    CHECK(typo.code == cli::exit_bad_arguments);
    CHECK_FALSE(fs::exists(dir / "results"));
    const Run second = run({"coverage", "--category", "clinic", "--out-dir", results.string()});
    CHECK(second.code == cli::exit_ok);
    CHECK(fs::exists(results / "coverage_clinic.gpkg"));
  }
  SECTION("--out-dir under a file is refused before any work") {
    test::write_text(dir / "a_file", "x");
    const Run second =
        run({"coverage", "--category", "clinic", "--out-dir", (dir / "a_file" / "x").string()});
    CHECK(second.code == cli::exit_output_failed);
    CHECK_THAT(second.err, Catch::Contains("not a directory"));
    CHECK_THAT(second.out, !Catch::Contains("Coverage of"));
  }
  SECTION("--out-dir writes one file per result layer") {
    const Run second = run({"coverage", "--category", "clinic", "--out-dir", dir.path().string(),
                            "--format", "geojson"});
    CHECK(second.code == cli::exit_ok);
    CHECK(fs::exists(dir / "coverage_clinic.geojson"));
    CHECK(fs::exists(dir / "coverage_gap_clinic.geojson"));
    CHECK(fs::exists(dir / "coverage_mesh_500m.geojson"));
  }
}

TEST_CASE("nearest for a demand file writes one row per point and rank", "[cli]") {
  ScratchDir dir;
  test::write_text(
      dir / "patients.csv",
      "name,lon,lat\n患者A,130.5403,33.8057\n患者B,130.48,33.76\n患者C,130.60,33.84\n");
  const fs::path out = dir / "nearest.csv";
  const Run r = run({"nearest", "--demand", (dir / "patients.csv").string(), "-k", "2",
                     "--category", "clinic", "--out", out.string()});
  INFO(r.out << r.err);
  REQUIRE(r.code == cli::exit_ok);
  CHECK_THAT(r.out, Catch::Contains("患者A") && Catch::Contains("Farthest"));
  const auto rows = test::parse_csv(test::read_text(out));
  REQUIRE(rows.size() == 1 + 3 * 2);
  const auto& header = rows[0];
  const auto col = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  // Each row sits at its demand point, written back in lon/lat to 1e-7 degrees (1 cm).
  const std::map<std::string, std::pair<double, double>> places{
      {"患者A", {130.5403, 33.8057}}, {"患者B", {130.48, 33.76}}, {"患者C", {130.60, 33.84}}};
  std::map<std::string, std::vector<double>> distances;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& name = rows[r][col("demand_name")];
    REQUIRE(places.count(name) == 1);
    CHECK(std::stod(rows[r][col("lon")]) == Approx(places.at(name).first).margin(1e-7));
    CHECK(std::stod(rows[r][col("lat")]) == Approx(places.at(name).second).margin(1e-7));
    CHECK(rows[r][col("facility_category")] == "clinic");
    distances[name].push_back(std::stod(rows[r][col("distance_m")]));
  }
  for (const auto& [name, d] : distances) {
    REQUIRE(d.size() == 2);
    CHECK(d[0] <= d[1]);
  }
}
