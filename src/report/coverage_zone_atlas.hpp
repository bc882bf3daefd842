#pragma once
// Inside the coverage report (coverage_report.hpp): the hazard-zone atlas, one page per polygon
// of the zone file. Each page: the coverage map framed on the zone with the zone, the facilities
// inside it (taken as lost) and the cell pieces that fall beyond reach without them; the zone's
// people (65+, 75+) by city, beyond reach today and without the zone's facilities; the
// definition of those figures in words (analysis/zone_reach.hpp). Not for use outside src/report.

#include <functional>
#include <string>
#include <vector>

#include "report/coverage_report.hpp"
#include "report/document.hpp"

namespace caremap::report {

/// The coverage report's map of `extent` with `overlays` drawn over the coverage, under the
/// borders, roads and facilities.
using CoverageMap = std::function<MapBlock(const core::Box& extent, std::vector<MapLayer> overlays,
                                           std::string caption)>;

/// What the pages say the coverage is: "診療所" / "Clinic", "16 km".
struct ZoneAtlasWords {
  std::string what;
  std::string radius;
};

/// One page per zone of `in.zones`, each crediting `credits` and the zone's own inputs.
std::vector<Page> zone_atlas_pages(const CoverageReportInputs& in, const CoverageMap& map,
                                   const ZoneAtlasWords& words,
                                   const std::vector<std::string>& credits);

}  // namespace caremap::report
