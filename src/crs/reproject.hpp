#pragma once
// Whole-layer reprojection: a copy of a layer with every geometry transformed into another CRS.

#include "core/layer.hpp"
#include "crs/crs_ref.hpp"
#include "crs/transformer.hpp"

namespace caremap::crs {

/// A copy of `layer` in `target`, reading the source CRS from layer.crs. Attributes, categories,
/// source rows and provenance are kept; layer.crs becomes target.definition.
/// Throws core::InputError naming the layer if layer.crs is empty or a feature cannot be
/// transformed (the message names the feature's source row). O(vertices).
core::Layer reproject_layer(const core::Layer& layer, const CrsRef& target);

/// Same with a transformer built by the caller (its source must be the layer's CRS).
core::Layer reproject_layer(const core::Layer& layer, Transformer& transformer);

}  // namespace caremap::crs
