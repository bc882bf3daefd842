#include "app/people_source.hpp"

#include "analysis/population_demand.hpp"
#include "app/app_state.hpp"

namespace caremap::app {

std::shared_ptr<const analysis::Demand> DemandCache::get(const core::LayerPtr& population,
                                                         const core::LayerPtr& boundary) {
  if (!population) {
    return nullptr;
  }
  // Held while building: a second job asking meanwhile waits for this build instead of
  // repeating it.
  const std::lock_guard lock(m_mutex);
  if (!m_demand || m_population != population || m_boundary != boundary) {
    m_demand = std::make_shared<const analysis::Demand>(
        analysis::population_demand(*population, boundary.get()));
    m_population = population;
    m_boundary = boundary;
  }
  return m_demand;
}

std::shared_ptr<const analysis::Demand> PeopleSource::demand() const {
  return cache ? cache->get(population, boundary) : nullptr;
}

core::LayerPtr first_source_layer(const AppState& app, core::Category category) {
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result && e.layer->category == category) {
      return e.layer;
    }
  }
  return nullptr;
}

PeopleSource people_source(const AppState& app) {
  return PeopleSource{first_source_layer(app, core::Category::population),
                      first_source_layer(app, core::Category::boundary), app.demand_cache};
}

}  // namespace caremap::app
