#pragma once
// The reporting flags every analysis command shares (--json, --diagnostics, --timing) and the
// end of such a command: what could not be used, and how long each phase took, on stderr.

#include "cli/command.hpp"
#include "cli/phase_timer.hpp"
#include "core/diagnostics.hpp"

namespace caremap::cli {

struct ReportFlags {
  bool json = false;         ///< machine-readable JSON on stdout instead of tables
  bool diagnostics = false;  ///< list every diagnostic, not only the counts
  bool timing = false;       ///< phase times on stderr
};

/// Adds --json, --diagnostics and (when `with_timing`) --timing.
void add_report_flags(CLI::App& cmd, ReportFlags& flags, bool with_timing = true);

/// Prints the diagnostics (counts per file and code; every one with --diagnostics) and, with
/// --timing, the phase times, all on stderr. Returns exit_ok: diagnostics are reports, not
/// failures.
int finish_command(const ReportFlags& flags, const core::Diagnostics& diagnostics,
                   const PhaseTimer& timer, CommandContext& context);

}  // namespace caremap::cli
