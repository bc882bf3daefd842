#pragma once
// Facilities drawn from one or more layers by category: the common first step of every facility
// analysis (nearest, coverage, and the network analyses). A feature's effective category is its
// own category, or its layer's when the feature says `other`; a request for `hospital` also takes
// `backup_hospital` (core::satisfies).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

/// One facility: a feature of one of the input layers, placed at its representative point.
struct Facility {
  std::uint32_t layer = 0;                          ///< position of its layer in the input list
  core::FeatureId feature;                          ///< the feature in that layer
  core::XY position;                                ///< working CRS, metres
  core::Category category = core::Category::other;  ///< effective category
};

/// The feature's category, or the layer's when the feature's is `other`.
core::Category effective_category(const core::Layer& layer, const core::Feature& feature);

/// True when `c` satisfies one of `requested` (every category when `requested` is empty).
bool category_requested(core::Category c, std::span<const core::Category> requested);

/// The features of `layers` whose effective category is requested, in layer order then feature
/// order (so an index into the result is a deterministic tie-breaker). Features without geometry
/// or with a non-finite position are skipped with a warning "facility_without_geometry".
/// Throws core::ArgumentError for a null layer or for layers whose CRS differs from the first
/// non-empty CRS among them (distances across CRSs are meaningless). O(total features).
std::vector<Facility> select_facilities(std::span<const core::LayerPtr> layers,
                                        std::span<const core::Category> requested,
                                        core::Diagnostics& diagnostics);

/// Throws core::ArgumentError unless `a` and `b` are in the same CRS (an empty CRS matches any).
void require_same_crs(const core::Layer& a, const core::Layer& b);

/// "hospital+clinic", or "all" for an empty list: the value of the `categories` provenance key.
std::string categories_label(std::span<const core::Category> categories);

}  // namespace caremap::analysis
