// libFuzzer target: a facility or demand CSV (the same reader serves both: io::read_file with
// coordinate columns detected), in the encoding CAREMAP_FUZZ_CSV_ENCODING names ("" = detect,
// as for a file dropped on the viewer; "CP932" = a project layer declared Shift_JIS).

#include <cstddef>
#include <cstdint>

#include "crs/crs_ref.hpp"
#include "fuzz_support.hpp"
#include "io/read.hpp"

#ifndef CAREMAP_FUZZ_CSV_ENCODING
#define CAREMAP_FUZZ_CSV_ENCODING ""
#endif

using namespace caremap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crs::CrsRef working = crs::CrsRef::from_epsg(6670);
  const auto path = fuzz::write_input("facilities.csv", data, size);
  fuzz::expect_caremap_errors_only([&] {
    io::ReadOptions options;
    options.encoding = CAREMAP_FUZZ_CSV_ENCODING;
    (void)io::read_file(path, options, working);
  });
  return 0;
}
