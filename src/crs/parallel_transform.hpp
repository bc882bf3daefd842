#pragma once
// Many points through PROJ on several threads: a million demand points take a quarter of a
// second on one core, and a PROJ object may serve one thread at a time, so each worker
// transforms its chunks with its own clone of the transformer.

#include <cstddef>
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "crs/transformer.hpp"

namespace caremap::crs {

/// Transforms `points` in place (source to target of `transformer`) on `threads` workers
/// (0 = every core). Points PROJ cannot transform become NaN; their indices are returned in
/// ascending order. The result is the same as one try_transform_in_place over all points.
std::vector<std::size_t> try_transform_in_place_parallel(const Transformer& transformer,
                                                         std::span<core::XY> points,
                                                         unsigned threads);

}  // namespace caremap::crs
