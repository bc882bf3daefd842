#pragma once
// The facilities that can serve home-care patients, as planning sites: the requested categories
// of the given layers, without the in-house clinics of nursing homes (施設内医務室 = 1 in the
// MHLW clinic file), which serve their own residents only and so can be no one's primary or
// backup physician at home. One rule for the CLI and the viewer.

#include <span>
#include <vector>

#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "plan/plan_layers.hpp"

namespace caremap::plan {

struct ServingSites {
  std::vector<PlanSite> sites;
  std::size_t in_house_left_out = 0;
};

/// analysis::select_facilities, named and placed as PlanSites; in-house clinics left out unless
/// `include_in_house`. Throws as select_facilities.
ServingSites serving_sites(std::span<const core::LayerPtr> layers,
                           std::span<const core::Category> categories, bool include_in_house,
                           core::Diagnostics& diagnostics);

}  // namespace caremap::plan
