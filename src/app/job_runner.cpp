#include "app/job_runner.hpp"

#include <algorithm>
#include <exception>

#include "core/error.hpp"

namespace caremap::app {

JobRunner::JobRunner() : m_worker([this] { run(); }) {}

JobRunner::~JobRunner() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_queue.clear();
    if (m_running) {
      m_running->progress->cancel();
    }
  }
  m_wake.notify_all();
  m_worker.join();
}

JobId JobRunner::submit(std::string label, Work work, std::string key) {
  JobId id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_next_id++;
    if (!key.empty()) {
      std::erase_if(m_queue, [&](const Job& j) { return j.key == key; });
      if (m_running && m_running->key == key) {
        m_running->progress->cancel();
      }
    }
    m_queue.push_back(Job{id, std::move(label), std::move(key), std::move(work),
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
  if (m_running && m_running->id == id) {
    m_running->progress->cancel();
  }
}

std::vector<FinishedJob> JobRunner::take_finished() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_finished, {});
}

std::vector<JobStatus> JobRunner::status() const {
  std::lock_guard lock(m_mutex);
  std::vector<JobStatus> out;
  if (m_running) {
    out.push_back(JobStatus{m_running->id, m_running->label, m_running->progress->fraction(),
                            m_running->progress->stage(), true});
  }
  for (const Job& j : m_queue) {
    out.push_back(JobStatus{j.id, j.label, 0.0, {}, false});
  }
  return out;
}

bool JobRunner::idle() const {
  std::lock_guard lock(m_mutex);
  return m_queue.empty() && !m_running;
}

bool JobRunner::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, timeout, [this] { return m_queue.empty() && !m_running; });
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
      m_running = job;
    }
    FinishedJob done;
    done.id = job->id;
    done.label = job->label;
    done.key = job->key;
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
      m_running.reset();
      if (m_queue.empty()) {
        m_idle.notify_all();
      }
    }
  }
}

}  // namespace caremap::app
