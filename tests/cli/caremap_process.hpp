#pragma once
// Runs the real `caremap` executable as a child process (for the tests that signal or kill it:
// in-process run_cli cannot be killed without killing the test), with its stdout discarded and
// its stderr in a file.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace caremap::test {

struct ChildProcess {
  pid_t pid = -1;
  int status = 0;
};

/// Starts CAREMAP_CLI_EXE with `args`, this process's environment plus `extra_env`
/// ("NAME=value" entries).
inline ChildProcess spawn_caremap(const std::vector<std::string>& args,
                                  const std::filesystem::path& stderr_file,
                                  const std::vector<std::string>& extra_env = {}) {
  std::vector<std::string> all{CAREMAP_CLI_EXE};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::vector<std::string> env_copy(extra_env);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    envp.push_back(*e);
  }
  for (auto& e : env_copy) {
    envp.push_back(e.data());
  }
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ChildProcess child;
  const int rc = posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return child;
}

/// Waits for the child, killing it after `limit` so a run that ignores a signal fails the test
/// instead of hanging it. True when it ended by itself (or by the signal sent before).
inline bool wait_for(ChildProcess& child, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (waitpid(child.pid, &child.status, WNOHANG) == child.pid) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(child.pid, SIGKILL);
  waitpid(child.pid, &child.status, 0);
  return false;
}

}  // namespace caremap::test
