#pragma once
// Region outlines on a grid of classified vertices: multi-class marching squares, and the
// assembly of the cell-by-cell boundary pieces into valid polygons.
//
// Input: a regular grid whose vertices each carry a class (an integer; kOutsideClass for "in no
// region"), a rule placing the boundary on every grid edge whose two ends differ in class, and a
// rule giving the middle of an ambiguous cell a class. Output: for every region (a set of
// classes chosen by the caller through ChordSink) its boundary as chords, then its polygons.
//
// How a cell is cut. Walk its corners in order; maximal runs of equal class are separated by the
// crossing points on the edges where the class changes. With two runs, one straight chord joins
// the two crossing points. With three or more runs (or a saddle: two classes on alternate
// corners), the middle of the cell takes the class C = centre_class(); every run of another class
// is cut off by the chord joining its two crossing points, and everything else in the cell,
// runs of class C included, belongs to C. Each piece is then a convex polygon whose corners lie
// on the cell's sides in order, so chords never cross, two classes never both claim a point, and
// every region that is a union of classes is exactly the union of its pieces: regions built from
// the same cut partition the plane (no overlaps, no gaps between neighbours), and a region holding
// the classes of a smaller one contains it. Where two cut-off runs meet, their chords end at a
// point 1 % of the way from the crossing point towards the cell's middle, joined to the crossing
// point by a short chord between the two runs; so every crossing point has at most one chord per
// cell, and no region's boundary ever touches itself or another of its rings. All of that holds
// whatever the crossing and centre rules compute, because each crossing point is computed once per
// grid edge and each centre class once per cell, and the polygon topology comes from integer keys,
// never from comparing coordinates.
//
// Polygons: chords are directed with their region on the right, so outer rings come out
// clockwise and holes counter-clockwise (Boost.Geometry's default, core/geometry.hpp); rings are
// simple and never touch. Crossing fractions are kept in [1e-4, 1 - 1e-4] of the edge, so no two
// ring points coincide.
//
// Cost: O(cells) for the march (uniform cells are skipped after four loads), O(k log k) for the
// assembly of k chords, plus O(h x o) containment tests for h holes and o outer rings with
// overlapping bounding boxes.

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::analysis {

/// A regular grid of vertices: vertex (i, j), i < columns, j < rows, is at origin + (i, j) x cell,
/// index j x columns + i. Cell (i, j) has the vertices (i, j) to (i + 1, j + 1).
struct Grid {
  core::XY origin;
  double cell = 1.0;  ///< metres
  std::uint32_t columns = 0;
  std::uint32_t rows = 0;

  std::size_t size() const { return static_cast<std::size_t>(columns) * rows; }
  core::XY xy(std::uint32_t v) const {
    return {origin.x + cell * (v % columns), origin.y + cell * (v / columns)};
  }
};

/// "In no region".
inline constexpr std::uint32_t kOutsideClass = std::numeric_limits<std::uint32_t>::max();

/// What the march reads from a classified field.
class ClassField {
 public:
  virtual ~ClassField() = default;
  virtual const Grid& grid() const = 0;
  /// The class of every vertex. The vertices of the grid's outermost rows and columns must be
  /// kOutsideClass (so every boundary closes inside the grid).
  virtual std::span<const std::uint32_t> classes() const = 0;
  /// Where the boundary crosses the grid edge a -> b (adjacent vertices, a < b, of different
  /// classes), as the fraction of the way from a to b. Must depend on a and b only.
  virtual double crossing(std::uint32_t a, std::uint32_t b) const = 0;
  /// The class of the middle of the ambiguous cell whose lower-left vertex is v: one of the
  /// classes of its four corners. Must depend on v only.
  virtual std::uint32_t centre_class(std::uint32_t v) const = 0;
};

/// A straight boundary piece inside one cell, between two points named by integer keys: a
/// crossing point by its grid edge, key = 2 x v for the edge from vertex v to its right neighbour,
/// 2 x v + 1 for the edge from v to the vertex above; an inset point of cell v0 near its edge e
/// (0 left, 1 top, 2 right, 3 bottom) by 2 x grid.size() + 4 x v0 + e. So grids hold fewer than
/// 2^32 / 6 vertices.
struct Chord {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t cell = 0;  ///< index of the cell's lower-left vertex
};

/// Receives the chords of the march.
class ChordSink {
 public:
  virtual ~ChordSink() = default;
  /// A chord with class `right` on its right side and class `left` on its left (the classes
  /// differ). For a region holding `right` but not `left` the chord goes into that region's
  /// boundary as it is; for one holding `left` but not `right`, reversed.
  virtual void add(std::uint32_t right, std::uint32_t left, const Chord& chord) = 0;
};

/// Runs marching squares over every cell of the field's grid. O(cells).
void march(const ClassField& field, ChordSink& sink);

/// The point named by `key` (see Chord).
core::XY crossing_point(const ClassField& field, std::uint32_t key);

/// Reusable buffers of assemble_polygons (one per thread).
struct RingScratch {
  std::vector<std::uint32_t> next;
  std::vector<std::uint32_t> order;
  std::vector<std::uint8_t> done;
  std::vector<std::uint32_t> path;
  std::vector<core::Ring> rings;
};

/// The polygons bounded by `chords` (one region's, region on the right of each chord; the order
/// is changed). Returns the number of chords whose boundary did not close (0 unless the chords
/// come from something other than one march); those are left out.
std::size_t assemble_polygons(std::vector<Chord>& chords, const ClassField& field,
                              core::MultiPolygon& out, RingScratch& scratch);

}  // namespace caremap::analysis
