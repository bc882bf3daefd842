// The autosave's session file (app/autosave.hpp): where it lives, how a crash is told from a
// clean exit and from another open viewer, and when the Autosaver writes.

#include "app/autosave.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iterator>

#include "io/io_test_support.hpp"
#include "support/ended_process.hpp"

using namespace caremap;
using namespace caremap::app;
namespace fs = std::filesystem;

namespace {

void write_record(const fs::path& path, long pid, bool clean_exit) {
  SessionRecord r;
  r.pid = pid;
  r.clean_exit = clean_exit;
  r.saved_at = "2026-12-07 05:00:00 UTC";
  r.project.region = "monaco";
  test::write_text(path, session_json(r));
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (m_old) {
      setenv(m_name, m_old->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("the session file lives under XDG_STATE_HOME, else ~/.local/state", "[autosave]") {
  {
    const ScopedEnv state("XDG_STATE_HOME", "/tmp/state-here");
    CHECK(autosave_path() == fs::path("/tmp/state-here/caremap/session.json"));
  }
  const ScopedEnv state("XDG_STATE_HOME", nullptr);
  const ScopedEnv home("HOME", "/home/planner");
  CHECK(autosave_path() == fs::path("/home/planner/.local/state/caremap/session.json"));
}

TEST_CASE("a record without a clean exit whose process is gone is a crash", "[autosave]") {
  test::ScratchDir dir;
  const fs::path path = dir / "session.json";
  CHECK(check_previous_session(path).kind == PreviousSession::none);

  write_record(path, test::ended_process_id(), false);
  const SessionCheck crashed = check_previous_session(path);
  CHECK(crashed.kind == PreviousSession::crashed);
  REQUIRE(crashed.record);
  CHECK(crashed.record->project.region == "monaco");

  write_record(path, test::ended_process_id(), true);
  CHECK(check_previous_session(path).kind == PreviousSession::clean);

  write_record(path, getppid(), false);  // a process that still runs: another open viewer
  CHECK(check_previous_session(path).kind == PreviousSession::running);

  test::write_text(path, "{\"pid\": 12");  // torn by hand: starting must not fail
  const SessionCheck torn = check_previous_session(path);
  CHECK(torn.kind == PreviousSession::none);
  CHECK_THAT(torn.warning, Catch::Contains(path.string()));
}

TEST_CASE("the autosaver writes when the state changes and marks a clean exit", "[autosave]") {
  test::ScratchDir dir;
  const fs::path path = dir / "state" / "caremap" / "session.json";  // folders made on demand
  Autosaver saver(path);
  ProjectState state;
  state.region = "monaco";
  const auto t0 = Autosaver::Clock::now();
  CHECK(saver.update(state, t0));
  CHECK(check_previous_session(path).kind == PreviousSession::crashed);  // as a crash would
  CHECK_FALSE(saver.update(state, t0 + std::chrono::seconds(1)));
  state.nearest = core::LonLat{7.42, 43.73};
  CHECK(saver.update(state, t0 + std::chrono::seconds(2)));
  CHECK(parse_session(test::read_text(path)).project == state);
  // Unchanged, but old: written again (the periodic save).
  CHECK(saver.update(state, t0 + std::chrono::minutes(8)));

  saver.finish(state);
  const SessionCheck after = check_previous_session(path);
  CHECK(after.kind == PreviousSession::clean);
  REQUIRE(after.record);
  CHECK(after.record->pid == getpid());
  CHECK(after.record->project == state);
  // Only the session file is there: no temporary left beside it.
  CHECK(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator{}) == 1);
}
