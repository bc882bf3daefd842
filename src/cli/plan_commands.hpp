#pragma once
// The subcommands of `caremap plan` (command_plan.cpp makes the group), one file each.

#include "cli/command.hpp"

namespace caremap::cli {

void add_plan_backup_command(CLI::App& plan, CommandRegistry& registry);
void add_plan_n_minus_one_command(CLI::App& plan, CommandRegistry& registry);
void add_plan_locate_command(CLI::App& plan, CommandRegistry& registry);

}  // namespace caremap::cli
