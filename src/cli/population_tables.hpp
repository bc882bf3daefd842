#pragma once
// People in the command's tables: the region's demand (its population layer apportioned to the
// cities), the per-city totals, and the sentence a region without population data prints
// wherever people would appear.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>

#include "analysis/population_demand.hpp"
#include "core/diagnostics.hpp"
#include "core/number_format.hpp"
#include "io/region.hpp"

namespace caremap::cli {

/// The region's people: its population layer apportioned by area to its boundary's cities.
/// nullopt when the region has no population layer (or no boundary). Problems go to
/// `diagnostics`.
struct RegionPeople {
  analysis::Demand demand;
  analysis::ApportionReport report;
  std::string credit;  ///< the population layer's credit line
};
std::optional<RegionPeople> region_people(const io::Region& region, core::Diagnostics& diagnostics);

/// "97,123" (people are whole; the apportioned figures are rounded for display).
using core::format_people;
/// "12.3 %" of `whole` ("–" when whole is 0).
using core::format_share;

/// The line printed where people would appear in a region without population data:
/// "人口データなし（面積のみ）: no population data for <title>; figures are area only."
void print_no_population(const io::Region& region, std::ostream& out);

/// "People (demand: 2020 census 500 m mesh population (apportioned by area)):" and one row per
/// city with people, 65+, 75+ and their shares, then the total and what lies outside.
void print_people_by_city(const RegionPeople& people, std::ostream& out);

/// {"basis": {"ja", "en"}, "cities": [{"city", "people", "people_65plus", ...}], ...}
nlohmann::ordered_json people_json(const RegionPeople& people);

/// {"people", "people_65plus", "people_75plus"}.
nlohmann::ordered_json people_count_json(const analysis::PeopleCount& c);

/// The demand basis as JSON {"ja": ..., "en": ...}.
nlohmann::ordered_json local_text_json(const core::LocalText& text);

}  // namespace caremap::cli
