#pragma once
// Buffered service-area polygons from reached road lines, by owner and band, through a distance
// field (distance_field.hpp) and its contours (contour.hpp) instead of buffering each line and
// uniting the buffers.
//
// Given, per owner and per band, the reached lines (band k's lines lying on band k + 1's of the
// same owner), the polygon of (owner, band) is the set of points within `buffer_m` of that owner's
// lines of the band and nearer to that owner's lines of the largest band than to any other
// owner's (ties: the smaller owner number). With one owner this is just the buffer of its lines.
// Disks: band k holds bands 0..k. Rings: band k minus band k - 1.
//
// Guarantees, by construction (see contour.hpp): every polygon is valid (closed rings, outer
// clockwise, holes counter-clockwise, no self-intersection); polygons of different owners do not
// overlap and share their boundaries exactly; disks nest; rings partition the largest disk.
// Accuracy: the boundary lies within one grid cell of the exact buffer (much closer along straight
// roads, about cell^2 / (8 buffer) on round ends), so areas match the exact buffer within a few
// per mille at the default cell of buffer / 4; between owners it follows the bisector of their
// roads to within a cell.
//
// Grid: the bounding box of the largest band's lines grown by buffer + 2 cells, vertices on
// multiples of the cell size (so separate runs over the same roads use the same vertices). When
// that would exceed `max_vertices`, the cell grows until it fits, and the result says so.
//
// Cost: O(line segments x (2 buffer / cell + 3)^2 + vertices of the grid + boundary chords log
// chords). One builder per thread; it keeps its buffers between calls.

#include <cstddef>
#include <span>
#include <vector>

#include "analysis/contour.hpp"
#include "analysis/distance_field.hpp"
#include "core/geometry.hpp"

namespace caremap::analysis {

/// The largest grid band_polygons uses by default (vertices); 2^23 vertices take about 70 MB
/// for one owner and one band.
inline constexpr std::size_t kDefaultMaxGridVertices = std::size_t{1} << 23;

struct BandPolygonOptions {
  double buffer_m = 100.0;  ///< distance from the lines, > 0
  double cell_m = 25.0;     ///< grid cell, > 0 (buffer / 4 gives areas within a few per mille)
  std::size_t max_vertices = kDefaultMaxGridVertices;  ///< at most 2^28
  bool rings = false;  ///< band k minus band k - 1 instead of bands 0..k
};

struct BandPolygons {
  /// Index owner x bands + band.
  std::vector<core::MultiPolygon> areas;
  double cell_m = 0.0;  ///< the cell used: larger than asked when the grid was capped
  /// Boundary pieces left out because they did not close (0 unless something is wrong).
  std::size_t unclosed = 0;
};

class BandPolygonBuilder {
 public:
  /// `lines[owner][band]`: every owner has the same number of bands (>= 1). Owners or bands
  /// without lines get empty polygons.
  BandPolygons build(std::span<const std::vector<core::MultiLineString>> lines,
                     const BandPolygonOptions& options);

 private:
  DistanceField m_field;
  std::vector<std::vector<Chord>> m_chords;
  RingScratch m_scratch;
};

}  // namespace caremap::analysis
