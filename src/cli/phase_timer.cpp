#include "cli/phase_timer.hpp"

#include <sys/resource.h>

#include <ctime>

#include "cli/text_table.hpp"

namespace caremap::cli {

double process_cpu_seconds() {
  timespec t{};
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0) {
    return 0.0;
  }
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void PhaseTimer::print(std::ostream& err) const {
  double total = 0.0;
  double total_cpu = 0.0;
  for (const Phase& p : m_phases) {
    err << "time " << p.name << ": " << format_fixed(p.seconds * 1000.0, 1) << " ms";
    if (p.cpu_seconds) {
      err << " (cpu " << (p.cpu_group.empty() ? "" : "of " + p.cpu_group + p.name + ": ")
          << format_fixed(*p.cpu_seconds * 1000.0, 1) << " ms)";
      total_cpu += *p.cpu_seconds;
    }
    err << '\n';
    total += p.seconds;
  }
  err << "time total: " << format_fixed(total * 1000.0, 1) << " ms (cpu "
      << format_fixed(total_cpu * 1000.0, 1) << " ms)\n";
  // ru_maxrss is in KiB on Linux: the peak of the whole process, as /usr/bin/time -v reports.
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) {
    err << "peak memory: " << format_fixed(static_cast<double>(usage.ru_maxrss) / 1024.0, 1)
        << " MiB\n";
  }
}

}  // namespace caremap::cli
