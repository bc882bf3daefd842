#pragma once
// Wall-clock time per phase of a command, printed by --timing ("time read: 12.3 ms") so the
// benchmarks can split a whole-process time into reading, searching and writing.

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace caremap::cli {

class PhaseTimer {
 public:
  /// Ends the current phase under `name` and starts the next.
  void lap(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    m_phases.emplace_back(std::move(name), std::chrono::duration<double>(now - m_start).count());
    m_start = now;
  }
  /// Ends the current phase split into `parts` (name, seconds measured inside it, e.g. by an
  /// analysis) and `rest`, which gets the remainder.
  void lap_split(const std::vector<std::pair<std::string, double>>& parts, std::string rest) {
    const auto now = std::chrono::steady_clock::now();
    double remainder = std::chrono::duration<double>(now - m_start).count();
    for (const auto& [name, seconds] : parts) {
      m_phases.emplace_back(name, seconds);
      remainder -= seconds;
    }
    m_phases.emplace_back(std::move(rest), std::max(0.0, remainder));
    m_start = now;
  }
  /// One line per phase, then the total and the process's peak resident memory so far.
  void print(std::ostream& err) const;

 private:
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> m_phases;
};

}  // namespace caremap::cli
