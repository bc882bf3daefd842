#include <unistd.h>

#include <iostream>

#include "cli/cancel_on_signal.hpp"
#include "cli/run_cli.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  caremap::core::Progress progress;
  const caremap::cli::CancelOnSignal ctrl_c(progress);
  caremap::cli::CliOptions options;
  options.progress_bar = isatty(STDERR_FILENO) != 0;
  options.progress = &progress;
  return caremap::cli::run_cli(args, std::cout, std::cerr, options);
}
