#include <unistd.h>

#include <iostream>

#include "cli/run_cli.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  caremap::cli::CliOptions options;
  options.progress_bar = isatty(STDERR_FILENO) != 0;
  return caremap::cli::run_cli(args, std::cout, std::cerr, options);
}
