#include "io/atomic_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"
#include "support/ended_process.hpp"

using namespace caremap;

TEST_CASE("an atomic file replaces the target only on commit", "[io][atomic]") {
  test::ScratchDir dir;
  const auto target = dir / "map.pdf";
  test::write_text(target, "old");
  {
    io::AtomicFile f(target);
    CHECK(f.temp_path().parent_path() == target.parent_path());
    CHECK(f.temp_path().extension() == ".pdf");
    test::write_text(f.temp_path(), "new");
    CHECK(test::read_text(target) == "old");
    f.commit();
  }
  CHECK(test::read_text(target) == "new");
  CHECK(dir.files() == std::vector<std::string>{"map.pdf"});
}

TEST_CASE("an abandoned atomic file leaves the target and no temporary", "[io][atomic]") {
  test::ScratchDir dir;
  const auto target = dir / "map.pdf";
  test::write_text(target, "old");
  try {
    io::AtomicFile f(target);
    test::write_text(f.temp_path(), "half");
    throw std::runtime_error("renderer failed");
  } catch (const std::runtime_error&) {
  }
  CHECK(test::read_text(target) == "old");
  CHECK(dir.files() == std::vector<std::string>{"map.pdf"});
}

TEST_CASE("atomic file errors name the target", "[io][atomic]") {
  test::ScratchDir dir;
  const auto missing_dir = dir / "no-such-dir" / "out.geojson";
  CHECK_THROWS_WITH(io::AtomicFile(missing_dir), Catch::Contains(missing_dir.string()));
  io::AtomicFile nothing(dir / "empty.csv");
  CHECK_THROWS_AS(nothing.commit(), core::OutputError);
  CHECK_THROWS_AS(io::AtomicFile(dir.path()), core::OutputError);  // a directory
}

TEST_CASE("temporaries left by a killed process are removed by the next write of that target",
          "[io][atomic]") {
  test::ScratchDir dir;
  const auto target = dir / "od.gpkg";
  test::write_text(target, "previous");
  const std::string dead = std::to_string(test::ended_process_id());
  const std::string alive = std::to_string(getppid());  // e.g. another run still writing
  for (const std::string& name :
       {".od.tmp-" + dead + "-0123456789ab.gpkg", ".od.tmp-" + dead + "-0123456789ab.gpkg-journal",
        ".od.tmp-" + dead + "-0123456789ab_temp.fgb", ".od.tmp-" + alive + "-0123456789ab.gpkg",
        ".od.tmp-" + dead + "-0123456789ab.csv", ".odx.tmp-" + dead + "-0123456789ab.gpkg",
        ".od.tmp-" + dead + "-short.gpkg"}) {
    test::write_text(dir / name, "half");
  }
  {
    io::AtomicFile f(target);
    test::write_text(f.temp_path(), "new");
    f.commit();
  }
  CHECK(test::read_text(target) == "new");
  // Only the ended process's files for od.gpkg went; the live one's, other targets' and names
  // that are not ours stay.
  std::vector<std::string> kept{
      ".od.tmp-" + dead + "-0123456789ab.csv", ".od.tmp-" + alive + "-0123456789ab.gpkg",
      ".od.tmp-" + dead + "-short.gpkg", ".odx.tmp-" + dead + "-0123456789ab.gpkg", "od.gpkg"};
  std::sort(kept.begin(), kept.end());
  CHECK(dir.files() == kept);
  CHECK(io::remove_stale_temporaries(dir / "od.csv") == 1);
}

TEST_CASE("a temporary's name carries the writing process's id", "[io][atomic]") {
  test::ScratchDir dir;
  io::AtomicFile f(dir / "report.pdf");
  const std::string name = f.temp_path().filename().string();
  CHECK_THAT(name, Catch::StartsWith(".report.tmp-" + std::to_string(getpid()) + "-"));
  CHECK_THAT(name, Catch::EndsWith(".pdf"));
}
