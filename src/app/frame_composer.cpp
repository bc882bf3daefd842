#include "app/frame_composer.hpp"

#include <epoxy/gl.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace caremap::app {

std::vector<DrawListSignature> draw_list_signatures(const ImDrawData& data) {
  std::vector<DrawListSignature> out;
  out.reserve(static_cast<std::size_t>(data.CmdListsCount));
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    DrawListSignature s;
    s.identity = reinterpret_cast<std::uintptr_t>(&list);
    Hasher h;
    h.bytes(list.VtxBuffer.Data,
            static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    PixelRect clip;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      h.value(cmd.ClipRect);
      h.value(cmd.TextureId);
      h.value(cmd.VtxOffset);
      h.value(cmd.IdxOffset);
      h.value(cmd.ElemCount);
      if (cmd.ElemCount > 0) {
        clip =
            unite(clip, PixelRect{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w});
      }
    }
    s.content = h.digest();
    if (list.VtxBuffer.Size > 0) {
      PixelRect v{1e30f, 1e30f, -1e30f, -1e30f};
      for (const ImDrawVert& vert : list.VtxBuffer) {
        v.x0 = std::min(v.x0, vert.pos.x);
        v.y0 = std::min(v.y0, vert.pos.y);
        v.x1 = std::max(v.x1, vert.pos.x);
        v.y1 = std::max(v.y1, vert.pos.y);
      }
      // Anti-aliased edges reach a pixel beyond the vertices.
      v = PixelRect{std::floor(v.x0) - 1, std::floor(v.y0) - 1, std::ceil(v.x1) + 1,
                    std::ceil(v.y1) + 1};
      s.bounds = intersect(v, clip);
    }
    out.push_back(s);
  }
  return out;
}

namespace {

// Window-pixel rectangle -> GL framebuffer rectangle (origin bottom-left), outward-rounded.
struct GlRect {
  GLint x = 0, y = 0, w = 0, h = 0;
};
GlRect to_gl(const PixelRect& r, float scale, int fb_h) {
  const auto x0 = static_cast<GLint>(std::floor(r.x0 * scale));
  const auto x1 = static_cast<GLint>(std::ceil(r.x1 * scale));
  const auto y0 = static_cast<GLint>(std::floor(r.y0 * scale));
  const auto y1 = static_cast<GLint>(std::ceil(r.y1 * scale));
  return GlRect{x0, fb_h - y1, x1 - x0, y1 - y0};
}

bool same_target(const render::FrameTarget& a, const render::FrameTarget& b) {
  return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height &&
         a.pixel_ratio == b.pixel_ratio;
}

PixelRect window_rect(const render::FrameTarget& t, float scale, int fb_h) {
  return PixelRect{
      static_cast<float>(t.x) / scale, static_cast<float>(fb_h - t.y - t.height) / scale,
      static_cast<float>(t.x + t.width) / scale, static_cast<float>(fb_h - t.y) / scale};
}

}  // namespace

void FrameComposer::compose(ImDrawData& data, int fb_w, int fb_h, float scale,
                            bool back_buffer_kept, const render::FrameTarget& map_target,
                            std::uint64_t map_key,
                            const std::function<void(const render::FrameTarget&)>& draw_map,
                            bool force_full) {
  m_stats = Stats{};
  std::vector<DrawListSignature> signatures = draw_list_signatures(data);
  const PixelRect window{0, 0, static_cast<float>(fb_w) / scale, static_cast<float>(fb_h) / scale};
  const bool resized = fb_w != m_fb_w || fb_h != m_fb_h;
  const bool full = force_full || resized || m_frames == 0 || !back_buffer_kept;
  const bool map_moved = !same_target(m_map_target, map_target);
  const bool map_dirty = full || map_moved || m_map_key != map_key;

  // This frame's damage: what differs from the last frame.
  PixelRect damage = window;
  if (!full) {
    damage = draw_list_damage(m_previous, signatures, window).value_or(PixelRect{});
    if (map_dirty) {
      damage = unite(damage, window_rect(map_target, scale, fb_h));
      if (map_moved) {
        damage = unite(damage, window_rect(m_map_target, scale, fb_h));
      }
    }
    damage = intersect(damage, window);
  }
  const PixelRect region = damage;

  if (!region.empty()) {
    const GlRect r = to_gl(region, scale, fb_h);
    m_stats.gl_x = r.x;
    m_stats.gl_y = r.y;
    m_stats.gl_width = r.w;
    m_stats.gl_height = r.h;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x, r.y, r.w, r.h);
    glClearColor(0.96f, 0.96f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!intersect(region, window_rect(map_target, scale, fb_h)).empty()) {
      render::FrameTarget t = map_target;
      t.clip_x = r.x;
      t.clip_y = r.y;
      t.clip_width = r.w;
      t.clip_height = r.h;
      draw_map(t);
      m_stats.map_drawn = true;
    }
    glDisable(GL_SCISSOR_TEST);
    // Every ImGui command clipped to the region: what lies outside is already on screen.
    for (int n = 0; n < data.CmdListsCount; ++n) {
      for (ImDrawCmd& cmd : data.CmdLists[n]->CmdBuffer) {
        const PixelRect c = intersect(
            PixelRect{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w}, region);
        cmd.ClipRect = ImVec4(c.x0, c.y0, c.x1, c.y1);
      }
    }
    ImGui_ImplOpenGL3_RenderDrawData(&data);
  }

  ++m_frames;
  m_fb_w = fb_w;
  m_fb_h = fb_h;
  m_map_key = map_key;
  m_map_target = map_target;
  m_previous = std::move(signatures);
  m_stats.redrawn = region;
}

}  // namespace caremap::app
