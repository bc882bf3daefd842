// data_dir, find_project and list_regions (declared in io/project.hpp): where region project
// files live and how a region name becomes a path.
#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "io/project.hpp"

#ifndef CAREMAP_DATA_DIR
#error "CAREMAP_DATA_DIR must be defined by the build (see src/io/CMakeLists.txt)"
#endif

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSuffix = ".caremap.json";

}  // namespace

fs::path data_dir() {
  if (const char* env = std::getenv("CAREMAP_DATA_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  return fs::path(CAREMAP_DATA_DIR);
}

std::vector<std::string> list_regions() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.size() > kSuffix.size() && name.ends_with(kSuffix)) {
      out.push_back(name.substr(0, name.size() - kSuffix.size()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path find_project(std::string_view name_or_path) {
  const std::string s(name_or_path);
  std::error_code ec;
  const bool looks_like_path = s.find('/') != std::string::npos || s.ends_with(".json");
  if (looks_like_path || fs::is_regular_file(s, ec)) {
    if (!fs::is_regular_file(s, ec)) {
      core::ErrorContext ctx;
      ctx.file = s;
      throw core::InputError("project file not found", ctx);
    }
    return fs::path(s);
  }
  const fs::path candidate = data_dir() / (s + std::string(kSuffix));
  if (fs::is_regular_file(candidate, ec)) {
    return candidate;
  }
  std::string known;
  for (const auto& r : list_regions()) {
    known += (known.empty() ? "" : ", ") + r;
  }
  throw core::ArgumentError("unknown region '" + s + "' in " + data_dir().string() +
                            " (known regions: " + (known.empty() ? "none" : known) + ")");
}

}  // namespace caremap::io
