#pragma once
// Ctrl-C for the `caremap` command: while a CancelOnSignal lives, SIGINT and SIGTERM cancel the
// run's core::Progress instead of killing the process. The running step then throws
// core::Cancelled at its next check, run_cli prints "cancelled" and returns exit code 5, and
// every AtomicFile on the way removes its temporary file, so earlier outputs stay as they were.
//
// The handler only stores to a lock-free atomic (async-signal-safe). It is installed with
// SA_RESETHAND: a second Ctrl-C, for a step that does not check for cancellation, kills the
// process the usual way.

#include "core/progress.hpp"

namespace caremap::cli {

class CancelOnSignal {
 public:
  /// Installs the handlers; `progress` must outlive this object. One at a time per process.
  explicit CancelOnSignal(core::Progress& progress);
  /// Restores the previous handlers.
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal&) = delete;
  CancelOnSignal& operator=(const CancelOnSignal&) = delete;
};

}  // namespace caremap::cli
