#pragma once
// Runs the `caremap` command in process and keeps what it printed.

#include <sstream>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"

namespace caremap::test {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline CliRun run_caremap(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  CliRun r;
  r.code = cli::run_cli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace caremap::test
