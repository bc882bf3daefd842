#include "core/parallel_chunks.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"

namespace caremap::core {

unsigned worker_count(unsigned threads, std::size_t chunks) {
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, chunks)));
}

void parallel_chunks(std::size_t chunks, unsigned threads,
                     const std::function<void(std::size_t chunk, unsigned worker)>& body,
                     core::Progress* progress, double progress_from, double progress_to) {
  if (chunks == 0) {
    return;
  }
  const unsigned workers = worker_count(threads, chunks);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  auto run = [&](unsigned worker) {
    try {
      while (!stop.load(std::memory_order_relaxed)) {
        const std::size_t chunk = next.fetch_add(1, std::memory_order_relaxed);
        if (chunk >= chunks) {
          break;
        }
        // Every worker watches for cancellation: worker 0 may get no chunk at all when the
        // others are quicker.
        if (progress && progress->cancelled()) {
          throw core::Cancelled();
        }
        body(chunk, worker);
        const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
        if (worker == 0) {
          core::report_progress(progress, progress_from + (progress_to - progress_from) *
                                                              static_cast<double>(finished) /
                                                              chunks);
        }
      }
    } catch (...) {
      stop.store(true, std::memory_order_relaxed);
      std::lock_guard lock(failure_mutex);
      if (!failure) {
        failure = std::current_exception();
      }
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (unsigned w = 1; w < workers; ++w) {
    pool.emplace_back(run, w);
  }
  run(0);
  for (std::thread& t : pool) {
    t.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  core::report_progress(progress, progress_to);
}

}  // namespace caremap::core
