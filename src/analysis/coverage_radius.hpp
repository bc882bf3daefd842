#pragma once
// The reach a planner expects of each kind of facility when nothing else is said: the default
// radius of a coverage analysis. A project file overrides it per layer (coverage_radius_m) and a
// run overrides it for every layer (--radius); see coverage.hpp for the order.

#include <optional>
#include <string_view>

#include "core/category.hpp"
#include "core/units.hpp"

namespace caremap::analysis {

/// Default coverage radius of facilities of category `c` (straight-line metres); nullopt for
/// categories that are not facilities (boundary, road, results, ...).
std::optional<core::Meters> default_coverage_radius(core::Category c);

/// The same planning reach as road travel time, for analyses run on a road network; nullopt
/// where the rule is a straight-line distance only (the 16 km rule of home medical care). Set
/// for the home-care offices (visiting nurse 20 min, care manager 25 min, home help 15 min).
std::optional<core::Seconds> default_reach_time(core::Category c);

/// One line saying where the default comes from (for help texts, tooltips and reports);
/// empty for categories without a default.
std::string_view default_coverage_radius_reason(core::Category c);

}  // namespace caremap::analysis
