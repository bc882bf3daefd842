#pragma once
// Validity of polygon inputs and results. Boost.Geometry's overlays (intersection, difference)
// assume valid input (OGC rules: closed rings, correct orientation, no self-intersection, parts
// that do not overlap); administrative boundaries with hundreds of islets and results of long
// chains of overlays sometimes break one of these. This checks, repairs what can be repaired
// without changing the area, and says what it found.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "core/geometry.hpp"

namespace caremap::analysis {

struct ValidityReport {
  bool was_valid = true;  ///< valid as given
  bool valid = true;      ///< valid after repair
  std::string problem;    ///< Boost.Geometry's reason when it was not valid as given
};

/// boost::geometry::is_valid for a multipolygon, fast for many parts: each part is checked on its
/// own; when no two boundary segments meet anywhere (boost::geometry::intersects on the whole
/// multipolygon finds no turn), the parts can only overlap by nesting, which one vertex per part
/// tells. Otherwise Boost's full check decides (for 648 parts: ~20 ms instead of ~230 ms).
/// `reason` receives Boost's message when invalid.
bool is_valid_multipolygon(const core::MultiPolygon& mp, std::string& reason);

/// For a multipolygon whose part boundaries do not meet: the first (inner, outer) pair of parts
/// where the inner part lies inside the outer one, if any. Each possible outer part's edges are
/// indexed once (core::AreaLocator) for all the parts in its box: O(n log n) in vertices, not
/// O(parts x vertices).
std::optional<std::pair<std::size_t, std::size_t>> part_inside_another(
    const core::MultiPolygon& mp);

/// Makes `mp` valid where that is possible without moving the boundary: fixes orientation and
/// closure (bg::correct), drops repeated points (bg::unique) and zero-width spikes
/// (bg::remove_spikes), and dissolves overlapping or edge-sharing parts by union.
/// Self-intersecting rings cannot be repaired this way; `valid` stays false. O(n log n) in the
/// number of vertices for the check; the dissolve step costs one cascaded union.
ValidityReport make_valid(core::MultiPolygon& mp);

}  // namespace caremap::analysis
