// libFuzzer target: a GeoJSON layer (points, lines or polygons; caremap's own provenance member
// included) read by io::read_file as a file dropped on the viewer, into the working CRS.

#include <cstddef>
#include <cstdint>

#include "crs/crs_ref.hpp"
#include "fuzz_support.hpp"
#include "io/read.hpp"

using namespace caremap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crs::CrsRef working = crs::CrsRef::from_epsg(6670);
  const auto path = fuzz::write_input("layer.geojson", data, size);
  fuzz::expect_caremap_errors_only([&] { (void)io::read_file(path, io::ReadOptions{}, working); });
  return 0;
}
