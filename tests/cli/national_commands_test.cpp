// The national-scale paths of `caremap nearest` and `caremap coverage --demand`: the streamed
// output is the file the layer-based path writes, and bad rows are still reported by file, row
// and field.
#include <algorithm>
#include <catch2/catch.hpp>
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
