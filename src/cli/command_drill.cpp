// `caremap drill`: the disaster drill (issue 13). Its two subcommands, `run` and `generate`,
// live in their own files.

#include "cli/command.hpp"

namespace caremap::cli {

void add_drill_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* drill = root.add_subcommand(
      "drill",
      "Disaster drill: send each patient to a hospital with a free bed when roads and "
      "hospitals fail");
  drill->require_subcommand(1);
  add_drill_run_command(*drill, registry);
  add_drill_generate_command(*drill, registry);
}

}  // namespace caremap::cli
