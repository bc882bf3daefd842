#include "render/tessellator.hpp"

#include <GL/glu.h>

#include <array>
#include <cmath>
#include <deque>

namespace caremap::render {

struct Tessellator::State {
  struct TessDeleter {
    void operator()(GLUtesselator* t) const { gluDeleteTess(t); }
  };
  std::unique_ptr<GLUtesselator, TessDeleter> tess;

  // Per-call state, written by the callbacks.
  TriangleMesh* out = nullptr;
  std::size_t triangles = 0;
  std::array<std::uint32_t, 3> pending{};
  int pending_count = 0;
  bool error = false;
  // Vertex storage: GLU keeps pointers to the coordinates we pass, so they must stay put while a
  // polygon is tessellated; a deque never moves its elements on push_back.
  std::deque<std::array<GLdouble, 3>> coords;
  std::deque<std::uint32_t> index_of;  // parallel to coords: the output index of each vertex
};

namespace {

using State = Tessellator::State;

// With the edge-flag callback registered, GLU emits only GL_TRIANGLES (no fans or strips).
void GLAPIENTRY on_begin(GLenum, void*) {}
void GLAPIENTRY on_edge_flag(GLboolean, void*) {}

void GLAPIENTRY on_vertex(void* vertex_data, void* user) {
  auto* s = static_cast<State*>(user);
  const auto index = *static_cast<std::uint32_t*>(vertex_data);
  s->pending[static_cast<std::size_t>(s->pending_count++)] = index;
  if (s->pending_count == 3) {
    s->out->indices.insert(s->out->indices.end(), s->pending.begin(), s->pending.end());
    ++s->triangles;
    s->pending_count = 0;
  }
}

void GLAPIENTRY on_end(void* user) {
  static_cast<State*>(user)->pending_count = 0;
}

void GLAPIENTRY on_error(GLenum, void* user) {
  static_cast<State*>(user)->error = true;
}

// Called where rings intersect: GLU needs a new vertex there.
void GLAPIENTRY on_combine(GLdouble coords[3], void* [4], GLfloat[4], void** out_data, void* user) {
  auto* s = static_cast<State*>(user);
  s->coords.push_back({coords[0], coords[1], 0.0});
  const auto index = static_cast<std::uint32_t>(s->out->vertices.size());
  s->out->vertices.push_back(Vec2f{static_cast<float>(coords[0]), static_cast<float>(coords[1])});
  s->index_of.push_back(index);
  *out_data = &s->index_of.back();
}

template <class F>
auto callback(F* f) {
  return reinterpret_cast<void(GLAPIENTRY*)()>(f);
}

}  // namespace

Tessellator::Tessellator() : m_state(std::make_unique<State>()) {
  m_state->tess.reset(gluNewTess());
  GLUtesselator* t = m_state->tess.get();
  gluTessCallback(t, GLU_TESS_BEGIN_DATA, callback(&on_begin));
  gluTessCallback(t, GLU_TESS_EDGE_FLAG_DATA, callback(&on_edge_flag));
  gluTessCallback(t, GLU_TESS_VERTEX_DATA, callback(&on_vertex));
  gluTessCallback(t, GLU_TESS_END_DATA, callback(&on_end));
  gluTessCallback(t, GLU_TESS_ERROR_DATA, callback(&on_error));
  gluTessCallback(t, GLU_TESS_COMBINE_DATA, callback(&on_combine));
  gluTessProperty(t, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  // All input is planar in z = 0; telling GLU the normal skips its own (fragile) estimate.
  gluTessNormal(t, 0.0, 0.0, 1.0);
}

Tessellator::~Tessellator() = default;

std::size_t Tessellator::tessellate(const core::Polygon& polygon, core::XY origin,
                                    TriangleMesh& out) {
  State& s = *m_state;
  s.out = &out;
  s.triangles = 0;
  s.pending_count = 0;
  s.error = false;
  s.coords.clear();
  s.index_of.clear();
  const std::size_t first_index = out.indices.size();
  const std::size_t first_vertex = out.vertices.size();

  auto add_ring = [&](const core::Ring& ring) {
    // Rings are closed (last == first); GLU wants each vertex once.
    const std::size_t n =
        ring.size() >= 2 && ring.front() == ring.back() ? ring.size() - 1 : ring.size();
    if (n < 3) {
      return;
    }
    gluTessBeginContour(s.tess.get());
    for (std::size_t i = 0; i < n; ++i) {
      const double x = ring[i].x - origin.x;
      const double y = ring[i].y - origin.y;
      s.coords.push_back({x, y, 0.0});
      const auto index = static_cast<std::uint32_t>(out.vertices.size());
      out.vertices.push_back(Vec2f{static_cast<float>(x), static_cast<float>(y)});
      s.index_of.push_back(index);
      gluTessVertex(s.tess.get(), s.coords.back().data(), &s.index_of.back());
    }
    gluTessEndContour(s.tess.get());
  };

  gluTessBeginPolygon(s.tess.get(), &s);
  add_ring(polygon.outer());
  for (const core::Ring& hole : polygon.inners()) {
    add_ring(hole);
  }
  gluTessEndPolygon(s.tess.get());

  if (s.error) {
    // A polygon GLU rejects is dropped whole rather than drawn half-filled.
    out.indices.resize(first_index);
    out.vertices.resize(first_vertex);
    return 0;
  }
  return s.triangles;
}

std::size_t Tessellator::tessellate(const core::MultiPolygon& polygon, core::XY origin,
                                    TriangleMesh& out) {
  std::size_t n = 0;
  for (const core::Polygon& part : polygon) {
    n += tessellate(part, origin, out);
  }
  return n;
}

double triangle_area_sum(const TriangleMesh& mesh) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const Vec2f& a = mesh.vertices[mesh.indices[i]];
    const Vec2f& b = mesh.vertices[mesh.indices[i + 1]];
    const Vec2f& c = mesh.vertices[mesh.indices[i + 2]];
    sum += std::abs((static_cast<double>(b.x) - a.x) * (static_cast<double>(c.y) - a.y) -
                    (static_cast<double>(c.x) - a.x) * (static_cast<double>(b.y) - a.y)) /
           2.0;
  }
  return sum;
}

}  // namespace caremap::render
