#pragma once
// Which loaded layers the viewer's analyses (nearest by distance, coverage, nearest by travel
// time, closure effect) search for facilities. One rule for all of them, so that every analysis
// counts the same facilities.

#include <vector>

#include "app/app_state.hpp"

namespace caremap::app {

/// The loaded layers whose category is a facility category, in layer order; analysis results
/// (is_result) are left out even when they hold facilities. O(layers).
std::vector<core::LayerPtr> facility_layers(const AppState& app);

}  // namespace caremap::app
