#include "app/loading.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "io/project.hpp"
#include "job_pump.hpp"

using namespace caremap;
using namespace caremap::app;
using caremap::app::test::pump;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A CSV with one point at the Irish location MHLW's national files put facilities at and one in
// Munakata; removed at scope exit. Named per test and process: ctest runs the test cases of this
// file in parallel, and one must not remove the other's file.
struct MixedCsv {
  fs::path path;
  explicit MixedCsv(const std::string& tag)
      : path(fs::temp_directory_path() /
             ("caremap-app-loading-test-" + tag + "-" + std::to_string(::getpid()) + ".csv")) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "name,lon,lat\nireland,-8.24389,53.41291\nmunakata,130.534045,33.806377\n";
  }
  ~MixedCsv() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  MixedCsv(const MixedCsv&) = delete;
  MixedCsv& operator=(const MixedCsv&) = delete;
};

// The layer entry read from `file`; fails the test if there is none.
const LayerEntry& entry_from(const AppState& app, const fs::path& file) {
  for (const LayerEntry& e : app.layers) {
    if (e.source == file.string()) {
      return e;
    }
  }
  FAIL("no layer from " << file);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a region's valid extent applies to files opened beside it", "[loading]") {
  const MixedCsv csv("beside-region");
  AppState app;
  start_open_region(app, "munakata-fukutsu");
  pump(app);
  const io::Project project = io::read_project(io::find_project("munakata-fukutsu"));
  REQUIRE(project.valid_extent);
  REQUIRE(app.valid_extent);
  CHECK(app.valid_extent->south_west.lon == project.valid_extent->south_west.lon);
  CHECK(app.valid_extent->north_east.lat == project.valid_extent->north_east.lat);

  start_open_file(app, csv.path);
  pump(app);
  const LayerEntry& added = entry_from(app, csv.path);
  REQUIRE(added.layer);
  REQUIRE(added.layer->size() == 1);
  CHECK(added.layer->features[0].source_row == 2);
  REQUIRE(added.diagnostics.count("outside_valid_extent") == 1);
  CHECK(added.diagnostics.items()[0].row == 1u);
}

TEST_CASE("without a region no extent is checked", "[loading]") {
  const MixedCsv csv("alone");
  AppState app;
  set_working_crs(app, "EPSG:3857");
  start_open_file(app, csv.path);
  pump(app);
  const LayerEntry& added = entry_from(app, csv.path);
  REQUIRE(added.layer);
  CHECK(added.layer->size() == 2);
  CHECK(added.diagnostics.count("outside_valid_extent") == 0);
}
