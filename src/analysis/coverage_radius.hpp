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

/// One line saying where the default comes from (for help texts, tooltips and reports);
/// empty for categories without a default.
std::string_view default_coverage_radius_reason(core::Category c);

}  // namespace caremap::analysis
