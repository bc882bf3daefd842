#include "app/job_outcome.hpp"

#include <exception>

namespace caremap::app {

std::vector<std::string> apply_finished_jobs(AppState& app) {
  std::vector<std::string> failures;
  for (FinishedJob& job : app.jobs.take_finished()) {
    JobEnd end = job.end();
    std::string error = job.error;
    if (job.completion) {
      try {
        job.completion(app);
      } catch (const std::exception& e) {
        end = JobEnd::failed;
        error = e.what();
      }
    }
    if (end == JobEnd::failed) {
      failures.push_back(job.label + ": " + error);
      log_message(app,
                  std::string(tr(app.lang, Str::status_error)) + ": " + job.label + ": " + error);
    }
    if (job.outcome) {
      job.outcome(app, end, error);
    }
  }
  return failures;
}

}  // namespace caremap::app
