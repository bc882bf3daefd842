#pragma once
// The point each demand feature is searched from: its representative point (a polygon's or a
// line's point on it), or NaN when it has none. The analyses that take a demand layer in another
// CRS than their facilities (nearest, point_coverage) take these positions beside it.

#include <vector>

#include "core/layer.hpp"

namespace caremap::analysis {

/// One position per feature of `layer`, in its CRS; non-finite (NaN) for a feature without a
/// geometry.
std::vector<core::XY> demand_positions(const core::Layer& layer);

}  // namespace caremap::analysis
