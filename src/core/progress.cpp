#include "core/progress.hpp"

#include "core/error.hpp"

namespace caremap::core {

void report_progress(Progress* p, double fraction) {
  if (p == nullptr) {
    return;
  }
  if (p->cancelled()) {
    throw Cancelled();
  }
  p->set(fraction);
}

}  // namespace caremap::core
