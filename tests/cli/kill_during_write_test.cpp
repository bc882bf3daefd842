// SIGKILL on a real `caremap` run while it writes: no handler runs, no destructor removes the
// temporary file, and still the previous result must be there byte for byte, with nothing
// half-written under its name. Two moments are covered: the last one before the rename (the test
// hook CAREMAP_TEST_PAUSE_BEFORE_RENAME stops the run there; io/atomic_file.hpp) for CSV,
// GeoPackage, GeoJSON and the PDF report, and the middle of a large CSV and GeoPackage write
// (the test kills the run as soon as its temporary file has bytes). The next run of the same
// output removes what the killed one left.

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

#include "cli/caremap_process.hpp"
#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

// A grid of arbitrary places over Munakata and Fukutsu (test demand points, not patients or
// facility data); `shift` moves the grid so two runs write different results.
std::string demand_grid(int per_side, double shift) {
  std::ostringstream csv;
  csv.precision(9);
  csv << "name,lon,lat\n";
  for (int i = 0; i < per_side; ++i) {
    for (int j = 0; j < per_side; ++j) {
      csv << "p" << i << '_' << j << ',' << 130.47 + shift + 0.12 * i / per_side << ','
          << 33.76 + shift + 0.09 * j / per_side << '\n';
    }
  }
  return csv.str();
}

bool hidden(const std::string& name) {
  return !name.empty() && name.front() == '.';
}

std::vector<std::string> visible_files(const test::ScratchDir& dir) {
  std::vector<std::string> out;
  for (const std::string& name : dir.files()) {
    if (!hidden(name)) {
      out.push_back(name);
    }
  }
  return out;
}

// Polls until `ready` holds or the child ends; false after `limit` or when the child ended.
template <class Ready>
bool wait_until(test::ChildProcess& child, std::chrono::seconds limit,
                std::chrono::microseconds step, Ready ready) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (ready()) {
      return true;
    }
    if (waitpid(child.pid, &child.status, WNOHANG) == child.pid) {
      child.pid = -1;
      return false;
    }
    std::this_thread::sleep_for(step);
  }
  return false;
}

void kill_and_reap(test::ChildProcess& child) {
  REQUIRE(child.pid > 0);
  REQUIRE(kill(child.pid, SIGKILL) == 0);
  REQUIRE(test::wait_for(child, std::chrono::seconds(30)));
  CHECK(WIFSIGNALED(child.status));
  CHECK(WTERMSIG(child.status) == SIGKILL);
}

struct Snapshot {
  std::vector<std::string> files;                          ///< visible files, sorted
  std::vector<std::pair<std::string, std::string>> bytes;  ///< (name, content) of each
};

Snapshot snapshot(const test::ScratchDir& dir) {
  Snapshot s;
  s.files = visible_files(dir);
  for (const std::string& name : s.files) {
    s.bytes.emplace_back(name, test::read_text(dir / name));
  }
  return s;
}

// The killed run left the previous results as they were: the same visible files with the same
// bytes; whatever else is there is a hidden temporary.
void check_previous_intact(const test::ScratchDir& dir, const Snapshot& before) {
  const Snapshot after = snapshot(dir);
  CHECK(after.files == before.files);
  REQUIRE(after.bytes.size() == before.bytes.size());
  for (std::size_t i = 0; i < before.bytes.size(); ++i) {
    INFO(before.bytes[i].first);
    CHECK(after.bytes[i].second == before.bytes[i].second);
  }
}

struct Case {
  std::string name;
  std::vector<std::string> earlier;  ///< the run whose results must survive
  std::vector<std::string> killed;   ///< the run killed while it writes (and then run again)
};

}  // namespace

TEST_CASE("SIGKILL just before the rename leaves the previous result byte for byte",
          "[cli][signal][kill]") {
  test::ScratchDir inputs;
  test::ScratchDir out;
  test::write_text(inputs / "a.csv", demand_grid(4, 0.0));
  test::write_text(inputs / "b.csv", demand_grid(5, 0.004));
  auto nearest = [&](const std::string& demand, const std::string& file) {
    return std::vector<std::string>{"nearest", "--demand", (inputs / demand).string(), "-k",
                                    "1",       "--out",    (out / file).string()};
  };
  const std::vector<Case> cases{
      {"CSV", nearest("a.csv", "nearest.csv"), nearest("b.csv", "nearest.csv")},
      {"GeoPackage", nearest("a.csv", "nearest.gpkg"), nearest("b.csv", "nearest.gpkg")},
      {"GeoJSON", nearest("a.csv", "nearest.geojson"), nearest("b.csv", "nearest.geojson")},
      {"PDF report",
       {"report", "coverage", "--date", "2026-12-01", "--out", (out / "report.pdf").string()},
       {"report", "coverage", "--date", "2026-12-07", "--out", (out / "report.pdf").string()}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const test::CliRun earlier = test::run_caremap(c.earlier);
      INFO("earlier run: " << earlier.err);
      REQUIRE(earlier.code == cli::exit_ok);
      const Snapshot before = snapshot(out);
      REQUIRE(!before.files.empty());

      const fs::path marker = inputs / "paused.txt";
      fs::remove(marker);
      test::ChildProcess child = test::spawn_caremap(
          c.killed, inputs / "stderr.txt", {"CAREMAP_TEST_PAUSE_BEFORE_RENAME=" + marker.string()});
      const bool paused =
          wait_until(child, std::chrono::seconds(180), std::chrono::milliseconds(20), [&] {
            const std::string text = test::read_text(marker);
            return !text.empty() && text.back() == '\n';
          });
      INFO("stderr: " << test::read_text(inputs / "stderr.txt"));
      REQUIRE(paused);
      std::string temp_text = test::read_text(marker);
      const fs::path temp(temp_text.substr(0, temp_text.size() - 1));
      // The new result is complete, in a hidden temporary next to the output.
      CHECK(temp.parent_path() == out.path());
      CHECK(hidden(temp.filename().string()));
      CHECK(fs::file_size(temp) > 0);

      kill_and_reap(child);
      check_previous_intact(out, before);
      CHECK(fs::exists(temp));  // nothing could remove it

      // The next run of the same output writes it and removes the killed run's leftovers.
      const test::CliRun again = test::run_caremap(c.killed);
      INFO("run again: " << again.err);
      REQUIRE(again.code == cli::exit_ok);
      CHECK(out.files() == before.files);  // no hidden file left either
      CHECK(test::read_text(out / before.files.front()) != before.bytes.front().second);
    }
  }
}

TEST_CASE("SIGKILL in the middle of writing a large output leaves the previous result",
          "[cli][signal][kill]") {
  const std::string extension = GENERATE(std::string(".csv"), std::string(".gpkg"));
  INFO("output " << extension);
  test::ScratchDir inputs;
  test::ScratchDir out;
  test::write_text(inputs / "few.csv", demand_grid(3, 0.0));
  // 250 000 demand points: writing their nearest links takes a good fraction of a second, so
  // the run is killed while bytes are still going into the temporary file.
  test::write_text(inputs / "many.csv", demand_grid(500, 0.001));
  const std::string target = (out / ("nearest" + extension)).string();
  const test::CliRun earlier = test::run_caremap(
      {"nearest", "--demand", (inputs / "few.csv").string(), "-k", "1", "--out", target});
  INFO("earlier run: " << earlier.err);
  REQUIRE(earlier.code == cli::exit_ok);
  const Snapshot before = snapshot(out);

  test::ChildProcess child =
      test::spawn_caremap({"nearest", "--demand", (inputs / "many.csv").string(), "-k", "1",
                           "--threads", "1", "--out", target},
                          inputs / "stderr.txt");
  std::uintmax_t temp_bytes = 0;
  const bool writing =
      wait_until(child, std::chrono::seconds(180), std::chrono::microseconds(500), [&] {
        for (const std::string& name : out.files()) {
          std::error_code ec;
          const auto size = fs::file_size(out / name, ec);
          if (hidden(name) && !ec && size > 0) {
            temp_bytes = size;
            return true;
          }
        }
        return false;
      });
  INFO("stderr: " << test::read_text(inputs / "stderr.txt"));
  REQUIRE(writing);
  kill_and_reap(child);
  INFO("the temporary had " << temp_bytes << " bytes when the run was killed");
  check_previous_intact(out, before);
}
