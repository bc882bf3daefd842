#pragma once
// What every subcommand shares: the streams it writes to and whether a progress bar may be
// drawn; and the registry through which each subcommand file adds itself to the CLI11 parser.

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace caremap::cli {

struct CommandContext {
  std::ostream& out;          ///< results: tables, JSON
  std::ostream& err;          ///< messages, diagnostics, the progress bar
  bool progress_bar = false;  ///< only when err is an interactive terminal
  /// The run's one progress and cancel flag: every long step reports to it, so SIGINT/SIGTERM
  /// (cli/cancel_on_signal.hpp) stop whichever step is running and the run exits 5.
  core::Progress& progress;
};

/// Starts a named step on the run's progress (fraction back to 0) and returns it; the cancel
/// flag is kept, so a Ctrl-C during one step also stops the next.
inline core::Progress& start_stage(CommandContext& context, std::string stage) {
  context.progress.set_stage(std::move(stage));
  context.progress.set(0.0);
  return context.progress;
}

/// A parsed subcommand's action; returns the exit code.
using CommandAction = std::function<int(CommandContext&)>;

struct RegisteredCommand {
  CLI::App* app = nullptr;
  CommandAction run;
};

using CommandRegistry = std::vector<RegisteredCommand>;

// One function per subcommand file: each adds its options to `root` and its action to the
// registry. The options live in a shared_ptr owned by the action.
void add_info_command(CLI::App& root, CommandRegistry& registry);
void add_summary_command(CLI::App& root, CommandRegistry& registry);
void add_nearest_command(CLI::App& root, CommandRegistry& registry);
void add_coverage_command(CLI::App& root, CommandRegistry& registry);
void add_network_command(CLI::App& root, CommandRegistry& registry);
// `network export-pgrouting`, added under `network` by add_network_command.
void add_network_export_pgrouting_command(CLI::App& network, CommandRegistry& registry);
void add_service_area_command(CLI::App& root, CommandRegistry& registry);
void add_od_matrix_command(CLI::App& root, CommandRegistry& registry);
void add_population_command(CLI::App& root, CommandRegistry& registry);
void add_team_command(CLI::App& root, CommandRegistry& registry);
void add_drill_command(CLI::App& root, CommandRegistry& registry);
// `drill run` and `drill generate`, added under `drill` by add_drill_command.
void add_drill_run_command(CLI::App& drill, CommandRegistry& registry);
void add_drill_generate_command(CLI::App& drill, CommandRegistry& registry);
void add_report_command(CLI::App& root, CommandRegistry& registry);
void add_plan_command(CLI::App& root, CommandRegistry& registry);
void add_access_command(CLI::App& root, CommandRegistry& registry);

}  // namespace caremap::cli
