// libFuzzer target: a road line layer as the routing reads it. The first byte chooses what the
// rest is:
//   even: GeoJSON lines (KSJ N01 as data/geo ships it) read with io::read_file (category road)
//         and built into a graph with the region's n01-1996 line profile
//         (routing::build_line_graph: tolerance joins, T-junctions, node fields);
//   odd:  a line-layer profile JSON (routing::line_profile_from_json), the text that says how
//         the lines become roads.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "crs/crs_ref.hpp"
#include "fuzz_support.hpp"
#include "io/read.hpp"
#include "routing/line_graph.hpp"
#include "routing/line_profile.hpp"

using namespace caremap;

namespace {

// The profile the default region's N01 roads are read with (data/geo/profiles).
routing::LineProfile n01_profile() {
  std::ifstream in(CAREMAP_FUZZ_LINE_PROFILE, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return routing::line_profile_from_json(text.str(), CAREMAP_FUZZ_LINE_PROFILE);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_quiet_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const crs::CrsRef working = crs::CrsRef::from_epsg(6670);
  static const routing::LineProfile profile = n01_profile();
  const bool profile_text = (data[0] & 1U) != 0;
  if (profile_text) {
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    fuzz::expect_caremap_errors_only(
        [&] { (void)routing::line_profile_from_json(text, "fuzz.profile.json"); });
    return 0;
  }
  const auto path = fuzz::write_input("roads.geojson", data + 1, size - 1);
  fuzz::expect_caremap_errors_only([&] {
    io::ReadOptions options;
    options.category = core::Category::road;
    const auto loaded = io::read_file(path, options, working);
    core::Diagnostics diagnostics;
    routing::GraphInfo info{path.string(), profile.name, 0, working.definition};
    (void)routing::build_line_graph(*loaded.layer, profile, info, diagnostics);
  });
  return 0;
}
