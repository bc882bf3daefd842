#include "report/report_output.hpp"

#include <chrono>
#include <ctime>

#include "analysis/network_sites.hpp"
#include "analysis/road_layer.hpp"

namespace caremap::report {

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::filesystem::path page_path(const std::filesystem::path& out, std::size_t first_page) {
  if (first_page == 1) {
    return out;
  }
  return out.parent_path() /
         (out.stem().string() + "-" + std::to_string(first_page) + out.extension().string());
}

const std::vector<double>& coverage_histogram_bands_m() {
  static const std::vector<double> bands = {500, 1000, 2000, 4000, 8000, 16000};
  return bands;
}

std::vector<core::Category> facility_categories(const std::vector<core::LayerPtr>& layers) {
  std::vector<core::Category> out;
  for (const core::Category c : core::all_categories()) {
    if (!core::is_facility(c)) {
      continue;
    }
    for (const auto& l : layers) {
      if (l->count(c) > 0) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

CoverageDistances coverage_distances(const analysis::Demand& demand,
                                     const std::vector<core::LayerPtr>& facilities,
                                     const std::vector<core::Category>& categories,
                                     core::Diagnostics& diagnostics) {
  CoverageDistances out;
  out.analysed = analysis::people_bands_by_category(demand, facilities, categories, nullptr,
                                                    diagnostics, coverage_histogram_bands_m());
  out.all = analysis::people_bands_by_category(demand, facilities, facility_categories(facilities),
                                               nullptr, diagnostics);
  return out;
}

ReportRoads report_roads(const routing::RoadNetwork& network, const std::string& crs,
                         core::Lang lang, core::SourceRef source) {
  ReportRoads out;
  out.basis = network.basis().empty() ? analysis::network_distance_basis(network) : network.basis();
  out.layer = analysis::road_layer(network, "roads", crs, lang == core::Lang::ja ? "道路" : "Roads",
                                   std::move(source));
  return out;
}

}  // namespace caremap::report
