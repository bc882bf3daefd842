#pragma once
// Polygon fills as triangles, through the GLU tessellator (gluTess*), which handles holes,
// self-touching rings and collinear runs that a hand-written ear clipper gets wrong.
// No GL context is needed: GLU's tessellator is pure CPU.
//
// Output vertices are float32 metres relative to `origin` (see Camera::gpu_transform): the
// tessellator itself works in double on the same differences, so precision is kept.

#include <cstdint>
#include <memory>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::render {

struct Vec2f {
  float x = 0.0f;
  float y = 0.0f;
};

/// An indexed triangle list: every 3 indices are one triangle.
struct TriangleMesh {
  std::vector<Vec2f> vertices;
  std::vector<std::uint32_t> indices;
  std::size_t triangle_count() const { return indices.size() / 3; }
};

/// Wraps one GLUtesselator (RAII); reusable across polygons, not thread-safe (one per thread).
class Tessellator {
 public:
  Tessellator();
  ~Tessellator();
  Tessellator(const Tessellator&) = delete;
  Tessellator& operator=(const Tessellator&) = delete;

  /// Appends the triangles of `polygon` (odd winding: holes are left empty) to `out`.
  /// Returns the number of triangles added; 0 for an empty or degenerate polygon.
  /// Complexity O(n log n) in the number of ring vertices.
  std::size_t tessellate(const core::Polygon& polygon, core::XY origin, TriangleMesh& out);

  /// Same for every part of a multipolygon.
  std::size_t tessellate(const core::MultiPolygon& polygon, core::XY origin, TriangleMesh& out);

  struct State;  // callback state, public only so the C callbacks can name it

 private:
  std::unique_ptr<State> m_state;
};

/// Sum of the triangles' areas in square metres (for tests and sanity checks).
double triangle_area_sum(const TriangleMesh& mesh);

}  // namespace caremap::render
