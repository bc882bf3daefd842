#pragma once
// Finding a registered module by its type: find_module<CoverageModule>(app).state.

#include <stdexcept>

#include "app/app_state.hpp"
#include "app/modules/analysis_module.hpp"

namespace caremap::app {

template <class M>
M& find_module(AppState& app) {
  for (const auto& m : app.modules) {
    if (auto* found = dynamic_cast<M*>(m.get())) {
      return *found;
    }
  }
  throw std::logic_error("analysis module not registered");
}

template <class M>
const M& find_module(const AppState& app) {
  for (const auto& m : app.modules) {
    if (const auto* found = dynamic_cast<const M*>(m.get())) {
      return *found;
    }
  }
  throw std::logic_error("analysis module not registered");
}

}  // namespace caremap::app
