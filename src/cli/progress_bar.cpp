#include "cli/progress_bar.hpp"

#include <algorithm>
#include <string>

namespace caremap::cli {

ProgressBar::ProgressBar(core::Progress& progress, std::ostream& err, bool enabled,
                         std::chrono::milliseconds delay)
    : m_progress(progress), m_err(err), m_delay(delay) {
  if (enabled) {
    m_thread = std::thread([this] { run(); });
  }
}

ProgressBar::~ProgressBar() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void ProgressBar::run() {
  std::unique_lock lock(m_mutex);
  if (m_wake.wait_for(lock, m_delay, [this] { return m_stop; })) {
    return;  // finished before the delay: nothing to show
  }
  while (!m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_stop; })) {
    draw(false);
  }
  if (m_drawn) {
    draw(true);
  }
}

void ProgressBar::draw(bool final_line) {
  constexpr int width = 30;
  const double f = std::clamp(final_line ? 1.0 : m_progress.fraction(), 0.0, 1.0);
  const int filled = static_cast<int>(f * width);
  std::string bar = "\r[" + std::string(filled, '#') + std::string(width - filled, ' ') + "] ";
  bar += std::to_string(static_cast<int>(f * 100)) + "% " + m_progress.stage();
  bar += "\033[K";  // clear the rest of a longer previous line
  m_err << bar << (final_line ? "\n" : "") << std::flush;
  m_drawn = true;
}

}  // namespace caremap::cli
