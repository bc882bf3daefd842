#include "render/layer_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace caremap::render {

namespace bg = boost::geometry;

std::size_t lod_level(double m_per_px) {
  std::size_t level = 0;
  for (std::size_t i = 1; i < kLodLevels; ++i) {
    if (kLodTolerances[i] <= m_per_px) {
      level = i;
    }
  }
  return level;
}

namespace {

double extent_of(const core::Ring& r) {
  const auto box = bg::return_envelope<core::Box>(r);
  return std::max(box.max_corner().x - box.min_corner().x, box.max_corner().y - box.min_corner().y);
}

class MeshBuilder {
 public:
  explicit MeshBuilder(LayerMesh& mesh) : m_mesh(mesh) {}

  void add(const core::Geometry& g, float cls) {
    m_class = cls;
    std::visit([this](const auto& v) { add_one(v); }, g);
  }

 private:
  float fx(double x) const { return static_cast<float>(x - m_mesh.origin.x); }
  float fy(double y) const { return static_cast<float>(y - m_mesh.origin.y); }

  void add_one(const std::monostate&) {}
  void add_one(const core::XY& p) { m_mesh.points.push_back({fx(p.x), fy(p.y), m_class}); }
  void add_one(const core::MultiPoint& mp) {
    for (const core::XY& p : mp) {
      add_one(p);
    }
  }
  void add_one(const core::LineString& l) {
    add_segments(l, m_mesh.levels[0].lines);
    const auto box = bg::return_envelope<core::Box>(l);
    const double extent =
        std::max(box.max_corner().x - box.min_corner().x, box.max_corner().y - box.min_corner().y);
    for (std::size_t level = 1; level < kLodLevels; ++level) {
      if (extent < kLodTolerances[level]) {
        break;
      }
      core::LineString simplified;
      bg::simplify(l, simplified, kLodTolerances[level]);
      add_segments(simplified, m_mesh.levels[level].lines);
    }
  }
  void add_one(const core::MultiLineString& ml) {
    for (const core::LineString& l : ml) {
      add_one(l);
    }
  }
  void add_one(const core::Polygon& p) {
    for (std::size_t level = 0; level < kLodLevels; ++level) {
      const double tolerance = kLodTolerances[level];
      if (level == 0) {
        add_polygon(p, m_mesh.levels[0], true);
        continue;
      }
      if (extent_of(p.outer()) < tolerance) {
        break;  // coarser levels drop it too
      }
      core::Polygon simplified;
      bg::simplify(p.outer(), simplified.outer(), tolerance);
      for (const core::Ring& hole : p.inners()) {
        if (extent_of(hole) >= tolerance) {
          simplified.inners().emplace_back();
          bg::simplify(hole, simplified.inners().back(), tolerance);
        }
      }
      add_polygon(simplified, m_mesh.levels[level], false);
    }
  }
  void add_one(const core::MultiPolygon& mp) {
    for (const core::Polygon& p : mp) {
      add_one(p);
    }
  }

  void add_polygon(const core::Polygon& p, LodGeometry& out, bool exact) {
    add_segments(p.outer(), out.outlines);
    for (const core::Ring& hole : p.inners()) {
      add_segments(hole, out.outlines);
    }
    m_triangles.vertices.clear();
    m_triangles.indices.clear();
    if (m_tess.tessellate(p, m_mesh.origin, m_triangles) == 0 && exact && p.outer().size() >= 4) {
      ++m_mesh.dropped_polygons;
    }
    const auto base = static_cast<std::uint32_t>(out.fill_vertices.size());
    for (const Vec2f& v : m_triangles.vertices) {
      out.fill_vertices.push_back({v.x, v.y, m_class});
    }
    for (std::uint32_t i : m_triangles.indices) {
      out.fill_indices.push_back(base + i);
    }
  }

  template <class Points>
  void add_segments(const Points& pts, std::vector<SegmentInstance>& out) {
    for (std::size_t i = 1; i < pts.size(); ++i) {
      out.push_back({fx(pts[i - 1].x), fy(pts[i - 1].y), fx(pts[i].x), fy(pts[i].y), m_class});
    }
  }

  LayerMesh& m_mesh;
  float m_class = 0;
  Tessellator m_tess;
  TriangleMesh m_triangles;
};

}  // namespace

LayerMesh build_layer_mesh(const core::Layer& layer, std::span<const std::uint16_t> feature_class) {
  LayerMesh mesh;
  if (const auto box = layer.bounds()) {
    // Rounded to whole metres: the origin is exact in both double and float arithmetic.
    mesh.origin = core::XY{std::round((box->min_corner().x + box->max_corner().x) / 2.0),
                           std::round((box->min_corner().y + box->max_corner().y) / 2.0)};
  }
  MeshBuilder builder(mesh);
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const float cls = i < feature_class.size() ? static_cast<float>(feature_class[i]) : 0.0f;
    builder.add(layer.features[i].geometry, cls);
  }
  return mesh;
}

}  // namespace caremap::render
