#pragma once
// One zone (a flood or landslide area, given as a polygon) against a straight-line coverage:
// the facilities inside it, the people inside it, and how many of them lie beyond every
// facility's reach today and once every facility inside the zone is lost. The figures of the
// coverage report's hazard-zone atlas (`caremap report coverage --atlas-zones`).
//
// The definition, kept simple so a page can state it in two sentences:
//  - a piece of a census cell counts in the zone by the share of its area inside (as the
//    coverage counts people, analysis/people_in_areas.hpp);
//  - its people are beyond reach when no facility lies within that facility's radius of the
//    piece's centroid (as the distance bands count them);
//  - "without the zone's facilities": the same with every facility inside the zone (on its
//    boundary too) taken away. Straight lines cross closed roads: road closures do not change
//    these figures (plan n-1 --hazard and plan backup --closures count by road).
//
// CRS: demand, facilities and zone in one working CRS (metres).
// Cost: O(pieces in the zone x facilities) after the locator's overlay of the zone.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "analysis/people_in_areas.hpp"
#include "core/diagnostics.hpp"

namespace caremap::analysis {

struct ZoneReach {
  std::vector<std::uint32_t> inside;  ///< facilities (ReachDisc index) inside the zone, ascending
  PeopleCount people;                 ///< in the zone
  PeopleCount beyond_today;           ///< of them, beyond every facility's reach
  PeopleCount beyond_without_zone;    ///< of them, beyond every facility outside the zone
  /// The same per city (Demand::cities order; points outside every city are not counted there).
  std::vector<PeopleCount> people_by_city;
  std::vector<PeopleCount> beyond_today_by_city;
  std::vector<PeopleCount> beyond_without_zone_by_city;
  /// Demand points partly in the zone, within reach today and beyond it without the zone's
  /// facilities: where the loss falls, for maps. Ascending.
  std::vector<std::uint32_t> lost_points;
};

/// The figures of `zone` (Polygon or MultiPolygon parts) for `people`'s demand and `discs`.
ZoneReach zone_reach(const PeopleLocator& people, std::span<const ReachDisc> discs,
                     const core::MultiPolygon& zone);

}  // namespace caremap::analysis
