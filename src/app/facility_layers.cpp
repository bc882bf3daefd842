#include "app/facility_layers.hpp"

#include <algorithm>

#include "analysis/coverage_radius.hpp"

namespace caremap::app {

std::vector<core::LayerPtr> facility_layers(const AppState& app) {
  std::vector<core::LayerPtr> out;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result && core::is_facility(e.layer->category)) {
      out.push_back(e.layer);
    }
  }
  return out;
}

std::vector<analysis::CoverageSource> coverage_sources(const AppState& app) {
  std::vector<analysis::CoverageSource> out;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result && core::is_facility(e.layer->category)) {
      out.push_back({e.layer, e.coverage_radius});
    }
  }
  return out;
}

core::Meters coverage_radius_for(const AppState& app, core::Category category) {
  for (const LayerEntry& e : app.layers) {
    if (!e.layer || e.is_result || !e.coverage_radius) {
      continue;
    }
    const auto& features = e.layer->features;
    const bool holds = std::any_of(features.begin(), features.end(),
                                   [&](const core::Feature& f) { return f.category == category; });
    if (holds) {
      return *e.coverage_radius;
    }
  }
  return analysis::default_coverage_radius(category).value_or(core::Meters{16000.0});
}

}  // namespace caremap::app
