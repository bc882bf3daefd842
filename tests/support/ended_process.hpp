#pragma once
// The id of a process that has ended (forked, exited at once and reaped): what a run killed with
// SIGKILL leaves in the names and records it wrote, for tests of what happens after such a kill.
// (An id can be reused by a new process later; within a test that is practically impossible.)

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace caremap::test {

inline long ended_process_id() {
  const pid_t child = fork();
  if (child == 0) {
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

}  // namespace caremap::test
