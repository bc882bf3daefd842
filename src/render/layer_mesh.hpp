#pragma once
// The CPU side of a layer's GPU buffers: points, line segments, polygon outlines and fill
// triangles, as float32 metres relative to a local origin (the centre of the layer's bounds),
// each tagged with its symbol class (style::LayerSymbology::feature_class). Pure CPU, testable
// without GL.
//
// Lines, outlines and fills come in levels of detail: level i is the geometry simplified
// (Douglas-Peucker) by kLodTolerances[i] metres, level 0 exact. Drawing picks the coarsest level
// whose tolerance stays within a pixel, so an overview of a coastline with tens of thousands of
// vertices draws a few thousand and looks the same. Parts smaller than a level's tolerance
// (islets below a pixel) vanish at that level.
//
// Building is O(vertices) per level plus tessellation (O(n log n) per polygon); it happens once
// per layer version, not per frame.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/layer.hpp"
#include "render/tessellator.hpp"

namespace caremap::render {

inline constexpr std::array<double, 5> kLodTolerances{0.0, 4.0, 16.0, 64.0, 256.0};
inline constexpr std::size_t kLodLevels = kLodTolerances.size();

/// The level of detail to draw at `m_per_px` (metres per output pixel): the coarsest whose
/// tolerance is at most one pixel.
std::size_t lod_level(double m_per_px);

struct PointInstance {
  float x = 0, y = 0;
  float symbol_class = 0;
};

struct SegmentInstance {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float symbol_class = 0;
};

struct FillVertex {
  float x = 0, y = 0;
  float symbol_class = 0;
};

/// Lines, outlines and fills at one level of detail.
struct LodGeometry {
  std::vector<SegmentInstance> lines;     ///< segments of line geometries
  std::vector<SegmentInstance> outlines;  ///< segments of polygon rings
  std::vector<FillVertex> fill_vertices;  ///< tessellated polygon interiors
  std::vector<std::uint32_t> fill_indices;
};

struct LayerMesh {
  core::XY origin;                    ///< working-CRS metres; every vertex is relative to it
  std::vector<PointInstance> points;  ///< points and multipoint members
  std::array<LodGeometry, kLodLevels> levels;
  std::size_t dropped_polygons = 0;  ///< level-0 polygons GLU could not tessellate
};

/// Builds the mesh of `layer`; feature_class has one entry per feature (or is empty: class 0).
LayerMesh build_layer_mesh(const core::Layer& layer, std::span<const std::uint16_t> feature_class);

}  // namespace caremap::render
