#pragma once
// How much a projected CRS distorts distances over an extent, from PROJ's scale factors.

#include "crs/crs_ref.hpp"
#include "crs/geo_box.hpp"

namespace caremap::crs {

/// Largest |k - 1| over a grid of `samples` x `samples` points spanning `extent`, where k is the
/// point scale along meridians and along parallels (equal for the conformal projections caremap
/// chooses). A value of 0.001 means distances measured in the CRS are off by up to 0.1 %.
/// Throws core::ArgumentError if `crs` is not a projected CRS. O(samples²) PROJ calls.
double max_scale_error(const CrsRef& crs, const GeoBox& extent, int samples = 9);

}  // namespace caremap::crs
