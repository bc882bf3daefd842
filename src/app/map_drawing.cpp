#include "app/map_drawing.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cmath>

#include "app/map_overlay.hpp"
#include "core/error.hpp"

namespace caremap::app {

void draw_map_layers(AppState& app, const render::Camera& camera, render::MapRenderer& renderer,
                     const render::FrameTarget& target) {
  renderer.begin_frame(camera, target, kMapBackground);
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
      continue;
    }
    if (!e.layer) {
      continue;
    }
    const style::LayerSymbology& sym = symbology(e);
    renderer.draw_layer(render::LayerDraw{render_key(e), e.layer.get(), &sym});
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
  if (app.nearest.origin) {
    const core::XY o = *app.nearest.origin;
    style::PointSymbol marker{style::Shape::cross, style::rgb(0x111111), style::rgb(0xffffff),
                              16.0f, 2.0f};
    renderer.draw_markers(std::span(&o, 1), marker);
  }
  renderer.end_frame();
}

void write_png(const std::filesystem::path& path, int width, int height,
               const std::vector<std::uint8_t>& rgba) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  if (stbi_write_png(path.string().c_str(), width, height, 4, rgba.data(), width * 4) == 0) {
    throw core::OutputError("cannot write PNG", core::ErrorContext{path.string(), {}, {}, {}});
  }
}

void export_map_png(AppState& app, const ViewState& view, render::MapRenderer& renderer,
                    const Fonts& fonts, const std::filesystem::path& path, int width) {
  const float map_w = view.map_rect.width;
  const float map_h = view.map_rect.height;
  const float ratio = static_cast<float>(width) / map_w;
  const int height = static_cast<int>(std::lround(map_h * ratio));
  render::OffscreenTarget target(width, height);
  target.bind();

  // Same extent as on screen; symbols, lines and text grow by the pixel ratio so the image looks
  // like the screen, only sharper.
  render::Camera camera = view.camera;
  camera.set_viewport(map_w, map_h);
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
  draw_legend_box(app, overlay, fonts, app.lang);
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
