#pragma once
// Long work (loading, analyses) runs on a small pool of worker threads so the UI never blocks
// and a long job (building a road graph) never holds up a short one (a coverage slider). A job is
// a function of a core::Progress (fraction, stage, cancel flag) that returns a Completion: a
// small closure the UI thread runs to put the result into the AppState. Results are collected by
// take_finished() and applied by apply_finished_jobs() (job_outcome.hpp) on the UI thread.
//
// Every job may carry an outcome handler (JobOutcome) that the UI thread runs once the job has
// ended, whether it produced a result, failed or was cancelled (also when it was dropped from the
// queue before it started): what a job has to undo or count (a "loading" flag, a pending load)
// goes there, never into code that matches a job's label.
//
// Coalescing: jobs submitted with the same non-empty key replace each other: a queued job with
// that key is dropped (it ends cancelled) and a running one is cancelled, so dragging a radius
// slider computes only the latest value. A cancelled job's completion is never applied, even if
// its work had already finished. Exceptions from a job become its error text; core::Cancelled
// marks it cancelled.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"

namespace caremap::app {

struct AppState;

using Completion = std::function<void(AppState&)>;
using JobId = std::uint64_t;

/// How a job ended.
enum class JobEnd { done, failed, cancelled };

/// Runs on the UI thread after the job ended (after its completion, if it had one), with how it
/// ended and, when it failed, the error text.
using JobOutcome = std::function<void(AppState&, JobEnd, const std::string& error)>;

struct JobStatus {
  JobId id = 0;
  std::string label;
  std::string key;
  double fraction = 0.0;
  std::string stage;
  bool running = false;  ///< false while queued
};

struct FinishedJob {
  JobId id = 0;
  std::string label;
  std::string key;
  Completion completion;  ///< null if the job failed or was cancelled
  JobOutcome outcome;     ///< null if the job has no outcome handler
  std::string error;      ///< readable message if it failed
  bool cancelled = false;
  double seconds = 0.0;

  JobEnd end() const {
    return cancelled ? JobEnd::cancelled : error.empty() ? JobEnd::done : JobEnd::failed;
  }
};

class JobRunner {
 public:
  using Work = std::function<Completion(core::Progress&)>;

  /// Default pool size: two workers (one for long loads, one for interactive analyses) or more
  /// on machines with more cores, at most four (analyses parallelise inside themselves).
  static unsigned default_workers();

  explicit JobRunner(unsigned workers = default_workers());
  /// Cancels what is running, drops the queue and joins the workers.
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Queues `work`; see the coalescing rule above. Thread-safe.
  JobId submit(std::string label, Work work, std::string key = {}, JobOutcome outcome = {});

  /// Convenience for the common case: a job producing one layer, handed to `on_done` on the UI
  /// thread.
  JobId submit_layer(std::string label, std::function<core::LayerPtr(core::Progress&)> work,
                     std::function<void(AppState&, core::LayerPtr)> on_done, std::string key = {});

  /// Requests cancellation of a queued or running job.
  void cancel(JobId id);

  /// Finished jobs since the last call, in completion order. Call on the UI thread.
  std::vector<FinishedJob> take_finished();

  /// Queued and running jobs, running first.
  std::vector<JobStatus> status() const;

  /// True while a job with this (non-empty) key is queued or running.
  bool busy(std::string_view key) const;

  /// True when nothing is queued or running (finished jobs may still wait to be taken).
  bool idle() const;

  /// Blocks until idle() or the timeout passes; returns idle(). For headless runs and tests.
  bool wait_idle(std::chrono::milliseconds timeout);

  /// Number of worker threads.
  std::size_t workers() const { return m_workers.size(); }

 private:
  struct Job {
    JobId id = 0;
    std::string label;
    std::string key;
    Work work;
    JobOutcome outcome;
    std::shared_ptr<core::Progress> progress;
  };

  void run();
  bool idle_locked() const { return m_queue.empty() && m_running.empty(); }

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<Job> m_queue;
  std::vector<std::shared_ptr<Job>> m_running;
  std::vector<FinishedJob> m_finished;
  JobId m_next_id = 1;
  bool m_stop = false;
  std::vector<std::thread> m_workers;  // last member: started after everything above exists
};

}  // namespace caremap::app
