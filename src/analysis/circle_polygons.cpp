#include "analysis/circle_polygons.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "analysis/hilbert_order.hpp"
#include "analysis/polygon_union.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

core::Polygon circle_polygon(core::XY centre, core::Meters radius, int segments) {
  core::Polygon poly;
  auto& ring = poly.outer();
  ring.reserve(static_cast<std::size_t>(segments) + 1);
  // Clockwise from east: angle decreasing, each vertex computed from its index (not by repeated
  // addition) so the last vertex lands exactly where it should.
  for (int i = 0; i < segments; ++i) {
    const double a = -2.0 * std::numbers::pi * i / segments;
    ring.push_back({centre.x + radius.value * std::cos(a), centre.y + radius.value * std::sin(a)});
  }
  ring.push_back(ring.front());
  return poly;
}

double circle_area_error(int segments) {
  const double t = 2.0 * std::numbers::pi / segments;
  return 1.0 - std::sin(t) / t;
}

core::Meters circle_radial_error(core::Meters radius, int segments) {
  return core::Meters{radius.value * (1.0 - std::cos(std::numbers::pi / segments))};
}

namespace {

struct DistinctDisc {
  Disc disc;
  int multiplicity = 1;
};

// Distinct discs in Hilbert order of their centres, so neighbours on the map are merged first
// and intermediate unions stay compact.
std::vector<DistinctDisc> distinct_in_hilbert_order(std::span<const Disc> discs) {
  std::vector<Disc> sorted(discs.begin(), discs.end());
  std::sort(sorted.begin(), sorted.end(), [](const Disc& a, const Disc& b) {
    return std::tie(a.centre.x, a.centre.y, a.radius.value) <
           std::tie(b.centre.x, b.centre.y, b.radius.value);
  });
  std::vector<DistinctDisc> distinct;
  for (const Disc& d : sorted) {
    if (!distinct.empty() && distinct.back().disc.centre == d.centre &&
        distinct.back().disc.radius == d.radius) {
      ++distinct.back().multiplicity;
    } else {
      distinct.push_back({d, 1});
    }
  }
  std::vector<core::XY> centres;
  centres.reserve(distinct.size());
  for (const DistinctDisc& d : distinct) {
    centres.push_back(d.disc.centre);
  }
  std::vector<DistinctDisc> ordered;
  ordered.reserve(distinct.size());
  for (const std::uint32_t i : hilbert_order(centres)) {
    ordered.push_back(distinct[i]);
  }
  return ordered;
}

}  // namespace

DiscCoverage cover_discs(std::span<const Disc> discs, int segments, bool with_backup) {
  DiscCoverage out;
  const std::vector<DistinctDisc> distinct = distinct_in_hilbert_order(discs);
  std::vector<core::MultiPolygon> circles;
  circles.reserve(distinct.size());
  for (const DistinctDisc& d : distinct) {
    circles.push_back({circle_polygon(d.disc.centre, d.disc.radius, segments)});
  }
  if (with_backup) {
    // Points in >= 2 discs: for each disc, the part of it already covered by earlier discs
    // (a point in discs a < b is found at step b). A disc shared by several facilities is
    // backup-covered as a whole.
    std::vector<core::MultiPolygon> pieces;
    core::MultiPolygon before;
    for (std::size_t i = 0; i < circles.size(); ++i) {
      if (distinct[i].multiplicity > 1) {
        pieces.push_back(circles[i]);
      } else if (!before.empty()) {
        core::MultiPolygon piece;
        bg::intersection(circles[i], before, piece);
        if (!piece.empty()) {
          pieces.push_back(std::move(piece));
        }
      }
      core::MultiPolygon grown;
      bg::union_(before, circles[i], grown);
      before = std::move(grown);
    }
    out.any = std::move(before);
    out.backup = cascaded_union(std::move(pieces));
  } else {
    out.any = cascaded_union(std::move(circles));
  }
  return out;
}

}  // namespace caremap::analysis
