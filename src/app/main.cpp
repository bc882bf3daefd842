// caremap-viewer: the map viewer. Everything is in the caremap_app library (run_viewer).
#include <string_view>
#include <vector>

#include "app/viewer.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  return caremap::app::run_viewer(args);
}
