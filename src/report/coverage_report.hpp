#pragma once
// The committee handout of a coverage analysis (`caremap report coverage`): pages built from an
// analysis::CoverageResult and the people-by-distance figures, nothing recomputed here.
//
//   1  overview map: covered area, gaps, roads, facilities; the key figures in words
//   2  population density with the gaps over it (when the region has population)
//   3  coverage by city in km² and in people (65+, 75+), the largest gap pockets
//   4  distance from each person to the nearest facility: by city and band, bars, histogram
//   5  the same for every kind of facility in the region (how the analysed kind compares)
//   6+ atlas: two pages per city (its map with the area table; its people, distances, gaps)
//   then, with zones, one page per hazard zone (coverage_zone_atlas.hpp): the zone on the map,
//        the facilities inside it, its people and those beyond reach without its facilities
//   last  data and conditions: sources with dates and credits, parameters, bases, software
//
// Texts are Japanese by default, English with Lang::en. Every page lists the credit lines of
// the layers it draws and of the data its figures stand on.

#include <optional>
#include <string>
#include <vector>

#include "analysis/category_people_bands.hpp"
#include "analysis/coverage.hpp"
#include "analysis/demand.hpp"
#include "analysis/zone_reach.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"
#include "report/document.hpp"

namespace caremap::report {

/// One page of the hazard-zone atlas: a polygon of the zone file and its figures.
struct ZoneAtlasPage {
  std::string name;             ///< from the name field, else "区域 3" / "Zone 3"
  core::LayerPtr zone;          ///< the polygon alone, with the file's provenance
  analysis::ZoneReach figures;  ///< of `zone_discs` and the report's demand
};

struct CoverageReportInputs {
  core::Lang lang = core::Lang::ja;
  std::string region_title;                            ///< "宗像市・福津市"
  std::vector<core::Category> categories;              ///< what was analysed
  const analysis::CoverageResult* coverage = nullptr;  ///< required; its layers are drawn
  core::LayerPtr boundary;                             ///< required: the cities
  std::vector<core::LayerPtr> facilities;    ///< the layers the coverage used (on top of the map)
  std::vector<core::LayerPtr> context;       ///< other facilities shown for orientation (hospitals)
  core::LayerPtr roads;                      ///< may be null
  core::LayerPtr population;                 ///< may be null (then no density map)
  const analysis::Demand* demand = nullptr;  ///< the people counted; null = area only
  /// Straight-line people-by-distance of the analysed categories (histogram bands).
  std::vector<analysis::CategoryPeopleBands> distances;
  /// The same (default bands) for every facility category of the region, for comparison.
  std::vector<analysis::CategoryPeopleBands> all_distances;
  std::string people_credit;   ///< the census credit line, as apportioned figures require it
  core::LocalText road_basis;  ///< what the drawn roads are ("幹線道路のみ…"); empty = none
  std::string software;        ///< "caremap 0.1.0"
  std::string date;            ///< "2026-12-07"
  /// The hazard-zone atlas: one page per zone (none when empty). Figures need the demand.
  std::vector<ZoneAtlasPage> zones;
  std::vector<analysis::ReachDisc> zone_discs;  ///< the facilities the zone figures count
  std::string zones_path;                       ///< the zone file, as given
};

/// The report. Throws core::ArgumentError when `coverage` or `boundary` is missing.
Report coverage_report(const CoverageReportInputs& in);

/// The map extent of a city feature: the bounds of its parts of at least 2 % of its largest
/// part's area (宗像市: the mainland and 大島, not 沖ノ島 60 km out), padded by `pad` (a share
/// of the larger side). nullopt for a feature without polygons.
std::optional<core::Box> main_extent(const core::Geometry& city, double pad);

}  // namespace caremap::report
