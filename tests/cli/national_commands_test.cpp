// The national-scale paths of `caremap nearest` and `caremap coverage --demand`: the streamed
// output is the file the layer-based path writes, and bad rows are still reported by file, row
// and field.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "analysis/nearest.hpp"
#include "cli/exit_codes.hpp"
#include "cli_runner.hpp"
#include "crs/crs_ref.hpp"
#include "io/read.hpp"
#include "io/write.hpp"
#include "test_paths.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

// A scratch directory removed at scope exit.
struct Scratch {
  fs::path path =
      fs::temp_directory_path() / ("caremap-national-" + std::to_string(std::random_device{}()));
  Scratch() { fs::create_directories(path); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Generated demand points (drill-style synthetic points, not people) over Munakata and Fukutsu,
// with one row whose coordinates are zero.
void write_demand(const fs::path& file, int n) {
  std::mt19937 rng(16);
  std::uniform_real_distribution<double> lon(130.45, 130.62);
  std::uniform_real_distribution<double> lat(33.72, 33.87);
  std::ofstream out(file, std::ios::binary);
  out << "id,lon,lat\n";
  for (int i = 1; i <= n; ++i) {
    if (i == 17) {
      out << i << ",0,0\n";
    } else {
      out << i << "," << lon(rng) << "," << lat(rng) << "\n";
    }
  }
}

const fs::path kHospitals = fs::path(CAREMAP_TEST_DATA_DIR) / "munakata-fukutsu" / "hospitals.csv";

}  // namespace

TEST_CASE("nearest streams the same CSV as writing its links layer", "[cli][national]") {
  Scratch dir;
  write_demand(dir.path / "demand.csv", 3000);
  const auto out = dir.path / "nearest.csv";
  const auto r = test::run_caremap({"nearest", "--facilities", kHospitals.string(), "--demand",
                                    (dir.path / "demand.csv").string(), "-k", "2", "--crs",
                                    "EPSG:6670", "--threads", "2", "--out", out.string()});
  REQUIRE(r.code == cli::exit_ok);

  // The layer-based path: read, build the links layer, write it.
  const crs::CrsRef zone2 = crs::CrsRef::from_epsg(6670);
  io::ReadOptions demand_options;
  demand_options.category = core::Category::demand;
  const auto demand = io::read_file(dir.path / "demand.csv", demand_options, zone2);
  const auto hospitals = io::read_file(kHospitals, {}, zone2);
  analysis::NearestParams params;
  params.k = 2;
  params.link_geometry = analysis::LinkGeometry::demand_point;
  const std::vector<core::LayerPtr> facilities{hospitals.layer};
  const auto links = analysis::nearest(*demand.layer, facilities, params).links;
  io::write_layer(links, dir.path / "layer.csv");

  const std::string streamed = read_text(out);
  CHECK(streamed == read_text(dir.path / "layer.csv"));
  CHECK(std::count(streamed.begin(), streamed.end(), '\n') == 1 + 2 * 2999);
  // The zero row is reported by file and row and left out.
  CHECK_THAT(r.err, Catch::Contains("zero"));
  CHECK(streamed.find("\n16,18,") != std::string::npos);
  CHECK(streamed.find("\n16,17,") == std::string::npos);
}

TEST_CASE("nearest writes each demand point as read, not after a round trip through PROJ",
          "[cli][national]") {
  // Coordinates with 12 decimals: projected to the working CRS and back they come out a
  // fraction of a nanodegree off, which moves the 9th written decimal of about one row in
  // four thousand. Written from the demand as read, every row keeps its own.
  Scratch dir;
  std::mt19937 rng(23);
  std::uniform_real_distribution<double> lon(130.45, 130.62);
  std::uniform_real_distribution<double> lat(33.72, 33.87);
  std::vector<std::pair<double, double>> points;
  {
    std::ofstream demand(dir.path / "demand.csv", std::ios::binary);
    demand << "id,lon,lat\n";
    char line[96];
    for (int i = 1; i <= 20'000; ++i) {
      std::snprintf(line, sizeof line, "%d,%.12f,%.12f\n", i, lon(rng), lat(rng));
      demand << line;
      double x = 0.0;
      double y = 0.0;
      REQUIRE(std::sscanf(std::strchr(line, ',') + 1, "%lf,%lf", &x, &y) == 2);
      points.emplace_back(x, y);
    }
  }
  const auto out = dir.path / "nearest.csv";
  const auto r = test::run_caremap({"nearest", "--facilities", kHospitals.string(), "--demand",
                                    (dir.path / "demand.csv").string(), "--crs", "EPSG:6670",
                                    "--out", out.string()});
  REQUIRE(r.code == cli::exit_ok);
  std::istringstream rows(read_text(out));
  std::string row;
  std::getline(rows, row);  // header
  std::size_t checked = 0;
  std::size_t differing = 0;
  while (std::getline(rows, row)) {
    // demand_fid is the row's index in the demand file; lon and lat are the last two cells.
    const std::size_t fid = std::stoul(row.substr(0, row.find(',')));
    const std::size_t lat_at = row.rfind(',');
    const std::size_t lon_at = row.rfind(',', lat_at - 1);
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.9f,%.9f", points[fid].first, points[fid].second);
    std::string want = expected;
    // The writer drops trailing zeros of each number.
    const auto trim = [](std::string s) {
      while (s.back() == '0') {
        s.pop_back();
      }
      return s.back() == '.' ? s.substr(0, s.size() - 1) : s;
    };
    const std::size_t comma = want.find(',');
    want = trim(want.substr(0, comma)) + "," + trim(want.substr(comma + 1));
    differing += row.substr(lon_at + 1) != want;
    ++checked;
  }
  CHECK(checked == points.size());
  CHECK(differing == 0);
}

TEST_CASE(
    "a lon/lat table of areas, or of points PROJ cannot take, gives what a read in the "
    "working CRS gives",
    "[cli][national]") {
  Scratch dir;
  const std::string lcc =
      "+proj=lcc +lat_0=35 +lon_0=136 +lat_1=28 +lat_2=42 +x_0=0 +y_0=0 +ellps=GRS80 +units=m "
      "+no_defs";
  const crs::CrsRef working = crs::CrsRef::parse(lcc);
  const std::vector<core::LayerPtr> facilities{io::read_file(kHospitals, {}, working).layer};
  // `caremap nearest` on demand file `name` (holding `text`) to name_out.csv.
  const auto run = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.path / (name + ".csv"), std::ios::binary) << text;
    return test::run_caremap({"nearest", "--facilities", kHospitals.string(), "--demand",
                              (dir.path / (name + ".csv")).string(), "--crs", lcc, "--out",
                              (dir.path / (name + "_out.csv")).string(), "--diagnostics"});
  };
  // The CSV the layer path writes for the same file read in the working CRS, and its row count.
  const auto layer_path = [&](const std::string& name) {
    io::ReadOptions demand_options;
    demand_options.category = core::Category::demand;
    const auto demand = io::read_file(dir.path / (name + ".csv"), demand_options, working);
    analysis::NearestParams params;
    params.link_geometry = analysis::LinkGeometry::demand_point;
    io::write_layer(analysis::nearest(*demand.layer, facilities, params).links,
                    dir.path / (name + "_layer.csv"));
    return std::make_pair(demand.layer->size(), read_text(dir.path / (name + "_layer.csv")));
  };

  // Areas: their representative points depend on the CRS they are taken in, so they are searched
  // as read in the working CRS, exactly as for a GeoPackage output. Area a's southern part is
  // the larger in metres, its northern part (2 % taller, 2.5° nearer the pole) the larger in
  // square degrees.
  const auto areas = run(
      "areas",
      "id,WKT\n"
      "a,\"MULTIPOLYGON (((130.50 33.00, 130.51 33.00, 130.51 33.01, 130.50 33.01, 130.50 33.00)), "
      "((130.50 35.50, 130.51 35.50, 130.51 35.5102, 130.50 35.5102, 130.50 35.50)))\"\n"
      "b,\"POLYGON ((130.55 33.85, 130.56 33.85, 130.56 33.86, 130.55 33.85))\"\n");
  REQUIRE(areas.code == cli::exit_ok);
  CHECK(read_text(dir.path / "areas_out.csv") == layer_path("areas").second);

  // A point PROJ cannot take to this Lambert conic (the opposite pole) is reported by file and
  // row and left out, the other rows keeping the numbers a read in the working CRS gives them.
  const auto points = run("points", "id,lon,lat\n1,130.5,33.8\n2,130,-90\n3,130.6,33.85\n");
  REQUIRE(points.code == cli::exit_ok);
  CHECK_THAT(points.err, Catch::Contains("row 2: cannot transform (130, -90)") &&
                             Catch::Contains("row skipped"));
  const auto [kept, expected] = layer_path("points");
  CHECK(kept == 2);
  CHECK(read_text(dir.path / "points_out.csv") == expected);

  // And when no row is left, nothing is written and the run fails naming the file.
  const auto none = run("pole", "id,lon,lat\n1,130,-90\n");
  CHECK(none.code == cli::exit_bad_input);
  CHECK_THAT(none.err, Catch::Contains("pole.csv") && Catch::Contains("no row can be used"));
  CHECK_FALSE(fs::exists(dir.path / "pole_out.csv"));
}

TEST_CASE("timing names each phase, the total and the peak memory", "[cli][national]") {
  Scratch dir;
  write_demand(dir.path / "demand.csv", 200);
  const auto r = test::run_caremap({"nearest", "--facilities", kHospitals.string(), "--demand",
                                    (dir.path / "demand.csv").string(), "--timing", "--out",
                                    (dir.path / "n.csv").string()});
  REQUIRE(r.code == cli::exit_ok);
  for (const char* phase : {"time read:", "time index:", "time search:", "time write:",
                            "time total:", "peak memory:"}) {
    CHECK_THAT(r.err, Catch::Contains(phase));
  }
}

TEST_CASE("coverage counts demand points by the facilities reaching them", "[cli][national]") {
  Scratch dir;
  write_demand(dir.path / "demand.csv", 500);
  const auto out = dir.path / "coverage.csv";
  const auto r =
      test::run_caremap({"coverage", "--category", "hospital", "--radius", "3km", "--demand",
                         (dir.path / "demand.csv").string(), "--json", "--out", out.string()});
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["points"] == 499);
  CHECK(j["covered"].get<int>() + j["none"].get<int>() == 499);
  CHECK(j["backup"].get<int>() <= j["covered"].get<int>());
  CHECK(j["basis"]["distance"]["en"] == "straight line");
  const std::string rows = read_text(out);
  CHECK(std::count(rows.begin(), rows.end(), '\n') == 500);
  CHECK(rows.find("facilities_in_reach") != std::string::npos);
}
