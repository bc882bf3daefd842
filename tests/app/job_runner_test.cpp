#include "app/job_runner.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "app/app_state.hpp"
#include "core/error.hpp"

using namespace caremap;
using namespace caremap::app;
using namespace std::chrono_literals;

namespace {

std::vector<FinishedJob> wait_for(JobRunner& jobs, std::size_t n) {
  std::vector<FinishedJob> out;
  for (int i = 0; i < 500 && out.size() < n; ++i) {
    jobs.wait_idle(20ms);
    for (auto& f : jobs.take_finished()) {
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a job runs off the calling thread and completes on take_finished", "[jobs]") {
  AppState app;
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> other_thread{false};
  app.jobs.submit("work", [&](core::Progress& p) -> Completion {
    other_thread = std::this_thread::get_id() != caller;
    p.set(1.0);
    return [](AppState& a) { a.region_name = "done"; };
  });
  auto done = wait_for(app.jobs, 1);
  REQUIRE(done.size() == 1);
  CHECK(other_thread);
  REQUIRE(done[0].completion);
  CHECK(app.region_name.empty());  // nothing touches the state until the UI thread applies it
  done[0].completion(app);
  CHECK(app.region_name == "done");
}

TEST_CASE("a layer job hands its layer to the UI thread", "[jobs]") {
  AppState app;
  app.jobs.submit_layer(
      "layer",
      [](core::Progress&) {
        auto l = std::make_shared<core::Layer>();
        l->id = "made";
        return core::LayerPtr(l);
      },
      [](AppState& a, core::LayerPtr layer) { add_layer(a, layer, {}, {}, true); });
  auto done = wait_for(app.jobs, 1);
  REQUIRE(done.size() == 1);
  done[0].completion(app);
  REQUIRE(app.layers.size() == 1);
  CHECK(app.layers[0].id == "made");
}

TEST_CASE("errors and cancellation are reported, not thrown", "[jobs]") {
  AppState app;
  app.jobs.submit("fails",
                  [](core::Progress&) -> Completion { throw core::InputError("broken file"); });
  app.jobs.submit("cancelled", [](core::Progress&) -> Completion { throw core::Cancelled(); });
  auto done = wait_for(app.jobs, 2);
  REQUIRE(done.size() == 2);
  CHECK(done[0].error.find("broken file") != std::string::npos);
  CHECK_FALSE(done[0].completion);
  CHECK(done[1].cancelled);
}

TEST_CASE("jobs with the same key coalesce: only the latest result is applied", "[jobs]") {
  AppState app;
  std::atomic<bool> release{false};
  // A slow first job holds the worker while three more with the same key queue up.
  app.jobs.submit(
      "slider",
      [&](core::Progress& p) -> Completion {
        while (!release && !p.cancelled()) {
          std::this_thread::sleep_for(1ms);
        }
        core::report_progress(&p, 0.5);  // throws Cancelled once superseded
        return [](AppState& a) { a.region_name += "first;"; };
      },
      "coverage");
  for (int i = 2; i <= 4; ++i) {
    app.jobs.submit(
        "slider",
        [i](core::Progress&) -> Completion {
          return [i](AppState& a) { a.region_name += std::to_string(i) + ";"; };
        },
        "coverage");
  }
  release = true;
  auto done = wait_for(app.jobs, 2);
  for (auto& f : done) {
    if (f.completion) {
      f.completion(app);
    }
  }
  CHECK(app.region_name == "4;");
}

TEST_CASE("status lists running and queued jobs with progress", "[jobs]") {
  AppState app;
  std::atomic<bool> release{false};
  app.jobs.submit("long", [&](core::Progress& p) -> Completion {
    p.set(0.25);
    p.set_stage("reading");
    while (!release) {
      std::this_thread::sleep_for(1ms);
    }
    return nullptr;
  });
  app.jobs.submit("next", [](core::Progress&) -> Completion { return nullptr; });
  std::vector<JobStatus> st;
  for (int i = 0; i < 200; ++i) {
    st = app.jobs.status();
    if (!st.empty() && st[0].running && st[0].fraction > 0) {
      break;
    }
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(st.size() == 2);
  CHECK(st[0].label == "long");
  CHECK(st[0].fraction == Approx(0.25));
  CHECK(st[0].stage == "reading");
  CHECK_FALSE(st[1].running);
  release = true;
  CHECK(app.jobs.wait_idle(5s));
}
