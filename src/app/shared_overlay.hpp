#pragma once
// The closures overlay of one road network and one set of closures, built once and shared.
// When the closures change, the closed-roads layer, the routes, the closure effect and the
// service areas are all recomputed, each in its own job; they all need the same overlay, so the
// first job to ask builds it (routing::closures_from_layer + build_overlay) and the others reuse
// it. Thread-safe; cheap to hold by shared_ptr in job closures.

#include <memory>
#include <mutex>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

class SharedOverlay {
 public:
  /// `closures`: barriers and slowdowns as one layer (the form closures_from_layer reads).
  SharedOverlay(std::shared_ptr<const routing::RoadNetwork> network, core::Layer closures);

  /// The overlay, built on the first call; nullptr when there are no closures.
  const routing::Overlay* get();
  /// What building it reported (ignored closure features, closures that touch no road).
  const core::Diagnostics& diagnostics();

  const routing::RoadNetwork* network() const { return m_network.get(); }

 private:
  void build();

  std::shared_ptr<const routing::RoadNetwork> m_network;
  core::Layer m_closures;
  std::once_flag m_once;
  std::optional<routing::Overlay> m_overlay;
  core::Diagnostics m_diagnostics;
};

}  // namespace caremap::app
