#pragma once
// Discs (a facility and its reach) as polygons, their union ("covered by at least one") and the
// area covered by at least two ("backup coverage").
//
// A circle of radius r becomes the regular N-gon inscribed in it (vertices on the circle), so its
// area is N/2 * sin(2*pi/N) * r^2: smaller than pi r^2 by the relative error circle_area_error(N)
// (N = 360: 0.0051 %, 0.61 m inside the circle at r = 16 km; N = 720: 0.0013 %).
//
// CRS: working CRS, metres. Polygons follow core/geometry.hpp's orientation (clockwise outer
// rings, closed).

#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "core/units.hpp"

namespace caremap::analysis {

/// A facility's reach: every point within `radius` of `centre`.
struct Disc {
  core::XY centre;
  core::Meters radius;
};

/// Vertices of the default circle polygon (area error 0.0051 %).
inline constexpr int kDefaultCircleSegments = 360;
/// Fewest vertices accepted for a circle polygon.
inline constexpr int kMinCircleSegments = 8;

/// The regular polygon with `segments` vertices on the circle, the first at angle 0 (east of the
/// centre), clockwise, closed. segments >= 3.
core::Polygon circle_polygon(core::XY centre, core::Meters radius, int segments);

/// Relative area missing from the inscribed polygon: 1 - sin(2 pi / N) / (2 pi / N), about
/// (2 pi / N)^2 / 6.
double circle_area_error(int segments);

/// Greatest distance between the circle and its polygon (at mid-edge): r (1 - cos(pi / N)).
core::Meters circle_radial_error(core::Meters radius, int segments);

/// The union of the discs' polygons, and the part of it covered by at least two discs.
struct DiscCoverage {
  core::MultiPolygon any;     ///< covered by >= 1 disc
  core::MultiPolygon backup;  ///< covered by >= 2 discs (empty unless requested)
};

/// Computes DiscCoverage. Identical discs (same centre and radius) count with their multiplicity:
/// two facilities at one address give backup coverage over the whole circle. The union is a
/// cascaded union (pairs of neighbours along a Hilbert curve, then pairs of pairs, ...). With the
/// backup area, a group is split into halves A and B of its Hilbert order, each covered the same
/// way, and joined: any = any(A) ∪ any(B), backup = backup(A) ∪ backup(B) ∪ (any(A) ∩ any(B)),
/// exactly the points inside at least two discs; the top split of a large group runs on two
/// threads. Discs that cannot overlap (directly or through others) are covered group by group,
/// the groups on all cores. Cost: about 3 overlays per disc, O(log n) levels deep, each over one
/// group's parts only.
DiscCoverage cover_discs(std::span<const Disc> discs, int segments, bool with_backup);

}  // namespace caremap::analysis
