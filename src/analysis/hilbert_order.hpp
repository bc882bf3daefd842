#pragma once
// A spatially coherent visiting order for many query points: sorting them along a Hilbert curve
// makes consecutive queries touch the same R-tree nodes, so they stay in cache. For a million
// demand points this is worth 2-3x over the input order when the input is shuffled.

#include <cstdint>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::analysis {

/// Position of the cell (x, y) along the Hilbert curve filling a 2^16 x 2^16 grid, in
/// [0, 2^32). x and y must be below 2^16.
std::uint64_t hilbert_key(std::uint32_t x, std::uint32_t y);

/// A permutation of [0, points.size()) visiting the points along a Hilbert curve over their
/// bounding box (16 bits per axis; points in the same grid cell keep their input order).
/// At most 2^32 points. O(n log n).
std::vector<std::uint32_t> hilbert_order(std::span<const core::XY> points);

}  // namespace caremap::analysis
