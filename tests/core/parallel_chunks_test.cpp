#include "core/parallel_chunks.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "core/error.hpp"

using namespace caremap;

TEST_CASE("every chunk runs exactly once, on any number of threads", "[core][parallel]") {
  for (unsigned threads : {1u, 2u, 4u, 0u}) {
    std::vector<std::atomic<int>> runs(1000);
    std::atomic<unsigned> max_worker{0};
    core::parallel_chunks(runs.size(), threads, [&](std::size_t chunk, unsigned worker) {
      runs[chunk].fetch_add(1);
      unsigned seen = max_worker.load();
      while (worker > seen && !max_worker.compare_exchange_weak(seen, worker)) {
      }
    });
    for (const auto& r : runs) {
      CHECK(r.load() == 1);
    }
    CHECK(max_worker.load() < core::worker_count(threads, runs.size()));
  }
  CHECK(core::worker_count(8, 3) == 3);
  CHECK(core::worker_count(1, 1000) == 1);
}

TEST_CASE("a failing chunk stops the run and its exception comes back", "[core][parallel]") {
  // On one thread the order is fixed, so "stops the run" is exact: nothing after the failing chunk
  // runs.
  std::atomic<int> ran{0};
  auto fail_at_10 = [&](std::size_t chunk, unsigned) {
    ran.fetch_add(1);
    if (chunk == 10) {
      throw std::runtime_error("bad chunk");
    }
  };
  CHECK_THROWS_WITH(core::parallel_chunks(10'000, 1, fail_at_10), "bad chunk");
  CHECK(ran.load() == 11);

  // On several threads the other workers may finish their chunks (a busy machine can run them all
  // before the failing worker is scheduled again); what must hold is that the exception comes back.
  ran = 0;
  CHECK_THROWS_WITH(core::parallel_chunks(10'000, 4, fail_at_10), "bad chunk");
  CHECK(ran.load() >= 11);
  CHECK(ran.load() <= 10'000);
}

TEST_CASE("progress is reported and cancellation honoured", "[core][parallel]") {
  core::Progress progress;
  core::parallel_chunks(
      100, 1, [](std::size_t, unsigned) {}, &progress, 0.2, 0.6);
  CHECK(progress.fraction() == Approx(0.6));
  progress.cancel();
  CHECK_THROWS_AS(core::parallel_chunks(
                      100, 2, [](std::size_t, unsigned) {}, &progress),
                  core::Cancelled);
}
