#pragma once
// Test helper: runs an AppState's jobs and their completions on the test's thread, as the
// viewer's frame loop does, until nothing is left. Each job must finish without error.

#include <catch2/catch.hpp>
#include <chrono>

#include "app/app_state.hpp"

namespace caremap::app::test {

// Completions may start more jobs (opening a region starts loading its road network), so this
// loops until a round finds nothing; 400 rounds of at most 50 ms is the give-up point.
inline void pump(AppState& app) {
  using namespace std::chrono_literals;
  for (int round = 0; round < 400; ++round) {
    app.jobs.wait_idle(50ms);
    bool any = false;
    for (FinishedJob& f : app.jobs.take_finished()) {
      any = true;
      INFO(f.label << ": " << f.error);
      CHECK(f.error.empty());
      if (f.completion) {
        f.completion(app);
      }
    }
    if (!any && app.jobs.idle()) {
      return;
    }
  }
  FAIL("jobs did not finish");
}

}  // namespace caremap::app::test
