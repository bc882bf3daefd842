#pragma once
// Draws layers with the style model's symbology through the shaders in shaders/: polygon fills
// (GLU-tessellated), anti-aliased lines and polygon outlines (screen-space quads), SDF point
// symbols, and raster images. OpenGL 3.3 core; needs a current context for its whole life.
//
// GPU buffers are cached per layer and re-uploaded only when the layer's key (the caller's
// identity + version of the layer) or its symbol classes change; a cached layer not drawn in a
// frame is released at end_frame(). Labels are not drawn here: see label_placer.hpp.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "core/layer.hpp"
#include "render/camera.hpp"
#include "render/shader_program.hpp"
#include "style/style.hpp"

namespace caremap::render {

/// One vector layer to draw.
struct LayerDraw {
  std::uint64_t key = 0;  ///< must change whenever the layer's features change
  const core::Layer* layer = nullptr;
  const style::LayerSymbology* symbology = nullptr;
};

/// One RGBA image (rows top to bottom, 4 bytes per pixel) covering a box of the working CRS.
struct RasterDraw {
  std::uint64_t key = 0;  ///< must change whenever the pixels change
  int width = 0;
  int height = 0;
  std::span<const std::uint8_t> rgba;
  core::Box bounds;
  float opacity = 1.0f;
};

/// One RGBA image (a basemap tile) draped over a grid of points of the working CRS: cell (i, j)
/// of the image maps to the quadrilateral of grid points (row j..j+1, column i..i+1). Used for
/// Web Mercator tiles on a plane rectangular map.
struct ImageGridDraw {
  std::uint64_t key = 0;  ///< must change whenever the pixels or the grid change
  int width = 0;
  int height = 0;
  std::span<const std::uint8_t> rgba;  ///< rows top to bottom
  int grid_n = 1;                      ///< cells per side
  std::span<const core::XY> grid;      ///< (grid_n + 1)^2 points, row 0 at the image's top
  float opacity = 1.0f;
};

/// Where the map goes in the current framebuffer, in framebuffer pixels from the bottom-left
/// (GL convention), and how big a "pixel" of symbol size is (1 on screen, more for exports).
struct FrameTarget {
  int x = 0;
  int y = 0;
  int width = 1;
  int height = 1;
  float pixel_ratio = 1.0f;
  /// Draw only inside this part of the target (framebuffer pixels, same convention): a partial
  /// redraw of a frame whose other pixels are still valid. Width 0 = the whole target.
  int clip_x = 0;
  int clip_y = 0;
  int clip_width = 0;
  int clip_height = 0;
};

class MapRenderer {
 public:
  /// Compiles the shaders from `dir`; throws ShaderError naming the file on a compile error.
  explicit MapRenderer(const std::filesystem::path& dir = shader_dir());
  ~MapRenderer();
  MapRenderer(const MapRenderer&) = delete;
  MapRenderer& operator=(const MapRenderer&) = delete;

  /// Sets the viewport to `target`, the scissor to it (and its clip) and clears that to
  /// `background`. The camera's
  /// viewport size should equal target.width/height divided by target.pixel_ratio.
  void begin_frame(const Camera& camera, const FrameTarget& target, style::Rgba background);
  void draw_raster(const RasterDraw& raster);
  void draw_image_grid(const ImageGridDraw& image);
  void draw_layer(const LayerDraw& layer);
  /// Extra symbols (selection, nearest-analysis origin) drawn with one point symbol.
  void draw_markers(std::span<const core::XY> points, const style::PointSymbol& symbol);
  /// Extra segments (nearest links) drawn with one line symbol, in world coordinates.
  void draw_segments(std::span<const core::Segment> segments, const style::LineSymbol& symbol);
  /// Restores GL state for other drawing (ImGui) and drops cache entries unused this frame.
  void end_frame();

  struct Stats {
    std::size_t uploads = 0;        ///< layers uploaded since construction
    std::size_t cached_layers = 0;  ///< layers resident on the GPU
    std::size_t draw_calls = 0;     ///< in the last frame
    std::size_t instances = 0;      ///< points + segments drawn in the last frame
  };
  const Stats& stats() const { return m_stats; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  Stats m_stats;
};

/// An offscreen RGBA8 framebuffer for exports (PNG of the map at any size the GL allows).
class OffscreenTarget {
 public:
  /// Throws core::OutputError if the size exceeds the GL's limit or the framebuffer is incomplete.
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  void bind() const;
  static void unbind();
  int width() const { return m_width; }
  int height() const { return m_height; }
  /// The pixels, rows top to bottom, 4 bytes per pixel.
  std::vector<std::uint8_t> read_rgba() const;

 private:
  int m_width;
  int m_height;
  GlFramebuffer m_fbo;
  GlRenderbuffer m_color;
};

/// The largest width or height an OffscreenTarget may have on this GL.
int max_offscreen_size();

}  // namespace caremap::render
