#pragma once
// The `caremap` command as a library function, so tests run it in process with their own
// streams: run_cli({"nearest", "--from", "130.54,33.80"}, out, err) returns the exit code.

#include <ostream>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace caremap::cli {

struct CliOptions {
  /// Draw a progress bar on `err` for work longer than about a second (interactive terminals).
  bool progress_bar = false;
  /// The run's progress and cancel flag; null: run_cli uses its own. main() passes the one its
  /// SIGINT/SIGTERM handlers cancel (cli/cancel_on_signal.hpp).
  core::Progress* progress = nullptr;
};

/// Parses `args` (without the program name), runs the subcommand and returns an ExitCode.
/// Every caremap error is caught here and printed to `err` as one readable message.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const CliOptions& options = {});

}  // namespace caremap::cli
