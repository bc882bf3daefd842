// `caremap plan`: the planning questions of issue 14 as subcommands (backup, n-1, locate).

#include "cli/command.hpp"
#include "cli/plan_commands.hpp"

namespace caremap::cli {

void add_plan_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* plan = root.add_subcommand(
      "plan",
      "Planning: backup physicians (backup), losing a clinic (n-1), where to add one (locate)");
  plan->require_subcommand(1);
  add_plan_backup_command(*plan, registry);
  add_plan_n_minus_one_command(*plan, registry);
  add_plan_locate_command(*plan, registry);
}

}  // namespace caremap::cli
