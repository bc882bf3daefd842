#pragma once
// The point-symbol distance atlas: the signed distance of every style::Shape, baked once on the
// GPU (shaders/symbol_atlas.*) into a float texture of kColumns x kColumns cells, each covering
// [-kExtent, kExtent]^2 in units of the shape's bounding radius. The point shader reads one
// distance per pixel instead of evaluating the shape functions, which on a software rasteriser
// is several times cheaper (every shape function ran for every pixel, since the shape varies per
// instance). Distances scale with the radius, so one atlas serves every symbol size; bilinear
// filtering of a distance field keeps edges exact to a small fraction of a pixel at the sizes
// drawn (cell texel = 3 R / kCellTexels).
//
// Needs a current GL context for its whole life. The constants must match shaders/prelude.glsl
// (SYMBOL_ATLAS_COLUMNS, SYMBOL_ATLAS_EXTENT); a unit test checks this.

#include <filesystem>

#include "render/gl_object.hpp"

namespace caremap::render {

class SymbolAtlas {
 public:
  static constexpr int kColumns = 3;       ///< 3 x 3 cells: shape codes 0..8
  static constexpr int kCellTexels = 192;  ///< texels per cell side
  static constexpr float kExtent = 1.5f;   ///< cell half-width in units of the radius

  SymbolAtlas() = default;
  /// Bakes the atlas with the shaders in `dir`. Leaves the default framebuffer bound; the caller
  /// sets its viewport again. Throws ShaderError on a compile error.
  explicit SymbolAtlas(const std::filesystem::path& dir);

  /// Binds the atlas to texture unit 0: nearest sampling for symbols of radius up to
  /// kNearestMaxRadiusPx (a texel is 3 R / kCellTexels, so the distance read is off by under
  /// 0.2 px, and one texel read costs a software rasteriser far less than four), bilinear for
  /// larger ones (high-resolution exports).
  void bind(float max_radius_px);

  static constexpr float kNearestMaxRadiusPx = 16.0f;

 private:
  GlTexture m_texture;
  GLint m_filter = GL_LINEAR;
};

}  // namespace caremap::render
