#pragma once
// Wall-clock time per phase of a command, printed by --timing ("time read: 12.3 ms") so the
// benchmarks can split a whole-process time into reading, searching and writing. Each phase
// also gets the CPU time the process spent in it (all threads): on a shared machine the wall
// time grows with the load and the CPU time much less, so the CPU time is what compares.

#include <algorithm>
#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace caremap::cli {

/// CPU time of the whole process so far (user + system, all threads), in seconds.
double process_cpu_seconds();

class PhaseTimer {
 public:
  /// Ends the current phase under `name` and starts the next.
  void lap(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    const double cpu = process_cpu_seconds();
    m_phases.push_back(
        {std::move(name), std::chrono::duration<double>(now - m_start).count(), cpu - m_cpu, {}});
    m_start = now;
    m_cpu = cpu;
  }
  /// Ends the current phase split into `parts` (name, seconds measured inside it, e.g. by an
  /// analysis) and `rest`, which gets the remainder. The CPU time is known only for the whole,
  /// and is printed with `rest` as the CPU time of all of them.
  void lap_split(const std::vector<std::pair<std::string, double>>& parts, std::string rest) {
    const auto now = std::chrono::steady_clock::now();
    const double cpu = process_cpu_seconds();
    double remainder = std::chrono::duration<double>(now - m_start).count();
    std::string group;
    for (const auto& [name, seconds] : parts) {
      m_phases.push_back({name, seconds, std::nullopt, {}});
      remainder -= seconds;
      group += name + " + ";
    }
    m_phases.push_back({std::move(rest), std::max(0.0, remainder), cpu - m_cpu, group});
    m_start = now;
    m_cpu = cpu;
  }
  /// One line per phase, then the total and the process's peak resident memory so far.
  void print(std::ostream& err) const;

 private:
  struct Phase {
    std::string name;
    double seconds = 0.0;
    std::optional<double> cpu_seconds;
    std::string cpu_group;  // "index + search + " when the CPU time covers the phases before
  };
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  double m_cpu = process_cpu_seconds();
  std::vector<Phase> m_phases;
};

}  // namespace caremap::cli
