#include "io/cache_location.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace caremap::io {

namespace fs = std::filesystem;

fs::path writable_cache_path(const fs::path& beside) {
  const fs::path folder = beside.parent_path().empty() ? fs::path(".") : beside.parent_path();
  if (access(folder.c_str(), W_OK) == 0) {
    return beside;
  }
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const fs::path base =
      xdg != nullptr && *xdg != '\0' ? fs::path(xdg) : fs::path(home ? home : "/tmp") / ".cache";
  std::error_code ec;
  fs::create_directories(base / "caremap", ec);
  return base / "caremap" / beside.filename();
}

}  // namespace caremap::io
