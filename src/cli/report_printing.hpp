#pragma once
// What every `caremap report …` subcommand shares: the print options (--out, --paper,
// --orientation, --dpi, --lang, --date), their checks, and rendering and writing the pages
// (atomically, one file per page for SVG / PNG) with the summary line or --json.

#include <string>

#include "cli/command.hpp"
#include "cli/phase_timer.hpp"
#include "cli/report_flags.hpp"
#include "core/diagnostics.hpp"
#include "core/lang.hpp"
#include "report/document.hpp"
#include "report/page_setup.hpp"

namespace caremap::cli {

struct PrintOptions {
  std::string out;
  std::string paper = "a4";
  std::string orientation = "portrait";
  double dpi = 150.0;
  std::string lang = "ja";
  std::string date;  ///< printed date; default today (UTC)
  bool roads = true;
};

/// Adds --out, --paper, --orientation, --dpi, --lang, --date and --no-roads.
void add_print_options(CLI::App& cmd, PrintOptions& o);

/// Checks the print options before any work (ArgumentError / OutputError naming the option).
struct CheckedPrint {
  report::PageSetup setup;
  core::Lang lang = core::Lang::ja;
  std::string date;
};
CheckedPrint check_print_options(const PrintOptions& o);

/// Renders `doc`, writes its files atomically next to --out, prints what was written (or the
/// JSON with --json) and finishes the command.
int write_report(const report::Report& doc, const PrintOptions& o, const CheckedPrint& print,
                 const ReportFlags& flags, const core::Diagnostics& diagnostics, PhaseTimer& timer,
                 CommandContext& context);

/// `caremap report drill`: registered by add_report_command.
void add_report_drill_command(CLI::App& report, CommandRegistry& registry);
/// `caremap report plan`: registered by add_report_command.
void add_report_plan_command(CLI::App& report, CommandRegistry& registry);

}  // namespace caremap::cli
