#pragma once
// Progress and cancellation shared between a worker and whoever watches it (the CLI's progress
// bar, the viewer's job panel). Thread-safe. Long analyses take a `Progress*` (may be null) and
// call step()/check() at coarse intervals; this keeps them pure in their inputs and outputs.

#include <atomic>
#include <mutex>
#include <string>

namespace caremap::core {

class Progress {
 public:
  /// Fraction done in [0, 1].
  void set(double fraction) { m_fraction.store(fraction, std::memory_order_relaxed); }
  double fraction() const { return m_fraction.load(std::memory_order_relaxed); }

  void set_stage(std::string stage) {
    std::lock_guard lock(m_mutex);
    m_stage = std::move(stage);
  }
  std::string stage() const {
    std::lock_guard lock(m_mutex);
    return m_stage;
  }

  void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> m_fraction{0.0};
  std::atomic<bool> m_cancelled{false};
  mutable std::mutex m_mutex;
  std::string m_stage;
};

/// Reports `fraction` if a sink is given and throws core::Cancelled if the user cancelled.
void report_progress(Progress* p, double fraction);

}  // namespace caremap::core
