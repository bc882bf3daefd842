#include "app/map_drawing.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cmath>

#include "app/camera_hash.hpp"
#include "app/hasher.hpp"
#include "app/map_overlay.hpp"
#include "app/tile_basemap.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace caremap::app {

namespace {

void draw_closure_in_progress(render::MapRenderer& renderer, const MapInteraction& interaction) {
  if (interaction.editor == nullptr || !interaction.editor->active()) {
    return;
  }
  const ClosureEditor& editor = *interaction.editor;
  std::vector<core::XY> pts = editor.vertices();
  if (interaction.cursor) {
    pts.push_back(*interaction.cursor);
  }
  const bool slowdown = editor.kind() == ClosureKind::slowdown;
  const style::Rgba colour = slowdown ? style::okabe_ito::orange : style::okabe_ito::vermillion;
  std::vector<core::Segment> segments;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    segments.emplace_back(pts[i - 1], pts[i]);
  }
  if (editor.kind() != ClosureKind::line && pts.size() >= 3) {
    segments.emplace_back(pts.back(), pts.front());
  }
  renderer.draw_segments(segments, style::LineSymbol{colour, 2.5f});
  if (!editor.vertices().empty()) {
    const style::PointSymbol vertex{style::Shape::square, style::rgb(0xffffff), colour, 9.0f, 2.0f};
    renderer.draw_markers(editor.vertices(), vertex);
  }
}

}  // namespace

void draw_map_layers(AppState& app, const render::Camera& camera, render::MapRenderer& renderer,
                     const render::FrameTarget& target, const MapInteraction& interaction) {
  renderer.begin_frame(camera, target, kMapBackground);
  // Whether anything is drawn under the city areas (basemap tiles or rasters, the population
  // choropleth): the areas must then let it show through.
  bool drawn_beneath = false;
  if (app.basemap.tiles) {
    for (const auto& tile : app.basemap.tiles->drawable()) {
      render::ImageGridDraw d;
      d.key = (static_cast<std::uint64_t>(tile->id.z) << 48) |
              (static_cast<std::uint64_t>(tile->id.x) << 24) |
              static_cast<std::uint64_t>(tile->id.y);
      d.width = tile->width;
      d.height = tile->height;
      d.rgba = tile->rgba;
      d.grid_n = tile->grid_n;
      d.grid = tile->grid;
      renderer.draw_image_grid(d);
      drawn_beneath = true;
    }
  }
  std::optional<core::XY> selected_point;
  float selected_size = 12.0f;
  std::optional<core::XY> hover_point;
  float hover_size = 12.0f;
  for (LayerEntry& e : app.layers) {
    if (!e.style.visible) {
      continue;
    }
    if (e.raster) {
      render::RasterDraw r;
      r.key = render_key(e);
      r.width = e.raster->width;
      r.height = e.raster->height;
      r.rgba = e.raster->rgba;
      r.bounds = e.raster->bounds;
      r.opacity = e.style.opacity;
      renderer.draw_raster(r);
      drawn_beneath = true;
      continue;
    }
    if (!e.layer) {
      continue;
    }
    const style::LayerSymbology& sym = symbology(e);
    if (drawn_beneath && e.layer->category == core::Category::boundary) {
      // Over a basemap or the population, city areas are a light veil and an outline, not an
      // opaque paper.
      style::LayerSymbology veiled = sym;
      for (style::SymbolClass& c : veiled.classes) {
        c.symbol.fill.fill.a = static_cast<std::uint8_t>(c.symbol.fill.fill.a / 4);
      }
      renderer.draw_layer(render::LayerDraw{render_key(e), e.layer.get(), &veiled});
    } else {
      renderer.draw_layer(render::LayerDraw{render_key(e), e.layer.get(), &sym});
    }
    drawn_beneath = drawn_beneath || e.layer->category == core::Category::population;
    auto ring_for = [&](const std::optional<Selection>& s, std::optional<core::XY>& point,
                        float& size) {
      if (s && s->layer_uid == e.uid && s->feature.value < e.layer->size()) {
        const core::Feature& f = (*e.layer)[s->feature];
        if (f.geometry.index() == 1 || f.geometry.index() == 2) {
          point = core::representative_point(f.geometry);
          size = sym.classes[sym.feature_class[s->feature.value]].symbol.point.size_px;
        }
      }
    };
    ring_for(app.selection, selected_point, selected_size);
    ring_for(app.hover, hover_point, hover_size);
  }
  if (hover_point && hover_point != selected_point) {
    style::PointSymbol ring{style::Shape::circle, style::rgb(0xffffff, 0),
                            style::rgb(0x333333, 150), hover_size + 9.0f, 1.5f};
    renderer.draw_markers(std::span(&*hover_point, 1), ring);
  }
  if (selected_point) {
    style::PointSymbol halo{style::Shape::circle, style::rgb(0xffffff, 0),
                            style::rgb(0xffffff, 230), selected_size + 16.0f, 5.0f};
    renderer.draw_markers(std::span(&*selected_point, 1), halo);
    style::PointSymbol ring{style::Shape::circle, style::rgb(0xffffff, 0),
                            style::rgb(0x111111, 240), selected_size + 12.0f, 2.5f};
    renderer.draw_markers(std::span(&*selected_point, 1), ring);
  }
  for (const auto& m : app.modules) {
    if (const auto marker = m->marker()) {
      const style::PointSymbol cross{style::Shape::cross, marker->colour, style::rgb(0xffffff),
                                     marker->size_px, 2.0f};
      renderer.draw_markers(std::span(&marker->at, 1), cross);
    }
  }
  draw_closure_in_progress(renderer, interaction);
  renderer.end_frame();
}

namespace {

void hash_style(Hasher& h, const style::LayerStyle& s) {
  h.value(s.visible);
  h.value(s.opacity);
  h.value(s.color.has_value());
  h.value(s.color.value_or(style::Rgba{}));
  h.value(s.size_px.value_or(-1.0f));
  h.value(s.labels);
  if (s.ramp) {
    h.bytes(s.ramp->field.data(), s.ramp->field.size());
    h.bytes(s.ramp->breaks.data(), s.ramp->breaks.size() * sizeof(double));
    h.bytes(s.ramp->colours.data(), s.ramp->colours.size() * sizeof(style::Rgba));
  }
}

}  // namespace

std::uint64_t map_key(AppState& app, const render::Camera& camera,
                      const render::FrameTarget& target, const MapInteraction& interaction) {
  Hasher h;
  hash_camera(h, camera);
  h.value(target);
  for (const LayerEntry& e : app.layers) {
    h.value(render_key(e));
    hash_style(h, e.style);
  }
  auto hash_selection = [&](const std::optional<Selection>& s) {
    h.value(s.has_value());
    if (s) {
      h.value(s->layer_uid);
      h.value(s->feature.value);
    }
  };
  h.value(app.basemap.tiles ? app.basemap.tiles->generation() + 1 : 0);
  hash_selection(app.selection);
  hash_selection(app.hover);
  for (const auto& m : app.modules) {
    const auto marker = m->marker();
    h.value(marker.has_value());
    if (marker) {
      h.value(marker->at);
    }
  }
  if (interaction.editor != nullptr && interaction.editor->active()) {
    h.value(interaction.editor->kind());
    for (const core::XY& v : interaction.editor->vertices()) {
      h.value(v);
    }
    h.value(interaction.cursor.value_or(core::XY{0, 0}));
  }
  return h.digest();
}

void write_png(const std::filesystem::path& path, int width, int height,
               const std::vector<std::uint8_t>& rgba) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  // Encoded in memory, then written through the atomic writer: an export that fails half-way
  // never leaves a truncated PNG over the previous one.
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4) == 0) {
    throw core::OutputError("cannot encode PNG", core::ErrorContext{path.string(), {}, {}, {}});
  }
  io::write_file_atomically(path, png);
}

ExportFrame export_frame(float map_width, float map_height, int width, int height) {
  ExportFrame f;
  const float w = std::max(1.0f, map_width);
  const float h = std::max(1.0f, map_height);
  if (height <= 0) {
    height = std::max(1, static_cast<int>(std::lround(h * static_cast<float>(width) / w)));
  }
  f.width = width;
  f.height = height;
  f.pixel_ratio = std::min(static_cast<float>(width) / w, static_cast<float>(height) / h);
  f.view_width = width / static_cast<double>(f.pixel_ratio);
  f.view_height = height / static_cast<double>(f.pixel_ratio);
  return f;
}

void export_map_png(AppState& app, const ViewState& view, render::MapRenderer& renderer,
                    const Fonts& fonts, const std::filesystem::path& path, int width, int height) {
  const ExportFrame frame_of =
      export_frame(view.map_rect.width, view.map_rect.height, width, height);
  height = frame_of.height;
  const float ratio = frame_of.pixel_ratio;
  render::OffscreenTarget target(width, height);
  target.bind();

  // The screen's extent (at least), around the same centre and at the same detail per screen
  // pixel; symbols, lines and text grow by the pixel ratio.
  render::Camera camera = view.camera;
  camera.set_viewport(frame_of.view_width, frame_of.view_height);
  render::FrameTarget frame{0, 0, width, height, ratio};
  draw_map_layers(app, camera, renderer, frame);

  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)));
  OverlayTarget overlay{&list, ImVec2(0, 0),
                        ImVec2(static_cast<float>(width), static_cast<float>(height)), ratio};
  draw_labels(app, camera, overlay, fonts);
  draw_scale_bar(camera, overlay, fonts);
  draw_north_arrow(overlay, fonts, app.lang);
  draw_legend_box(app, camera, overlay, fonts, app.lang);
  draw_credits(app, overlay, fonts, app.lang);

  ImDrawList* lists[] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  data.FramebufferScale = ImVec2(1, 1);
  ImGui_ImplOpenGL3_RenderDrawData(&data);

  const std::vector<std::uint8_t> pixels = target.read_rgba();
  render::OffscreenTarget::unbind();
  write_png(path, width, height, pixels);
}

}  // namespace caremap::app
