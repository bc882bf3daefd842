#pragma once
// Long work (loading, analyses) runs on one worker thread so the UI never blocks. A job is a
// function of a core::Progress (fraction, stage, cancel flag) that returns a Completion: a small
// closure the UI thread runs to put the result into the AppState (typically storing a
// std::shared_ptr<const core::Layer>). Results are collected by take_finished() on the UI thread.
//
// Coalescing: jobs submitted with the same non-empty key replace each other: a queued job with
// that key is dropped and a running one is cancelled, so dragging a radius slider computes only
// the latest value. Exceptions from a job become its error text; core::Cancelled marks it
// cancelled.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"

namespace caremap::app {

struct AppState;

using Completion = std::function<void(AppState&)>;
using JobId = std::uint64_t;

struct JobStatus {
  JobId id = 0;
  std::string label;
  double fraction = 0.0;
  std::string stage;
  bool running = false;  ///< false while queued
};

struct FinishedJob {
  JobId id = 0;
  std::string label;
  std::string key;
  Completion completion;  ///< null if the job failed or was cancelled
  std::string error;      ///< readable message if it failed
  bool cancelled = false;
  double seconds = 0.0;
};

class JobRunner {
 public:
  using Work = std::function<Completion(core::Progress&)>;

  JobRunner();
  /// Cancels what is running, drops the queue and joins the worker.
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Queues `work`; see the coalescing rule above. Thread-safe.
  JobId submit(std::string label, Work work, std::string key = {});

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

  /// True when nothing is queued or running (finished jobs may still wait to be taken).
  bool idle() const;

  /// Blocks until idle() or the timeout passes; returns idle(). For headless runs and tests.
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  struct Job {
    JobId id = 0;
    std::string label;
    std::string key;
    Work work;
    std::shared_ptr<core::Progress> progress;
  };

  void run();

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<Job> m_queue;
  std::shared_ptr<Job> m_running;
  std::vector<FinishedJob> m_finished;
  JobId m_next_id = 1;
  bool m_stop = false;
  std::thread m_worker;  // last member: started after everything above exists
};

}  // namespace caremap::app
