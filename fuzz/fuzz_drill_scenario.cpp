// libFuzzer target: a drill scenario file (JSON) read and validated by io::read_drill_scenario
// (patients, hospitals, shelters, injects with closures, outages and capacity updates).

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "io/drill_scenario_file.hpp"

using namespace caremap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = fuzz::write_input("scenario.drill.json", data, size);
  fuzz::expect_caremap_errors_only([&] { (void)io::read_drill_scenario(path); });
  return 0;
}
