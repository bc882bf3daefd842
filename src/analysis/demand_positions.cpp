#include "analysis/demand_positions.hpp"

#include <limits>

namespace caremap::analysis {

std::vector<core::XY> demand_positions(const core::Layer& layer) {
  constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::vector<core::XY> positions(layer.features.size(), core::XY{kNone, kNone});
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    if (const auto p = core::representative_point(layer.features[i].geometry)) {
      positions[i] = *p;
    }
  }
  return positions;
}

}  // namespace caremap::analysis
