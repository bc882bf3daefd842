#pragma once
// A progress bar on stderr for work longer than about a second. A watcher thread samples a
// core::Progress every 100 ms and draws only after the work has run for `delay`, so quick
// commands print nothing. Disabled when stderr is not a terminal (pipes, tests, CI logs).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <thread>

#include "core/progress.hpp"

namespace caremap::cli {

class ProgressBar {
 public:
  ProgressBar(core::Progress& progress, std::ostream& err, bool enabled,
              std::chrono::milliseconds delay = std::chrono::milliseconds(1000));
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

 private:
  void run();
  void draw(bool final_line);

  core::Progress& m_progress;
  std::ostream& m_err;
  std::chrono::milliseconds m_delay;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  bool m_drawn = false;
  std::thread m_thread;
};

}  // namespace caremap::cli
