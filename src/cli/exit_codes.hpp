#pragma once
// The `caremap` command's exit codes, documented in `caremap --help` and the README. Scripts
// that drive caremap (city office batch jobs, CI) branch on these.

namespace caremap::cli {

enum ExitCode : int {
  exit_ok = 0,
  exit_internal_error = 1,  ///< a bug: an unexpected exception
  exit_bad_arguments = 2,   ///< unknown option, bad value, missing required argument
  exit_bad_input = 3,       ///< a file that cannot be read or used (missing, broken, no CRS, ...)
  exit_output_failed = 4,   ///< a result could not be written (earlier files are left intact)
  exit_cancelled = 5,       ///< interrupted by the user
};

}  // namespace caremap::cli
