#include "app/shared_overlay.hpp"

#include "routing/closures_from_layer.hpp"

namespace caremap::app {

SharedOverlay::SharedOverlay(std::shared_ptr<const routing::RoadNetwork> network,
                             core::Layer closures)
    : m_network(std::move(network)), m_closures(std::move(closures)) {}

void SharedOverlay::build() {
  if (m_closures.features.empty()) {
    return;
  }
  const routing::Closures c = routing::closures_from_layer(m_closures, m_diagnostics);
  m_overlay = routing::build_overlay(m_network->index(), c, m_diagnostics);
}

const routing::Overlay* SharedOverlay::get() {
  std::call_once(m_once, [this] { build(); });
  return m_overlay ? &*m_overlay : nullptr;
}

const core::Diagnostics& SharedOverlay::diagnostics() {
  get();
  return m_diagnostics;
}

}  // namespace caremap::app
