#include "cli/report_flags.hpp"

#include "cli/exit_codes.hpp"
#include "cli/region_loading.hpp"

namespace caremap::cli {

void add_report_flags(CLI::App& cmd, ReportFlags& flags, bool with_timing) {
  cmd.add_flag("--json", flags.json, "Print machine-readable JSON instead of tables");
  cmd.add_flag("--diagnostics", flags.diagnostics,
               "List every unusable row or other diagnostic, with file, row and field");
  if (with_timing) {
    cmd.add_flag("--timing", flags.timing, "Print the time of each phase on stderr");
  }
}

int finish_command(const ReportFlags& flags, const core::Diagnostics& diagnostics,
                   const PhaseTimer& timer, CommandContext& context) {
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics, context.err, flags.diagnostics);
  }
  if (flags.timing) {
    timer.print(context.err);
  }
  return exit_ok;
}

}  // namespace caremap::cli
