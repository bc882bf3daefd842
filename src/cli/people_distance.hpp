#pragma once
// `caremap summary`'s answer in people: for each category, the share of each city's people (and
// of its 75+) by distance band to the nearest facility, with the distance within which the
// median and the 90th-percentile person live. Straight line always; by road time as well when
// the region has a road network.

#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <vector>

#include "analysis/category_people_bands.hpp"
#include "analysis/people_bands.hpp"
#include "core/category.hpp"
#include "core/layer.hpp"
#include "routing/road_network.hpp"

namespace caremap::cli {

using analysis::CategoryPeopleBands;
using analysis::people_bands_by_category;

/// One table per city and measure: rows = categories (and their 75+), columns = bands, median,
/// 90 %.
void print_people_bands(const std::vector<CategoryPeopleBands>& rows,
                        const analysis::Demand& demand, std::ostream& out);

/// `caremap nearest --demand-layer population`: per city, the distance (or time) to the nearest
/// facility within which the median and the 90th-percentile person live. `cost` has one value
/// per DemandPoint (+inf = none).
void print_person_distances(const analysis::Demand& demand, std::span<const double> cost,
                            bool by_time, std::ostream& out);
nlohmann::ordered_json person_distances_json(const analysis::Demand& demand,
                                             std::span<const double> cost);

nlohmann::ordered_json people_bands_json(const std::vector<CategoryPeopleBands>& rows,
                                         const analysis::Demand& demand);

}  // namespace caremap::cli
