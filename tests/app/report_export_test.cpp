// The viewer's Report button without a window: the handouts written on the job runner through
// the atomic writer, the path and page count (or the error) left in the module's state.

#include "app/report_export.hpp"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/job_outcome.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/network_jobs.hpp"
#include "drill/drill_map_fixture.hpp"
#include "job_pump.hpp"
#include "strip_region.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("caremap-report-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string head_of(const fs::path& p, std::size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  return s;
}

}  // namespace

TEST_CASE("the default report file is in ~/caremap-reports, named by region, kind and date",
          "[report_export]") {
  const char* home = std::getenv("HOME");
  const fs::path base = home != nullptr && *home != '\0' ? fs::path(home) : fs::path(".");
  CHECK(app::default_report_path("munakata-fukutsu", "coverage", "2026-12-07") ==
        base / "caremap-reports" / "munakata-fukutsu-coverage-20261207.pdf");
  CHECK(app::default_report_path("", "drill", "2026-01-02").filename() ==
        "caremap-drill-20260102.pdf");
}

TEST_CASE("the coverage Report button writes the handout on the job runner", "[report_export]") {
  const TempDir dir;
  app::AppState a;
  app::test::strip_region(a);
  app::CoverageState& cs = app::coverage_state(a);
  cs.category = core::Category::clinic;
  cs.radius_m = 3000.0f;
  cs.radius_from_user = true;
  // A folder that does not exist yet: made, as ~/caremap-reports is on the first report.
  const fs::path out = dir.path / "new" / "strip-coverage.pdf";
  cs.report.path = out.string();
  app::start_coverage_report(a);
  CHECK(a.jobs.busy(app::kCoverageReportJob));
  app::test::pump(a);
  CHECK(cs.report.error.empty());
  CHECK(cs.report.written == out.string());
  CHECK(cs.report.pages >= 5);
  REQUIRE(fs::exists(out));
  CHECK(head_of(out, 5) == "%PDF-");
  // Nothing temporary is left beside it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.parent_path())) {
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("a report that cannot be written says why in the panel", "[report_export]") {
  app::AppState a;
  SECTION("no boundary: nothing starts") {
    app::start_coverage_report(a);
    CHECK_FALSE(a.jobs.busy(app::kCoverageReportJob));
    CHECK(app::coverage_state(a).report.error == app::tr(a.lang, app::Str::analysis_no_boundary));
  }
  SECTION("a file that is not .pdf, .svg or .png") {
    app::test::strip_region(a);
    app::coverage_state(a).report.path = "/tmp/handout.docx";
    app::start_coverage_report(a);
    REQUIRE(a.jobs.wait_idle(std::chrono::seconds(60)));
    const std::vector<std::string> failures = app::apply_finished_jobs(a);
    CHECK(failures.size() == 1);
    CHECK_THAT(app::coverage_state(a).report.error, Catch::Contains(".pdf, .svg or .png"));
    CHECK_FALSE(fs::exists("/tmp/handout.docx"));
  }
  SECTION("a drill report before any drill was solved") {
    app::start_drill_report(a);
    CHECK(app::drill_state(a).report.error == app::tr(a.lang, app::Str::report_needs_drill));
  }
}

TEST_CASE("the drill Report button writes the drill's record as solved", "[report_export]") {
  const TempDir dir;
  app::AppState a;
  app::DrillModuleState& st = app::drill_state(a);
  st.scenario = std::make_shared<const drill::Scenario>(drill::test::scenario());
  drill::set_bed_edit(st.bed_edits, {0, 0, 0});  // the file says 1
  app::start_drill_solve(a);
  app::test::pump(a);
  REQUIRE(st.solved);
  // The panel's beds, not the file's: the report stands on what was solved.
  REQUIRE(st.solved->injects.size() == 3);
  REQUIRE(st.solved->injects[0].capacities.size() == 1);
  CHECK(st.solved->injects[0].capacities[0].free_beds == 0);
  CHECK(st.result->injects[0].hospitals[0].free_beds == 0);
  st.report.path = (dir.path / "drill.pdf").string();
  a.lang = core::Lang::en;
  app::start_drill_report(a);
  app::test::pump(a);
  CHECK(st.report.error.empty());
  CHECK(st.report.pages >= 3);
  CHECK(head_of(dir.path / "drill.pdf", 5) == "%PDF-");
}

TEST_CASE("a report waits while the road network loads", "[report_export]") {
  app::AppState a;
  app::test::strip_region(a);
  CHECK_FALSE(app::report_waits_for_roads(a));
  // A network load still running (held on a latch): the report must wait for it.
  std::atomic<bool> release{false};
  a.jobs.submit(
      "road network",
      [&release](core::Progress&) -> app::Completion {
        while (!release) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return [](app::AppState&) {};
      },
      app::kJobNetworkLoad);
  CHECK(app::report_waits_for_roads(a));
  release = true;
  app::test::pump(a);
  CHECK_FALSE(app::report_waits_for_roads(a));
}
