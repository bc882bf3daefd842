#include "app/job_runner.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "app/app_state.hpp"
#include "app/job_outcome.hpp"
#include "core/error.hpp"

using namespace caremap;
using namespace caremap::app;
using namespace std::chrono_literals;

namespace {

// Generous: a busy 2-core machine shared by several builds must not fail these tests by being
// slow; a broken runner still fails them (it never gets there), it just takes this long.
constexpr auto kPatience = 30s;

// Everything finished once the runner is idle (or the patience is spent).
std::vector<FinishedJob> wait_all(JobRunner& jobs) {
  std::vector<FinishedJob> out;
  const auto give_up = std::chrono::steady_clock::now() + kPatience;
  while (!jobs.wait_idle(50ms) && std::chrono::steady_clock::now() < give_up) {
  }
  for (auto& f : jobs.take_finished()) {
    out.push_back(std::move(f));
  }
  return out;
}

// Waits until `condition` holds or the patience is spent; returns whether it holds.
template <class Condition>
bool eventually(Condition condition) {
  const auto give_up = std::chrono::steady_clock::now() + kPatience;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) {
      return false;
    }
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

// Opens a gate when the test ends however it ends (a failed REQUIRE included), so that a job
// waiting on it finishes and the runner's destructor does not wait for ever.
struct Gate {
  std::atomic<bool> open{false};
  ~Gate() { open = true; }
  // A job's wait: until the gate opens or the job is cancelled.
  void wait(const core::Progress& p) const {
    while (!open && !p.cancelled()) {
      std::this_thread::sleep_for(1ms);
    }
  }
};

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
  auto done = wait_all(app.jobs);
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
  auto done = wait_all(app.jobs);
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
  auto done = wait_all(app.jobs);
  REQUIRE(done.size() == 2);
  std::sort(done.begin(), done.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  CHECK(done[0].error.find("broken file") != std::string::npos);
  CHECK(done[0].end() == JobEnd::failed);
  CHECK_FALSE(done[0].completion);
  CHECK(done[1].cancelled);
  CHECK(done[1].end() == JobEnd::cancelled);
}

TEST_CASE("the outcome handler runs on result, error, cancel and when dropped", "[jobs]") {
  AppState app;
  std::vector<std::pair<std::string, JobEnd>> ends;
  auto record = [&](std::string name) {
    return
        [&ends, name](AppState&, JobEnd end, const std::string&) { ends.emplace_back(name, end); };
  };
  Gate gate;
  app.jobs.submit(
      "ok", [](core::Progress&) -> Completion { return [](AppState&) {}; }, {}, record("ok"));
  app.jobs.submit(
      "fails", [](core::Progress&) -> Completion { throw core::InputError("no such file"); }, {},
      record("fails"));
  const JobId long_id = app.jobs.submit(
      "long",
      [&](core::Progress& p) -> Completion {
        gate.wait(p);
        core::report_progress(&p, 1.0);  // throws once cancelled
        return [](AppState&) {};
      },
      {}, record("long"));
  // Same key twice: the first may be dropped from the queue before it runs, or cancelled
  // while running; either way it ends, and its handler runs.
  app.jobs.submit(
      "slider",
      [&](core::Progress& p) -> Completion {
        gate.wait(p);
        core::report_progress(&p, 1.0);
        return [](AppState&) {};
      },
      "k", record("first"));
  app.jobs.submit(
      "slider", [](core::Progress&) -> Completion { return [](AppState&) {}; }, "k",
      record("second"));
  app.jobs.cancel(long_id);
  REQUIRE(eventually([&] {
    apply_finished_jobs(app);
    return ends.size() == 5;
  }));
  auto end_of = [&](const std::string& name) {
    for (const auto& [n, e] : ends) {
      if (n == name) {
        return e;
      }
    }
    FAIL("no outcome for " << name);
    return JobEnd::done;
  };
  CHECK(end_of("ok") == JobEnd::done);
  CHECK(end_of("fails") == JobEnd::failed);
  CHECK(end_of("long") == JobEnd::cancelled);
  CHECK(end_of("first") == JobEnd::cancelled);
  CHECK(end_of("second") == JobEnd::done);
}

TEST_CASE("jobs with the same key coalesce: only the latest result is applied", "[jobs]") {
  AppState app;
  Gate gate;
  // A slow first job holds a worker while three more with the same key arrive.
  app.jobs.submit(
      "slider",
      [&](core::Progress& p) -> Completion {
        gate.wait(p);
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
  gate.open = true;
  auto done = wait_all(app.jobs);
  for (auto& f : done) {
    if (f.completion) {
      f.completion(app);
    }
  }
  CHECK(app.region_name == "4;");
}

TEST_CASE("a finished result not yet taken is superseded by a newer job with its key", "[jobs]") {
  AppState app;
  app.jobs.submit(
      "slider",
      [](core::Progress&) -> Completion { return [](AppState& a) { a.region_name += "old;"; }; },
      "coverage");
  REQUIRE(app.jobs.wait_idle(kPatience));  // finished, its result still waiting for the UI
  app.jobs.submit(
      "slider",
      [](core::Progress&) -> Completion { return [](AppState& a) { a.region_name += "new;"; }; },
      "coverage");
  auto done = wait_all(app.jobs);
  REQUIRE(done.size() == 2);
  CHECK(done[0].cancelled);
  CHECK_FALSE(done[0].completion);
  for (auto& f : done) {
    if (f.completion) {
      f.completion(app);
    }
  }
  CHECK(app.region_name == "new;");
}

TEST_CASE("a long job does not hold up a short one", "[jobs]") {
  AppState app;
  REQUIRE(app.jobs.workers() >= 2);
  Gate gate;
  app.jobs.submit("road graph", [&](core::Progress& p) -> Completion {
    gate.wait(p);
    return nullptr;
  });
  std::atomic<bool> short_done{false};
  app.jobs.submit("coverage", [&](core::Progress&) -> Completion {
    short_done = true;
    return nullptr;
  });
  // The short job finishes while the long one still waits for the gate.
  CHECK(eventually([&] { return short_done.load(); }));
  CHECK(app.jobs.busy("") == false);  // neither has a key
  CHECK_FALSE(app.jobs.idle());
  gate.open = true;
  CHECK(app.jobs.wait_idle(kPatience));
}

TEST_CASE("status lists running and queued jobs with progress and key", "[jobs]") {
  JobRunner jobs(1);  // one worker, so the second job queues behind the first
  Gate gate;
  jobs.submit(
      "long",
      [&](core::Progress& p) -> Completion {
        p.set(0.25);
        p.set_stage("reading");
        gate.wait(p);
        return nullptr;
      },
      "load");
  jobs.submit("next", [](core::Progress&) -> Completion { return nullptr; });
  std::vector<JobStatus> st;
  REQUIRE(eventually([&] {
    st = jobs.status();
    return !st.empty() && st[0].running && st[0].fraction > 0;
  }));
  REQUIRE(st.size() == 2);
  CHECK(st[0].label == "long");
  CHECK(st[0].key == "load");
  CHECK(st[0].fraction == Approx(0.25));
  CHECK(st[0].stage == "reading");
  CHECK_FALSE(st[1].running);
  CHECK(jobs.busy("load"));
  CHECK_FALSE(jobs.busy("other"));
  gate.open = true;
  CHECK(jobs.wait_idle(kPatience));
  CHECK_FALSE(jobs.busy("load"));
}
