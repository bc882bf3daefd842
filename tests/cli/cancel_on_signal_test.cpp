// Ctrl-C on a real `caremap` process: a long od-matrix run on the Monaco extract gets SIGINT
// (and SIGTERM), exits 5, leaves no temporary file and the earlier output byte for byte.

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "cli/caremap_process.hpp"
#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"
#include "test_paths.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

const std::string kMonaco = (fs::path(CAREMAP_TEST_DATA_DIR) / "osm" / "monaco.osm.pbf").string();

// A grid of arbitrary places over Monaco's land (test points, not facility data), enough origins
// that the matrix takes many seconds on one thread.
std::string origin_grid(int per_side) {
  std::ostringstream csv;
  csv << "name,lon,lat\n";
  for (int i = 0; i < per_side; ++i) {
    for (int j = 0; j < per_side; ++j) {
      csv << "o" << i << '_' << j << ',' << 7.412 + 0.018 * i / per_side << ','
          << 43.727 + 0.018 * j / per_side << '\n';
    }
  }
  return csv.str();
}

}  // namespace

TEST_CASE("Ctrl-C stops a long od-matrix run with exit 5 and the earlier output intact",
          "[cli][network][signal]") {
  const int signal_number = GENERATE(SIGINT, SIGTERM);
  INFO("signal " << signal_number);
  test::ScratchDir inputs;
  test::ScratchDir outputs;
  test::write_text(inputs / "sites.csv",
                   "name,lon,lat\nsite A,7.4197,43.7277\nsite B,7.4280,43.7420\n");
  test::write_text(inputs / "few.csv", "name,lon,lat\np1,7.4160,43.7310\np2,7.4246,43.7384\n");
  test::write_text(inputs / "many.csv", origin_grid(300));
  const std::string out = (outputs / "od.csv").string();
  const std::vector<std::string> network{"--osm", kMonaco, "--graph-cache",
                                         (inputs / "monaco.caremap-graph").string()};
  auto with_network = [&](std::vector<std::string> args) {
    args.insert(args.end(), network.begin(), network.end());
    return args;
  };

  // The earlier result (this also builds the graph cache, so the child starts quickly).
  const auto earlier = test::run_caremap(
      with_network({"od-matrix", "--origins", (inputs / "few.csv").string(), "--destinations",
                    (inputs / "sites.csv").string(), "--out", out}));
  REQUIRE(earlier.code == cli::exit_ok);
  const auto files_before = outputs.files();
  REQUIRE(files_before == std::vector<std::string>{"od.csv", "od.csv.provenance.json"});
  const std::string csv_before = test::read_text(outputs / "od.csv");
  const std::string sidecar_before = test::read_text(outputs / "od.csv.provenance.json");

  // 90 000 origins on one thread: far longer than the second the test waits before the signal.
  test::ChildProcess child = test::spawn_caremap(
      with_network({"od-matrix", "--origins", (inputs / "many.csv").string(), "--destinations",
                    (inputs / "sites.csv").string(), "--threads", "1", "--out", out}),
      inputs / "stderr.txt");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto signalled = std::chrono::steady_clock::now();
  REQUIRE(kill(child.pid, signal_number) == 0);
  REQUIRE(test::wait_for(child, std::chrono::seconds(60)));
  const double stop_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
  INFO("stderr: " << test::read_text(inputs / "stderr.txt"));

  REQUIRE(WIFEXITED(child.status));
  CHECK(WEXITSTATUS(child.status) == cli::exit_cancelled);
  CHECK_THAT(test::read_text(inputs / "stderr.txt"), Catch::Contains("cancelled"));
  CHECK(stop_s < 10.0);                    // stopped at the next chunk, not after the whole matrix
  CHECK(outputs.files() == files_before);  // no temporary file left behind
  CHECK(test::read_text(outputs / "od.csv") == csv_before);
  CHECK(test::read_text(outputs / "od.csv.provenance.json") == sidecar_before);
}
