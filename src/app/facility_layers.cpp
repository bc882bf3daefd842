#include "app/facility_layers.hpp"

#include <algorithm>
#include <set>

#include "analysis/coverage_radius.hpp"
#include "analysis/facility_set.hpp"
#include "app/hasher.hpp"

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

const std::vector<core::Category>& facility_categories(AppState& app) {
  Hasher key;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result) {
      key.value(render_key(e));
    }
  }
  if (app.cached_facility_key == key.digest()) {
    return app.cached_facility_categories;
  }
  std::set<core::Category> present;
  for (const LayerEntry& e : app.layers) {
    if (!e.layer || e.is_result) {
      continue;
    }
    for (const core::Feature& f : e.layer->features) {
      const core::Category c = analysis::effective_category(*e.layer, f);
      if (core::is_facility(c)) {
        present.insert(c);
      }
    }
  }
  app.cached_facility_categories.assign(present.begin(), present.end());
  app.cached_facility_key = key.digest();
  return app.cached_facility_categories;
}

}  // namespace caremap::app
