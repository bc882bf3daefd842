#pragma once
// Analyses started from the viewer, run on the job thread: nearest facilities from a clicked
// location (k per category, as lines on the map) and coverage by straight-line radius (covered
// area, gaps, per-city figures and the 500 m backup mesh). Results become layers ("nearest",
// "coverage_area", "coverage_gap", "coverage_mesh") that replace the previous run's and can be
// exported like any other layer.

#include <vector>

#include "app/app_state.hpp"

namespace caremap::app {

/// Facility categories present in the loaded (non-result) layers, in category order. Cached
/// until the set of layers changes (O(layers) to check, O(features) to recompute).
const std::vector<core::Category>& facility_categories(AppState& app);

/// Nearest facilities of every present category from `origin` (working CRS).
void start_nearest(AppState& app, core::XY origin);

/// Coverage for app.coverage's category and radius. Coalesced: a newer request replaces a queued
/// or running one, so a moving slider only computes its latest value.
void start_coverage(AppState& app);

/// Removes the analysis result layers and figures.
void clear_analysis(AppState& app);

}  // namespace caremap::app
