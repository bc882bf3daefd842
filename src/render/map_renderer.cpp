#include "render/map_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "render/layer_mesh.hpp"
#include "render/point_grid.hpp"
#include "render/symbol_atlas.hpp"
#include "render/textured_mesh.hpp"

namespace caremap::render {

namespace {

constexpr std::size_t kMaxClasses = 32;  // MAX_CLASSES in shaders/prelude.glsl

std::array<float, 4> to_float(style::Rgba c) {
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f};
}

std::uint64_t hash_classes(std::span<const std::uint16_t> classes) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (std::uint16_t c : classes) {
    h = (h ^ c) * 1099511628211ull;
  }
  return h ^ classes.size();
}

// A vertex array with its buffers: one instance stream (points, segments) or a vertex + index
// stream (fills).
struct GpuStream {
  GlVertexArray vao;
  GlBuffer vbo;
  GlBuffer ibo;
  GLsizei count = 0;  // instances, or indices for fills
};

struct GpuLayer {
  std::uint64_t key = 0;
  std::uint64_t class_hash = 0;
  core::XY origin;
  GpuStream points;                // every point symbol, in layer order
  PointGrid point_grid;            // for culling: which of them the view can show
  float thin_cell = 0.0f;          // cell size the thinning flags are for (0 = none yet)
  std::vector<std::uint8_t> keep;  // thin_overlapping flags at thin_cell
  std::size_t kept = 0;            // how many flags are set
  GpuStream thinned_points;        // every kept point (when the whole layer is in view)
  GpuStream visible_points;        // the culled subset for cull_box
  std::optional<LocalBox> cull_box;
  std::array<GpuStream, kLodLevels> lines;  // per level of detail
  std::array<GpuStream, kLodLevels> outlines;
  std::array<GpuStream, kLodLevels> fills;
  std::uint64_t last_frame = 0;
};

struct GpuRaster {
  std::uint64_t key = 0;
  GlTexture texture;
  GpuStream quad;
  core::XY origin;
  std::uint64_t last_frame = 0;
};

// Prepares `gpu`, the cache entry for image `key`, when it holds nothing yet (a new entry has
// never been drawn) or another image: resets it to `key` with the image uploaded, and returns true
// so the caller builds the vertices. An entry drawn before is kept as it is (false).
bool upload_if_new(GpuRaster& gpu, std::uint64_t key, int width, int height,
                   std::span<const std::uint8_t> rgba) {
  if (gpu.key == key && gpu.last_frame != 0) {
    return false;
  }
  gpu = GpuRaster{};
  gpu.key = key;
  gpu.texture = upload_rgba_texture(width, height, rgba);
  return true;
}

// Per-instance attributes (segments: one quad per instance) or, with `instanced` false,
// per-vertex ones (points: one GL point per vertex).
template <class T>
void upload_instances(GpuStream& s, const std::vector<T>& data, int position_components,
                      bool instanced = true) {
  s.count = static_cast<GLsizei>(data.size());
  if (data.empty()) {
    return;
  }
  if (s.vao && s.vbo) {
    // A stream that is refilled (the culled points, every pan frame) keeps its objects: a new
    // store for the same buffer name leaves the vertex array's attribute bindings valid, and
    // lets the driver hand out fresh memory instead of waiting for the previous draw.
    glBindBuffer(GL_ARRAY_BUFFER, s.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(),
                 GL_STREAM_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return;
  }
  s.vao = GlVertexArray::generate();
  s.vbo = GlBuffer::generate();
  glBindVertexArray(s.vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, s.vbo.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(),
               GL_STATIC_DRAW);
  const auto stride = static_cast<GLsizei>(sizeof(T));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, position_components, GL_FLOAT, GL_FALSE, stride, nullptr);
  glVertexAttribDivisor(0, instanced ? 1 : 0);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(sizeof(float) * position_components));
  glVertexAttribDivisor(1, instanced ? 1 : 0);
  glBindVertexArray(0);
}

void upload_fills(GpuStream& s, const LodGeometry& mesh) {
  s.count = static_cast<GLsizei>(mesh.fill_indices.size());
  if (mesh.fill_indices.empty()) {
    return;
  }
  s.vao = GlVertexArray::generate();
  s.vbo = GlBuffer::generate();
  s.ibo = GlBuffer::generate();
  glBindVertexArray(s.vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, s.vbo.id());
  glBufferData(GL_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.fill_vertices.size() * sizeof(FillVertex)),
               mesh.fill_vertices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s.ibo.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.fill_indices.size() * sizeof(std::uint32_t)),
               mesh.fill_indices.data(), GL_STATIC_DRAW);
  const auto stride = static_cast<GLsizei>(sizeof(FillVertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(2 * sizeof(float)));
  glBindVertexArray(0);
}

// Per-class uniform arrays, filled from the resolved symbology.
struct ClassUniforms {
  std::array<float, kMaxClasses * 4> symbol{};
  std::array<float, kMaxClasses * 4> fill{};
  std::array<float, kMaxClasses * 4> outline{};
  std::array<float, kMaxClasses * 4> line{};
  std::array<float, kMaxClasses * 4> line_color{};
  std::array<float, kMaxClasses * 4> poly_fill{};
  std::array<float, kMaxClasses * 4> poly_outline{};
  std::array<float, kMaxClasses * 4> poly_outline_width{};
  GLsizei count = 0;
};

void put(std::array<float, kMaxClasses * 4>& a, std::size_t i, std::array<float, 4> v) {
  std::copy(v.begin(), v.end(), a.begin() + static_cast<std::ptrdiff_t>(i * 4));
}

ClassUniforms class_uniforms(const style::LayerSymbology& sym) {
  ClassUniforms u;
  const std::size_t n = std::min(sym.classes.size(), kMaxClasses);
  u.count = static_cast<GLsizei>(std::max<std::size_t>(n, 1));
  for (std::size_t i = 0; i < n; ++i) {
    const style::Symbol& s = sym.classes[i].symbol;
    put(u.symbol, i,
        {static_cast<float>(s.point.shape), s.point.size_px, s.point.outline_px, 0.0f});
    put(u.fill, i, to_float(s.point.fill));
    put(u.outline, i, to_float(s.point.outline));
    put(u.line, i, {s.line.width_px, s.line.dash_px, 0, 0});
    put(u.line_color, i, to_float(s.line.color));
    put(u.poly_fill, i, to_float(s.fill.fill));
    put(u.poly_outline, i, to_float(s.fill.outline));
    put(u.poly_outline_width, i, {s.fill.outline_px, 0, 0, 0});
  }
  return u;
}

}  // namespace

struct MapRenderer::Impl {
  ShaderProgram point;
  ShaderProgram line;
  ShaderProgram fill;
  ShaderProgram raster;
  SymbolAtlas atlas;
  GlVertexArray empty_vao;  // core profile needs a bound VAO even for attribute-less draws
  std::unordered_map<std::uint64_t, GpuLayer> layers;
  std::unordered_map<std::uint64_t, GpuRaster> rasters;
  std::unordered_map<std::uint64_t, GpuRaster> grids;  // basemap tiles
  GpuStream scratch_points;
  GpuStream scratch_segments;
  std::vector<PointInstance> scratch_instances;  // the culled subset, reused across frames
  std::uint64_t frame = 0;
  Camera camera;
  FrameTarget target;

  // The point instances to draw for the current camera: culled to the view (symbols whose centre
  // lies farther outside than the largest symbol's radius cannot show) and thinned where symbols
  // of one class pile up in one pixel (overviews). Subsets are re-uploaded only when the view
  // moved or the detail changed.
  const GpuStream& visible_points(GpuLayer& gpu, const ClassUniforms& u) {
    float max_size_px = 0.0f;
    for (std::size_t i = 0; i < static_cast<std::size_t>(u.count); ++i) {
      max_size_px = std::max(max_size_px, u.symbol[i * 4 + 1]);
    }
    const double m_per_target_px = camera.meters_per_pixel() / target.pixel_ratio;
    const auto cell = static_cast<float>(m_per_target_px);
    if (gpu.thin_cell != cell) {
      gpu.keep = thin_overlapping(gpu.point_grid.points(), cell);
      gpu.kept = static_cast<std::size_t>(std::count(gpu.keep.begin(), gpu.keep.end(), 1));
      gpu.thin_cell = cell;
      gpu.thinned_points = GpuStream{};
      gpu.cull_box.reset();
    }
    const double margin_m = (max_size_px * 0.5 * target.pixel_ratio + 2.0) * m_per_target_px;
    const core::Box view = camera.visible_box();
    const LocalBox local{static_cast<float>(view.min_corner().x - gpu.origin.x - margin_m),
                         static_cast<float>(view.min_corner().y - gpu.origin.y - margin_m),
                         static_cast<float>(view.max_corner().x - gpu.origin.x + margin_m),
                         static_cast<float>(view.max_corner().y - gpu.origin.y + margin_m)};
    const LocalBox& all = gpu.point_grid.bounds();
    const bool everything =
        local.x0 <= all.x0 && local.y0 <= all.y0 && local.x1 >= all.x1 && local.y1 >= all.y1;
    const std::vector<PointInstance>& source = gpu.point_grid.points();
    if (everything) {
      if (gpu.kept == source.size()) {
        return gpu.points;
      }
      if (gpu.thinned_points.count == 0) {
        std::vector<PointInstance> subset;
        subset.reserve(gpu.kept);
        for (std::size_t i = 0; i < source.size(); ++i) {
          if (gpu.keep[i] != 0) {
            subset.push_back(source[i]);
          }
        }
        upload_instances(gpu.thinned_points, subset, 2, false);
      }
      return gpu.thinned_points;
    }
    const bool same = gpu.cull_box && gpu.cull_box->x0 == local.x0 &&
                      gpu.cull_box->y0 == local.y0 && gpu.cull_box->x1 == local.x1 &&
                      gpu.cull_box->y1 == local.y1;
    if (!same) {
      std::vector<PointInstance>& subset = scratch_instances;
      subset.clear();
      const std::vector<std::uint32_t> ids = gpu.point_grid.query(local);
      subset.reserve(ids.size());
      for (std::uint32_t i : ids) {
        if (gpu.keep[i] != 0) {
          subset.push_back(source[i]);
        }
      }
      upload_instances(gpu.visible_points, subset, 2, false);
      gpu.cull_box = local;
    }
    return gpu.visible_points;
  }

  // The point program with the symbol atlas bound to texture unit 0.
  // The point program with the symbol atlas bound to texture unit 0, and the viewport grown by
  // the largest symbol so that symbols whose centre lies just outside the map still show their
  // visible part (GL drops a point with its centre); the scissor keeps drawing on the map.
  void use_points(core::XY origin, float max_radius_px) {
    point.use();
    set_common(point, origin);
    atlas.bind(max_radius_px);
    glUniform1i(point.uniform("u_shapes"), 0);
    const int margin = static_cast<int>(std::ceil(max_radius_px)) + 2;
    glViewport(target.x - margin, target.y - margin, target.width + 2 * margin,
               target.height + 2 * margin);
    glUniform2f(point.uniform("u_clip_scale"),
                static_cast<float>(target.width) / static_cast<float>(target.width + 2 * margin),
                static_cast<float>(target.height) / static_cast<float>(target.height + 2 * margin));
  }
  void end_points() const { glViewport(target.x, target.y, target.width, target.height); }

  void set_common(const ShaderProgram& p, core::XY origin) const {
    const GpuTransform t = camera.gpu_transform(origin);
    glUniform2f(p.uniform("u_offset"), t.offset[0], t.offset[1]);
    glUniform2f(p.uniform("u_scale"), t.scale[0], t.scale[1]);
    glUniform2f(p.uniform("u_viewport_px"), static_cast<float>(target.width),
                static_cast<float>(target.height));
    glUniform1f(p.uniform("u_pixel_ratio"), target.pixel_ratio);
  }

  // Everything a textured draw needs before its draw call (which differs: one quad strip or an
  // indexed grid): the raster program, the texture on unit 0, the opacity and the vertex array.
  void bind_raster(const GpuRaster& gpu, float opacity) const {
    raster.use();
    set_common(raster, gpu.origin);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, gpu.texture.id());
    glUniform1i(raster.uniform("u_image"), 0);
    glUniform1f(raster.uniform("u_opacity"), opacity);
    glBindVertexArray(gpu.quad.vao.id());
  }
};

MapRenderer::MapRenderer(const std::filesystem::path& dir) : m_impl(std::make_unique<Impl>()) {
  m_impl->point = ShaderProgram(dir, "point");
  m_impl->line = ShaderProgram(dir, "line");
  m_impl->fill = ShaderProgram(dir, "fill");
  m_impl->raster = ShaderProgram(dir, "raster");
  m_impl->atlas = SymbolAtlas(dir);
  m_impl->empty_vao = GlVertexArray::generate();
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::begin_frame(const Camera& camera, const FrameTarget& target,
                              style::Rgba background) {
  Impl& d = *m_impl;
  ++d.frame;
  d.camera = camera;
  d.target = target;
  m_stats.draw_calls = 0;
  m_stats.instances = 0;
  glViewport(target.x, target.y, target.width, target.height);
  glEnable(GL_SCISSOR_TEST);
  int x0 = target.x;
  int y0 = target.y;
  int x1 = target.x + target.width;
  int y1 = target.y + target.height;
  if (target.clip_width > 0 && target.clip_height > 0) {
    x0 = std::max(x0, target.clip_x);
    y0 = std::max(y0, target.clip_y);
    x1 = std::min(x1, target.clip_x + target.clip_width);
    y1 = std::min(y1, target.clip_y + target.clip_height);
  }
  glScissor(x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0));
  const auto bg = to_float(background);
  glClearColor(bg[0], bg[1], bg[2], bg[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_PROGRAM_POINT_SIZE);
}

void MapRenderer::draw_layer(const LayerDraw& draw) {
  if (draw.layer == nullptr || draw.symbology == nullptr) {
    return;
  }
  Impl& d = *m_impl;
  const style::LayerSymbology& sym = *draw.symbology;
  const std::uint64_t class_hash = hash_classes(sym.feature_class);
  GpuLayer& gpu = d.layers[draw.key];
  if (gpu.key != draw.key || gpu.class_hash != class_hash || gpu.last_frame == 0) {
    const LayerMesh mesh = build_layer_mesh(*draw.layer, sym.feature_class);
    gpu = GpuLayer{};
    gpu.key = draw.key;
    gpu.class_hash = class_hash;
    gpu.origin = mesh.origin;
    upload_instances(gpu.points, mesh.points, 2, false);
    gpu.point_grid = PointGrid(mesh.points);
    for (std::size_t level = 0; level < kLodLevels; ++level) {
      upload_instances(gpu.lines[level], mesh.levels[level].lines, 4);
      upload_instances(gpu.outlines[level], mesh.levels[level].outlines, 4);
      upload_fills(gpu.fills[level], mesh.levels[level]);
    }
    ++m_stats.uploads;
  }
  gpu.last_frame = d.frame;
  const ClassUniforms u = class_uniforms(sym);
  // Exports at a higher pixel ratio see finer detail per output pixel.
  const std::size_t level = lod_level(d.camera.meters_per_pixel() / d.target.pixel_ratio);
  const GpuStream& fills = gpu.fills[level];

  if (fills.count > 0) {
    d.fill.use();
    d.set_common(d.fill, gpu.origin);
    glUniform4fv(d.fill.uniform("u_fill"), u.count, u.poly_fill.data());
    glBindVertexArray(fills.vao.id());
    glDrawElements(GL_TRIANGLES, fills.count, GL_UNSIGNED_INT, nullptr);
    ++m_stats.draw_calls;
  }
  auto draw_segments_stream = [&](const GpuStream& s, const std::array<float, kMaxClasses * 4>& w,
                                  const std::array<float, kMaxClasses * 4>& c) {
    if (s.count == 0) {
      return;
    }
    d.line.use();
    d.set_common(d.line, gpu.origin);
    glUniform4fv(d.line.uniform("u_line"), u.count, w.data());
    glUniform4fv(d.line.uniform("u_line_color"), u.count, c.data());
    glBindVertexArray(s.vao.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, s.count);
    ++m_stats.draw_calls;
    m_stats.instances += static_cast<std::size_t>(s.count);
  };
  draw_segments_stream(gpu.outlines[level], u.poly_outline_width, u.poly_outline);
  draw_segments_stream(gpu.lines[level], u.line, u.line_color);
  const GpuStream* points = gpu.points.count > 0 ? &d.visible_points(gpu, u) : &gpu.points;
  if (points->count > 0) {
    float max_size_px = 0.0f;
    for (std::size_t i = 0; i < static_cast<std::size_t>(u.count); ++i) {
      max_size_px = std::max(max_size_px, u.symbol[i * 4 + 1]);
    }
    const float symbol_scale =
        style::symbol_scale(d.camera.meters_per_pixel() / d.target.pixel_ratio);
    d.use_points(gpu.origin, max_size_px * symbol_scale * d.target.pixel_ratio * 0.5f);
    glUniform4fv(d.point.uniform("u_symbol"), u.count, u.symbol.data());
    glUniform4fv(d.point.uniform("u_fill"), u.count, u.fill.data());
    glUniform4fv(d.point.uniform("u_outline"), u.count, u.outline.data());
    glUniform1f(d.point.uniform("u_symbol_scale"), symbol_scale);
    glBindVertexArray(points->vao.id());
    glDrawArrays(GL_POINTS, 0, points->count);
    d.end_points();
    ++m_stats.draw_calls;
    m_stats.instances += static_cast<std::size_t>(points->count);
  }
  glBindVertexArray(0);
}

void MapRenderer::draw_markers(std::span<const core::XY> points, const style::PointSymbol& symbol) {
  if (points.empty()) {
    return;
  }
  Impl& d = *m_impl;
  const core::XY origin = points.front();
  std::vector<PointInstance> instances;
  instances.reserve(points.size());
  for (const core::XY& p : points) {
    instances.push_back(
        {static_cast<float>(p.x - origin.x), static_cast<float>(p.y - origin.y), 0});
  }
  upload_instances(d.scratch_points, instances, 2, false);
  style::LayerSymbology sym;
  sym.classes.push_back(style::SymbolClass{});
  sym.classes[0].symbol.point = symbol;
  const ClassUniforms u = class_uniforms(sym);
  d.use_points(origin, symbol.size_px * d.target.pixel_ratio * 0.5f);
  glUniform4fv(d.point.uniform("u_symbol"), 1, u.symbol.data());
  glUniform4fv(d.point.uniform("u_fill"), 1, u.fill.data());
  glUniform4fv(d.point.uniform("u_outline"), 1, u.outline.data());
  glUniform1f(d.point.uniform("u_symbol_scale"), 1.0f);
  glBindVertexArray(d.scratch_points.vao.id());
  glDrawArrays(GL_POINTS, 0, d.scratch_points.count);
  d.end_points();
  glBindVertexArray(0);
  ++m_stats.draw_calls;
}

void MapRenderer::draw_segments(std::span<const core::Segment> segments,
                                const style::LineSymbol& symbol) {
  if (segments.empty()) {
    return;
  }
  Impl& d = *m_impl;
  const core::XY origin = segments.front().first;
  std::vector<SegmentInstance> instances;
  instances.reserve(segments.size());
  for (const core::Segment& s : segments) {
    instances.push_back(
        {static_cast<float>(s.first.x - origin.x), static_cast<float>(s.first.y - origin.y),
         static_cast<float>(s.second.x - origin.x), static_cast<float>(s.second.y - origin.y), 0});
  }
  upload_instances(d.scratch_segments, instances, 4);
  const std::array<float, 4> width{symbol.width_px, symbol.dash_px, 0, 0};
  const std::array<float, 4> color = to_float(symbol.color);
  d.line.use();
  d.set_common(d.line, origin);
  glUniform4fv(d.line.uniform("u_line"), 1, width.data());
  glUniform4fv(d.line.uniform("u_line_color"), 1, color.data());
  glBindVertexArray(d.scratch_segments.vao.id());
  glDrawArraysInstanced(GL_TRIANGLES, 0, 6, d.scratch_segments.count);
  glBindVertexArray(0);
  ++m_stats.draw_calls;
}

void MapRenderer::draw_raster(const RasterDraw& raster) {
  if (!is_whole_rgba(raster.width, raster.height, raster.rgba)) {
    return;
  }
  Impl& d = *m_impl;
  GpuRaster& gpu = d.rasters[raster.key];
  if (upload_if_new(gpu, raster.key, raster.width, raster.height, raster.rgba)) {
    const core::Box& b = raster.bounds;
    gpu.origin = core::XY{b.min_corner().x, b.min_corner().y};
    const auto w = static_cast<float>(b.max_corner().x - b.min_corner().x);
    const auto h = static_cast<float>(b.max_corner().y - b.min_corner().y);
    // Rows run top to bottom, so the top edge (y = h) samples v = 0.
    const std::array<float, 16> quad{0, 0, 0, 1, w, 0, 1, 1, 0, h, 0, 0, w, h, 1, 0};
    gpu.quad.vao = GlVertexArray::generate();
    gpu.quad.vbo = GlBuffer::generate();
    glBindVertexArray(gpu.quad.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.quad.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad.data(), GL_STATIC_DRAW);
    describe_textured_vertices();
    glBindVertexArray(0);
    gpu.quad.count = 4;
  }
  gpu.last_frame = d.frame;
  d.bind_raster(gpu, raster.opacity);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindVertexArray(0);
  ++m_stats.draw_calls;
}

void MapRenderer::draw_image_grid(const ImageGridDraw& image) {
  const int n = image.grid_n;
  if (!is_whole_rgba(image.width, image.height, image.rgba) || n < 1 ||
      image.grid.size() != static_cast<std::size_t>((n + 1) * (n + 1))) {
    return;
  }
  Impl& d = *m_impl;
  GpuRaster& gpu = d.grids[image.key];
  if (upload_if_new(gpu, image.key, image.width, image.height, image.rgba)) {
    gpu.origin = image.grid.front();
    std::vector<float> vertices;
    vertices.reserve(image.grid.size() * 4);
    for (int row = 0; row <= n; ++row) {
      for (int col = 0; col <= n; ++col) {
        const core::XY& p = image.grid[static_cast<std::size_t>(row * (n + 1) + col)];
        vertices.insert(vertices.end(), {static_cast<float>(p.x - gpu.origin.x),
                                         static_cast<float>(p.y - gpu.origin.y),
                                         static_cast<float>(col) / n, static_cast<float>(row) / n});
      }
    }
    std::vector<std::uint32_t> indices;
    for (int row = 0; row < n; ++row) {
      for (int col = 0; col < n; ++col) {
        const auto a = static_cast<std::uint32_t>(row * (n + 1) + col);
        const auto b = a + 1;
        const auto c = a + static_cast<std::uint32_t>(n + 1);
        const auto e = c + 1;
        indices.insert(indices.end(), {a, c, b, b, c, e});
      }
    }
    gpu.quad.vao = GlVertexArray::generate();
    gpu.quad.vbo = GlBuffer::generate();
    gpu.quad.ibo = GlBuffer::generate();
    glBindVertexArray(gpu.quad.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.quad.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)),
                 vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.quad.ibo.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    describe_textured_vertices();
    glBindVertexArray(0);
    gpu.quad.count = static_cast<GLsizei>(indices.size());
  }
  gpu.last_frame = d.frame;
  d.bind_raster(gpu, image.opacity);
  glDrawElements(GL_TRIANGLES, gpu.quad.count, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
  ++m_stats.draw_calls;
}

void MapRenderer::end_frame() {
  Impl& d = *m_impl;
  std::erase_if(d.layers, [&](const auto& kv) { return kv.second.last_frame != d.frame; });
  std::erase_if(d.rasters, [&](const auto& kv) { return kv.second.last_frame != d.frame; });
  std::erase_if(d.grids, [&](const auto& kv) { return kv.second.last_frame != d.frame; });
  m_stats.cached_layers = d.layers.size();
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(0);
  glBindVertexArray(0);
}

int max_offscreen_size() {
  GLint rb = 0;
  GLint vp[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
  return std::min({rb, vp[0], vp[1]});
}

OffscreenTarget::OffscreenTarget(int width, int height) : m_width(width), m_height(height) {
  const int limit = max_offscreen_size();
  if (width <= 0 || height <= 0 || width > limit || height > limit) {
    throw core::OutputError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                            " is outside what this OpenGL allows (1.." + std::to_string(limit) +
                            ")");
  }
  m_fbo = GlFramebuffer::generate();
  m_color = GlRenderbuffer::generate();
  glBindRenderbuffer(GL_RENDERBUFFER, m_color.id());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color.id());
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    throw core::OutputError("offscreen framebuffer incomplete (status " + std::to_string(status) +
                            ")");
  }
}

OffscreenTarget::~OffscreenTarget() = default;

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id());
}

void OffscreenTarget::unbind() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(m_width) * m_height * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  // GL rows run bottom to top; images run top to bottom.
  const std::size_t row = static_cast<std::size_t>(m_width) * 4;
  std::vector<std::uint8_t> flipped(pixels.size());
  for (int y = 0; y < m_height; ++y) {
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(y * row), row,
                flipped.begin() + static_cast<std::ptrdiff_t>((m_height - 1 - y) * row));
  }
  return flipped;
}

}  // namespace caremap::render
