#include "cli/cancel_on_signal.hpp"

#include <atomic>
#include <csignal>

namespace caremap::cli {

namespace {

// A signal handler can reach only globals; Progress::cancel() is one relaxed store to an
// atomic<bool>, which must be lock-free to be safe inside a handler.
static_assert(std::atomic<bool>::is_always_lock_free);
static_assert(std::atomic<core::Progress*>::is_always_lock_free);
std::atomic<core::Progress*> g_cancel_target{nullptr};

struct sigaction g_previous_int {};
struct sigaction g_previous_term {};

extern "C" void cancel_run(int /*signal*/) {
  if (core::Progress* p = g_cancel_target.load()) {
    p->cancel();
  }
}

}  // namespace

CancelOnSignal::CancelOnSignal(core::Progress& progress) {
  g_cancel_target.store(&progress);
  struct sigaction action {};
  action.sa_handler = cancel_run;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

CancelOnSignal::~CancelOnSignal() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  g_cancel_target.store(nullptr);
}

}  // namespace caremap::cli
