#include "io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"

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
