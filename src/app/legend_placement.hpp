#pragma once
// Where an exported map's legend box goes: of the corners it may take, the one that hides the
// fewest facility symbols. A fixed top-left legend hid 大島 and its shelters on the default
// region's slide; the map's empty sea or hills are the better place for it.

#include <cstddef>
#include <span>

#include "render/camera.hpp"
#include "render/label_placer.hpp"

namespace caremap::app {

/// The index of the candidate rectangle that covers the fewest `points` (the first of equals,
/// so candidates go in order of preference). 0 when there are no candidates.
std::size_t least_covered(std::span<const render::ScreenRect> candidates,
                          std::span<const render::ScreenPoint> points);

}  // namespace caremap::app
