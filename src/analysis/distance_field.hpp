#pragma once
// The distance field behind the service-area polygons: on a regular grid, the distance from each
// vertex to the nearest reached road piece, the owner ("label") of that piece, and per band the
// distance to that owner's pieces of the band. From these every vertex gets a class (owner, band)
// or "outside", and the rules of analysis::ClassField place boundaries between classes, so
// contour.hpp can turn the field into polygons.
//
// Definitions (all distances planar, in the grid's units of one cell; r = the buffer distance):
//  - d1(v): distance to the nearest line of the largest band, any owner; l1(v) its owner (ties:
//    the smaller label). d2(v), l2(v): the same over the lines of the other owners.
//  - dk(v) for band k below the largest: distance to the lines of band k owned by l1(v).
//  - class(v) = l1(v) x bands + (the smallest band k with dk(v) < r), or kOutsideClass when
//    d1(v) >= r. So each point goes to the owner of its nearest road (a true partition between
//    owners, as "split" service areas need) and, within an owner, bands nest.
// Boundary crossing on a grid edge, by linear interpolation of exact vertex values:
//  - between two owners: where d1 - d2 changes sign (the bisector of their roads);
//  - between bands of one owner or towards outside: where d_j = r for the outer one of the two
//    classes' bands, j (d1 when "outside" is one end).
// Only vertices within r + 1.5 cells of a line are computed (each line updates the vertices of its
// capsule, row by row); the others stay "far" (infinite distance, outside). That is enough: a
// vertex next to an inside one, or in a cell with one, lies within r + sqrt(2) cells.
//
// Accuracy: vertex distances are exact (to float precision, ~1e-7 relative); the boundary is the
// linear interpolation between vertices, so it lies within one cell of the exact buffer
// boundary, much closer along straight roads (where the distance is linear across a cell) and
// off by about cell^2 / (8 r) on round ends. Where three classes meet in one cell it is placed by
// the centre rule, within the cell.
//
// Cost: O(sum over line segments of the capsule area in cells, ~ (2 r / cell + 3)^2 vertices per
// short segment) to add lines, O(vertices) to classify. Memory: 8 bytes per vertex, 8 more with
// several owners, 4 more per band beyond the first.

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/contour.hpp"
#include "core/geometry.hpp"

namespace caremap::analysis {

class DistanceField final : public ClassField {
 public:
  /// Starts a field on `grid` for `labels` >= 1 owners and `bands` >= 1 bands, with boundaries at
  /// `buffer_m` metres from the lines (buffer_m > 0). Keeps the capacity of earlier fields.
  void reset(const Grid& grid, std::uint32_t labels, std::uint32_t bands, double buffer_m);

  /// Adds a line of the largest band, owned by `label` (< labels). Add all of them before any
  /// line of a smaller band.
  void add_outer_line(std::span<const core::XY> line, std::uint32_t label);
  /// Adds a line of band `band` (< bands - 1) owned by `label`. It counts only at vertices whose
  /// nearest outer line has the same owner, so bands must nest: each line of band k lies on the
  /// lines of band k + 1 of the same owner.
  void add_inner_line(std::span<const core::XY> line, std::uint32_t label, std::uint32_t band);

  /// Sets the classes from the distances; call once, after the lines.
  void classify();

  // ClassField
  const Grid& grid() const override { return m_grid; }
  std::span<const std::uint32_t> classes() const override { return m_class; }
  double crossing(std::uint32_t a, std::uint32_t b) const override;
  std::uint32_t centre_class(std::uint32_t v) const override;

 private:
  template <class Update>
  void for_each_near(core::XY a, core::XY b, Update&& update);
  template <class Update>
  void for_each_near(std::span<const core::XY> line, Update&& update);
  double distance_to_label(std::uint32_t v, std::uint32_t label) const;

  Grid m_grid;
  std::uint32_t m_labels = 1;
  std::uint32_t m_bands = 1;
  double m_r = 0.0;       // buffer, in cells
  double m_reach2 = 0.0;  // squared reach, in cells
  // Squared distances until classify(), distances after; in cells.
  std::vector<float> m_d1;
  std::vector<float> m_d2;
  std::vector<float> m_dk;  // (bands - 1) x vertices
  std::vector<std::uint32_t> m_l1;
  std::vector<std::uint32_t> m_l2;
  std::vector<std::uint32_t> m_class;
};

}  // namespace caremap::analysis
