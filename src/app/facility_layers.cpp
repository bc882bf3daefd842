#include "app/facility_layers.hpp"

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

}  // namespace caremap::app
