#include "plan/serving_sites.hpp"

#include "analysis/facility_set.hpp"

namespace caremap::plan {

namespace {

constexpr const char* kInHouseField = "施設内医務室";

bool in_house(const core::Layer& layer, core::FeatureId id) {
  const auto f = layer.field_index(kInHouseField);
  return f && core::to_text(layer[id].values[*f]) == "1";
}

}  // namespace

ServingSites serving_sites(std::span<const core::LayerPtr> layers,
                           std::span<const core::Category> categories, bool include_in_house,
                           core::Diagnostics& diagnostics) {
  ServingSites out;
  for (const analysis::Facility& f : analysis::select_facilities(layers, categories, diagnostics)) {
    const core::Layer& layer = *layers[f.layer];
    if (!include_in_house && in_house(layer, f.feature)) {
      ++out.in_house_left_out;
      continue;
    }
    out.sites.push_back({layer.display_name(f.feature), layer.id, f.position});
  }
  return out;
}

}  // namespace caremap::plan
