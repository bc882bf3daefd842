#pragma once
// Applying finished jobs on the UI thread, in one place for the viewer and the tests: each job's
// completion (its result), then its outcome handler (result, error and cancel alike).

#include <string>
#include <vector>

#include "app/app_state.hpp"

namespace caremap::app {

/// Applies every finished job; returns "label: message" for each failure (a job's error or a
/// completion that threw), which are also logged. Cancelled jobs are not failures.
std::vector<std::string> apply_finished_jobs(AppState& app);

}  // namespace caremap::app
