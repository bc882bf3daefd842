#pragma once
// Wall-clock time per phase of a command, printed by --timing ("time read: 12.3 ms") so the
// benchmarks can split a whole-process time into reading, searching and writing.

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
  void print(std::ostream& err) const;

 private:
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> m_phases;
};

}  // namespace caremap::cli
