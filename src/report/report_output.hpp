#pragma once
// What both front ends (`caremap report …` and the viewer's Report button) share around a report
// builder: the software line, today's date, the file of each rendered page, and the
// people-by-distance figures of a coverage handout. No file I/O: the front ends write the bytes.

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/category_people_bands.hpp"
#include "analysis/demand.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"

namespace caremap::routing {
class RoadNetwork;
}

namespace caremap::report {

/// The software line printed in every report's provenance block.
inline constexpr const char* kReportSoftware = "caremap 0.1.0";

/// Today as "2026-12-07" (UTC): the default printed date.
std::string today_utc();

/// The file of the page range starting at `first_page` (1-based): `out` itself for the first,
/// "<stem>-<page><ext>" beside it for the others (SVG and PNG have one file per page).
std::filesystem::path page_path(const std::filesystem::path& out, std::size_t first_page);

/// The bands of the per-person distance histogram of the coverage handout: finer than
/// `caremap summary`'s, out to the 16 km of a home visit (metres).
const std::vector<double>& coverage_histogram_bands_m();

/// Every facility category present in `layers`, in declaration order (hospital first).
std::vector<core::Category> facility_categories(const std::vector<core::LayerPtr>& layers);

/// The two distance figures of the coverage handout (CoverageReportInputs::distances and
/// ::all_distances): straight-line people by distance to the nearest facility of the analysed
/// `categories` (histogram bands), and of every facility category of `facilities` (default
/// bands). Per-row problems go to `diagnostics`.
struct CoverageDistances {
  std::vector<analysis::CategoryPeopleBands> analysed;
  std::vector<analysis::CategoryPeopleBands> all;
};
CoverageDistances coverage_distances(const analysis::Demand& demand,
                                     const std::vector<core::LayerPtr>& facilities,
                                     const std::vector<core::Category>& categories,
                                     core::Diagnostics& diagnostics);

/// The roads drawn on a report's maps and what they are ("幹線道路のみ…"): the network's own
/// basis, else the one its distances stand on. `crs` is the working CRS definition, `source`
/// the file the network came from, as the data list prints it (io::road_source: relative to the
/// data folder, with its data date).
struct ReportRoads {
  core::LayerPtr layer;
  core::LocalText basis;
};
ReportRoads report_roads(const routing::RoadNetwork& network, const std::string& crs,
                         core::Lang lang, core::SourceRef source);

}  // namespace caremap::report
