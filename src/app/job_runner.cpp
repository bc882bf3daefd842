#include "app/job_runner.hpp"

#include <algorithm>
#include <exception>

#include "core/error.hpp"

namespace caremap::app {

unsigned JobRunner::default_workers() {
  return std::clamp(std::thread::hardware_concurrency(), 2u, 4u);
}

JobRunner::JobRunner(unsigned workers) {
  const unsigned n = std::max(1u, workers);
  m_workers.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    m_workers.emplace_back([this] { run(); });
  }
}

JobRunner::~JobRunner() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_queue.clear();
    for (const auto& job : m_running) {
      job->progress->cancel();
    }
  }
  m_wake.notify_all();
  for (std::thread& t : m_workers) {
    t.join();
  }
}

JobId JobRunner::submit(std::string label, Work work, std::string key, JobOutcome outcome) {
  JobId id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_next_id++;
    if (!key.empty()) {
      // Dropped jobs still end (cancelled), so their outcome handlers run.
      for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (it->key == key) {
          FinishedJob dropped;
          dropped.id = it->id;
          dropped.label = std::move(it->label);
          dropped.key = std::move(it->key);
          dropped.outcome = std::move(it->outcome);
          dropped.cancelled = true;
          m_finished.push_back(std::move(dropped));
          it = m_queue.erase(it);
        } else {
          ++it;
        }
      }
      for (const auto& running : m_running) {
        if (running->key == key) {
          running->progress->cancel();
        }
      }
      // An older job that finished but whose result the UI thread has not taken yet is
      // superseded too: with two workers it may have finished just before this submission, and
      // its result must not be applied on top of (or before) the newer one.
      for (FinishedJob& f : m_finished) {
        if (f.key == key && f.completion) {
          f.completion = nullptr;
          f.cancelled = true;
        }
      }
    }
    m_queue.push_back(Job{id, std::move(label), std::move(key), std::move(work), std::move(outcome),
                          std::make_shared<core::Progress>()});
  }
  m_wake.notify_one();
  return id;
}

JobId JobRunner::submit_layer(std::string label,
                              std::function<core::LayerPtr(core::Progress&)> work,
                              std::function<void(AppState&, core::LayerPtr)> on_done,
                              std::string key) {
  return submit(
      std::move(label),
      [work = std::move(work), on_done = std::move(on_done)](core::Progress& p) -> Completion {
        core::LayerPtr layer = work(p);
        return [on_done, layer](AppState& app) { on_done(app, layer); };
      },
      std::move(key));
}

void JobRunner::cancel(JobId id) {
  std::lock_guard lock(m_mutex);
  for (Job& j : m_queue) {
    if (j.id == id) {
      j.progress->cancel();
    }
  }
  for (const auto& running : m_running) {
    if (running->id == id) {
      running->progress->cancel();
    }
  }
}

std::vector<FinishedJob> JobRunner::take_finished() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_finished, {});
}

std::vector<JobStatus> JobRunner::status() const {
  std::lock_guard lock(m_mutex);
  std::vector<JobStatus> out;
  for (const auto& j : m_running) {
    out.push_back(
        JobStatus{j->id, j->label, j->key, j->progress->fraction(), j->progress->stage(), true});
  }
  for (const Job& j : m_queue) {
    out.push_back(JobStatus{j.id, j.label, j.key, 0.0, {}, false});
  }
  return out;
}

bool JobRunner::busy(std::string_view key) const {
  if (key.empty()) {
    return false;  // jobs without a key never replace each other: there is nothing to ask
  }
  std::lock_guard lock(m_mutex);
  return std::any_of(m_running.begin(), m_running.end(),
                     [&](const auto& j) { return j->key == key; }) ||
         std::any_of(m_queue.begin(), m_queue.end(), [&](const Job& j) { return j.key == key; });
}

bool JobRunner::idle() const {
  std::lock_guard lock(m_mutex);
  return idle_locked();
}

bool JobRunner::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, timeout, [this] { return idle_locked(); });
}

void JobRunner::run() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_stop) {
        return;
      }
      job = std::make_shared<Job>(std::move(m_queue.front()));
      m_queue.pop_front();
      m_running.push_back(job);
    }
    FinishedJob done;
    done.id = job->id;
    done.label = job->label;
    done.key = job->key;
    done.outcome = job->outcome;
    const auto start = std::chrono::steady_clock::now();
    try {
      if (job->progress->cancelled()) {
        throw core::Cancelled();
      }
      done.completion = job->work(*job->progress);
      // A job cancelled after its last progress check still finished its work, but a newer job
      // with the same key supersedes it: its result must not overwrite the newer one.
      if (job->progress->cancelled()) {
        done.completion = nullptr;
        done.cancelled = true;
      }
    } catch (const core::Cancelled&) {
      done.cancelled = true;
    } catch (const std::exception& e) {
      done.error = e.what();
    } catch (...) {
      done.error = "unknown error";
    }
    done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    {
      std::lock_guard lock(m_mutex);
      m_finished.push_back(std::move(done));
      std::erase(m_running, job);
      if (idle_locked()) {
        m_idle.notify_all();
      }
    }
  }
}

}  // namespace caremap::app
