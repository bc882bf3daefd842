#include "cli/phase_timer.hpp"

#include "cli/text_table.hpp"

namespace caremap::cli {

void PhaseTimer::print(std::ostream& err) const {
  for (const auto& [name, seconds] : m_phases) {
    err << "time " << name << ": " << format_fixed(seconds * 1000.0, 1) << " ms\n";
  }
}

}  // namespace caremap::cli
