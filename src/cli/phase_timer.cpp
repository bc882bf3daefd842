#include "cli/phase_timer.hpp"

#include <sys/resource.h>

#include "cli/text_table.hpp"

namespace caremap::cli {

void PhaseTimer::print(std::ostream& err) const {
  double total = 0.0;
  for (const auto& [name, seconds] : m_phases) {
    err << "time " << name << ": " << format_fixed(seconds * 1000.0, 1) << " ms\n";
    total += seconds;
  }
  err << "time total: " << format_fixed(total * 1000.0, 1) << " ms\n";
  // ru_maxrss is in KiB on Linux: the peak of the whole process, as /usr/bin/time -v reports.
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {
    err << "peak memory: " << format_fixed(static_cast<double>(usage.ru_maxrss) / 1024.0, 1)
        << " MiB\n";
  }
}

}  // namespace caremap::cli
