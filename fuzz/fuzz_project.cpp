// libFuzzer target: a project file (<region>.caremap.json) read and validated by
// io::read_project (layers, population, roads, extents, marks, filters; the data files it names
// are not opened).

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "io/project.hpp"

using namespace caremap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = fuzz::write_input("region.caremap.json", data, size);
  fuzz::expect_caremap_errors_only([&] { (void)io::read_project(path); });
  return 0;
}
