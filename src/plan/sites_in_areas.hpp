#pragma once
// The sites inside the areas of a polygon layer (a flood or landslide zone): the set an N-1
// scenario removes together. A site on an area's boundary counts as inside.
// Cost: O(sites x area vertices).

#include <cstdint>
#include <span>
#include <vector>

#include "core/layer.hpp"
#include "plan/plan_layers.hpp"

namespace caremap::plan {

/// Indices of the sites inside any (Multi)Polygon of `areas` (same CRS), ascending.
std::vector<std::uint32_t> sites_in_areas(std::span<const PlanSite> sites,
                                          const core::Layer& areas);

}  // namespace caremap::plan
