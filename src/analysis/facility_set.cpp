#include "analysis/facility_set.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/diagnose.hpp"
#include "core/error.hpp"

namespace caremap::analysis {

core::Category effective_category(const core::Layer& layer, const core::Feature& feature) {
  return feature.category == core::Category::other ? layer.category : feature.category;
}

bool category_requested(core::Category c, std::span<const core::Category> requested) {
  return requested.empty() || std::any_of(requested.begin(), requested.end(),
                                          [c](core::Category r) { return core::satisfies(c, r); });
}

void require_same_crs(const core::Layer& a, const core::Layer& b) {
  if (!a.crs.empty() && !b.crs.empty() && a.crs != b.crs) {
    throw core::ArgumentError("layer '" + b.id + "' is in " + b.crs + " but layer '" + a.id +
                                  "' is in " + a.crs + "; reproject to one working CRS first",
                              core::ErrorContext{{}, b.id, std::nullopt, {}});
  }
}

std::vector<Facility> select_facilities(std::span<const core::LayerPtr> layers,
                                        std::span<const core::Category> requested,
                                        core::Diagnostics& diagnostics) {
  std::vector<Facility> out;
  const core::Layer* first_with_crs = nullptr;
  for (std::size_t li = 0; li < layers.size(); ++li) {
    if (!layers[li]) {
      throw core::ArgumentError("facility layer " + std::to_string(li + 1) + " is missing");
    }
    const core::Layer& layer = *layers[li];
    if (first_with_crs) {
      require_same_crs(*first_with_crs, layer);
    } else if (!layer.crs.empty()) {
      first_with_crs = &layer;
    }
    for (std::size_t fi = 0; fi < layer.features.size(); ++fi) {
      const core::Feature& f = layer.features[fi];
      const core::Category c = effective_category(layer, f);
      if (!category_requested(c, requested)) {
        continue;
      }
      const core::FeatureId id{static_cast<std::uint32_t>(fi)};
      const auto p = core::representative_point(f.geometry);
      if (!p || !std::isfinite(p->x) || !std::isfinite(p->y)) {
        diagnostics.add(make_diagnostic(
            core::Severity::warning, "facility_without_geometry",
            "facility '" + layer.display_name(id) + "' of layer '" + layer.id +
                "' has no position and was left out",
            layer.provenance.inputs.empty() ? std::string() : layer.provenance.inputs.front().path,
            f.source_row));
        continue;
      }
      out.push_back(Facility{static_cast<std::uint32_t>(li), id, *p, c});
    }
  }
  return out;
}

std::string categories_label(std::span<const core::Category> categories) {
  if (categories.empty()) {
    return "all";
  }
  std::string out;
  for (const core::Category c : categories) {
    out += (out.empty() ? "" : "+") + std::string(core::to_string(c));
  }
  return out;
}

}  // namespace caremap::analysis
