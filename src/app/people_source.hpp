#pragma once
// The people the viewer's panels count: analysis::Demand of the loaded census population layer
// apportioned to the boundary's cities (analysis/population_demand.hpp), the same figures as
// the command line's. Built once, on the first worker thread that needs it, and shared by every
// job after: coverage, service areas and the home-care team all count the same people, and the
// UI thread never waits for the apportionment (tens of milliseconds for the default region).

#include <memory>
#include <mutex>

#include "analysis/demand.hpp"
#include "core/layer.hpp"

namespace caremap::app {

struct AppState;

/// One cached Demand, keyed by the population and boundary layers it was built from.
class DemandCache {
 public:
  /// The demand of `population` over `boundary`'s cities (boundary may be null: no cities),
  /// built on first use by the calling thread while other callers wait, then shared. A call
  /// with other layers (another region opened) replaces it. Thread-safe.
  std::shared_ptr<const analysis::Demand> get(const core::LayerPtr& population,
                                              const core::LayerPtr& boundary);

 private:
  std::mutex m_mutex;
  core::LayerPtr m_population;  ///< held, so the key's identity cannot be reused
  core::LayerPtr m_boundary;
  std::shared_ptr<const analysis::Demand> m_demand;
};

/// What a job needs to count people: copied into the job, resolved there.
struct PeopleSource {
  core::LayerPtr population;  ///< null: the region has no population layer (area only)
  core::LayerPtr boundary;
  std::shared_ptr<DemandCache> cache;

  explicit operator bool() const { return population != nullptr; }
  /// The demand (nullptr without a population layer). Call on a worker thread.
  std::shared_ptr<const analysis::Demand> demand() const;
};

/// The first population and boundary layers the user opened (analysis results are not sources).
PeopleSource people_source(const AppState& app);

/// The first layer of `category` that is not an analysis result; null when none.
core::LayerPtr first_source_layer(const AppState& app, core::Category category);

}  // namespace caremap::app
