#pragma once
// Where the Monaco OpenStreetMap extract used by the network tests and benchmarks lives: the
// repository's data folder if the data has been copied there, else the shared data folder
// beside the checkout. Monaco's working CRS is UTM zone 32N (EPSG:32632).

#include <filesystem>

namespace caremap::test {

inline std::filesystem::path monaco_pbf(const std::filesystem::path& data_dir) {
  const std::filesystem::path candidates[] = {
      data_dir / "osm" / "monaco.osm.pbf",
      data_dir / ".." / ".." / ".." / "shared" / "data" / "osm" / "monaco.osm.pbf",
      "/work/shared/data/osm/monaco.osm.pbf",
  };
  for (const auto& c : candidates) {
    if (std::filesystem::exists(c)) {
      return c;
    }
  }
  return candidates[0];
}

inline constexpr int kMonacoUtmZone = 32;
inline constexpr const char* kMonacoCrs = "EPSG:32632";

}  // namespace caremap::test
