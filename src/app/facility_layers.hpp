#pragma once
// Which loaded layers the viewer's analyses (nearest by distance, coverage, nearest by travel
// time, closure effect) search for facilities. One rule for all of them, so that every analysis
// counts the same facilities.

#include <vector>

#include "analysis/coverage.hpp"
#include "app/app_state.hpp"

namespace caremap::app {

/// The loaded layers whose category is a facility category, in layer order; analysis results
/// (is_result) are left out even when they hold facilities. O(layers).
std::vector<core::LayerPtr> facility_layers(const AppState& app);

/// The same layers with their project radius (coverage_radius_m), for analysis::coverage.
std::vector<analysis::CoverageSource> coverage_sources(const AppState& app);

/// The coverage radius a planner expects for `category` when they have not chosen one, as
/// `caremap coverage` uses it: the project radius of the first facility layer holding the
/// category, else analysis::default_coverage_radius (16 km clinics, 500 m 指定緊急避難場所, ...).
core::Meters coverage_radius_for(const AppState& app, core::Category category);

/// Facility categories present in the loaded (non-result) layers, in category order. Cached
/// until the set of layers changes (O(layers) to check, O(features) to recompute).
const std::vector<core::Category>& facility_categories(AppState& app);

}  // namespace caremap::app
