#pragma once
// Test helper: runs an AppState's jobs and applies their completions and outcome handlers on the
// test's thread (apply_finished_jobs, as the viewer's frame loop does), until nothing is left.
// Each job must finish without error.

#include <catch2/catch.hpp>
#include <chrono>

#include "app/app_state.hpp"
#include "app/job_outcome.hpp"

namespace caremap::app::test {

// Completions may start more jobs (opening a region starts loading its road network), so this
// loops until a round finds nothing; 400 rounds of at most 50 ms is the give-up point.
inline void pump(AppState& app) {
  using namespace std::chrono_literals;
  for (int round = 0; round < 400; ++round) {
    app.jobs.wait_idle(50ms);
    const bool idle_before = app.jobs.idle();
    for (const std::string& failure : apply_finished_jobs(app)) {
      FAIL_CHECK(failure);
    }
    // Idle before applying and still idle after: no completion or outcome started a job.
    if (idle_before && app.jobs.idle()) {
      return;
    }
  }
  FAIL("jobs did not finish");
}

}  // namespace caremap::app::test
