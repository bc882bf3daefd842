// libFuzzer target: an e-Stat 地域メッシュ統計 file (CP932 or UTF-8, detected) read by
// io::read_estat_mesh into cell polygons in the working CRS, secret groups shared out.

#include <cstddef>
#include <cstdint>

#include "crs/crs_ref.hpp"
#include "fuzz_support.hpp"
#include "io/estat_mesh.hpp"

using namespace caremap;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crs::CrsRef working = crs::CrsRef::from_epsg(6670);
  const auto path = fuzz::write_input("tblT001101H5030.txt", data, size);
  fuzz::expect_caremap_errors_only([&] {
    io::LayerSpec spec;
    spec.id = "population";
    spec.category = core::Category::population;
    (void)io::read_estat_mesh(spec, path, working);
  });
  return 0;
}
