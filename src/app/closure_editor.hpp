#pragma once
// Drawing a closure on the map with the mouse: a polygon barrier (a flood zone), a line barrier
// (a cut bridge) or a slowdown area (travel time times a factor). A small state machine, free of
// ImGui, so the rules are unit-tested:
//   start(kind)        begin a new shape (any shape being drawn is dropped)
//   click(p)           add a vertex (a click on the last vertex adds nothing)
//   double_click(p)    add p if it is new, then finish
//   finish()  (Enter)  finish if the shape has enough vertices (area 3, line 2), else keep
//                      drawing and say why
//   undo()    (Back)   remove the last vertex
//   cancel()  (Esc)    drop the shape
// A finished area must be a simple polygon (its outline may not cross itself). Coordinates are
// working-CRS metres.

#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::app {

enum class ClosureKind { area, line, slowdown };

/// "area", "line", "slowdown" (the kind field of the closures layer).
const char* to_string(ClosureKind k);

struct ClosureShape {
  ClosureKind kind = ClosureKind::area;
  std::vector<core::XY> vertices;
  double factor = 2.0;  ///< slowdowns only: travel time multiplier, > 0
};

/// The shape as a geometry: a corrected Polygon for areas and slowdowns, a LineString for lines.
core::Geometry closure_geometry(const ClosureShape& shape);

class ClosureEditor {
 public:
  /// Why the last finish() did not finish (empty when it did or nothing was tried).
  enum class Problem { none, too_few_vertices, self_intersecting };

  void start(ClosureKind kind, double factor = 2.0);
  bool active() const { return m_active; }
  ClosureKind kind() const { return m_shape.kind; }
  const std::vector<core::XY>& vertices() const { return m_shape.vertices; }
  Problem problem() const { return m_problem; }

  /// `same_point_m`: a click this close to the last vertex (a double-click's second click, a
  /// shaky hand) adds nothing.
  void click(core::XY p, double same_point_m = 0.0);
  std::optional<ClosureShape> double_click(core::XY p, double same_point_m = 0.0);
  std::optional<ClosureShape> finish();
  void undo();
  void cancel();

  /// Minimum vertices of a kind (area and slowdown 3, line 2).
  static std::size_t min_vertices(ClosureKind kind);

 private:
  bool m_active = false;
  ClosureShape m_shape;
  Problem m_problem = Problem::none;
};

}  // namespace caremap::app
