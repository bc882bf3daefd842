#include "io/cache_location.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "io/io_test_support.hpp"

using namespace caremap;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    set(value);
  }
  ~ScopedEnv() { set(m_old); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) const {
    if (value) {
      setenv(m_name, value->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }

  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("a cache stays beside its source when that folder is writable", "[io][cache]") {
  test::ScratchDir dir;
  const ScopedEnv xdg("XDG_CACHE_HOME", (dir / "user-cache").string());
  const fs::path beside = dir / "roads.osm.pbf.car.graph";
  CHECK(io::writable_cache_path(beside) == beside);
  CHECK_FALSE(fs::exists(dir / "user-cache"));
}

TEST_CASE("a cache whose folder cannot be written goes to the user's cache", "[io][cache]") {
  test::ScratchDir dir;
  // A folder that does not exist is not writable, whoever runs the test (root writes anywhere).
  const fs::path beside = dir / "missing" / "roads.osm.pbf.car.graph";
  SECTION("XDG_CACHE_HOME when set") {
    const ScopedEnv xdg("XDG_CACHE_HOME", (dir / "xdg").string());
    const fs::path got = io::writable_cache_path(beside);
    CHECK(got == dir / "xdg" / "caremap" / "roads.osm.pbf.car.graph");
    CHECK(fs::is_directory(got.parent_path()));
  }
  SECTION("~/.cache when XDG_CACHE_HOME is empty") {
    const ScopedEnv xdg("XDG_CACHE_HOME", std::string());
    const ScopedEnv home("HOME", (dir / "home").string());
    const fs::path got = io::writable_cache_path(beside);
    CHECK(got == dir / "home" / ".cache" / "caremap" / "roads.osm.pbf.car.graph");
    CHECK(fs::is_directory(got.parent_path()));
  }
  CHECK_FALSE(fs::exists(dir / "missing"));
}
