#pragma once
// Draws the window's frame from the map and ImGui's draw lists, redrawing only what changed.
//
// When the back buffer keeps the last frame (presenter.hpp), only the pixels that changed are
// drawn: this frame's damage (see damage.hpp: the map rectangle when the map key changed, plus
// every draw list that changed). Inside that rectangle the map is drawn (clipped) and every ImGui
// command clipped to it. A frame in which nothing changed draws nothing; panning draws the map
// and the labels over it, not the panels. Otherwise every frame is drawn whole, as before.

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "app/app_state.hpp"
#include "app/damage.hpp"
#include "app/hasher.hpp"
#include "render/map_renderer.hpp"

namespace caremap::app {

/// The signatures of a frame's draw lists (window coordinates).
std::vector<DrawListSignature> draw_list_signatures(const ImDrawData& data);

class FrameComposer {
 public:
  struct Stats {
    bool map_drawn = false;
    PixelRect redrawn;  ///< window pixels drawn this frame (empty: nothing)
    int gl_x = 0, gl_y = 0, gl_width = 0, gl_height = 0;  ///< the same in framebuffer pixels
  };

  /// Draws `data` (after ImGui::Render) and the map into the default framebuffer of `fb_w` x
  /// `fb_h` pixels, only the damage when `back_buffer_kept`; `scale` = framebuffer pixels per
  /// window pixel. `draw_map(target)` renders the map for a target with the clip set.
  /// `force_full` redraws everything (after the font atlas changed). Changes the draw data's
  /// clip rectangles.
  void compose(ImDrawData& data, int fb_w, int fb_h, float scale, bool back_buffer_kept,
               const render::FrameTarget& map_target, std::uint64_t map_key,
               const std::function<void(const render::FrameTarget&)>& draw_map, bool force_full);

  const Stats& stats() const { return m_stats; }

 private:
  std::optional<std::uint64_t> m_map_key;
  render::FrameTarget m_map_target;
  std::vector<DrawListSignature> m_previous;
  std::size_t m_frames = 0;
  int m_fb_w = 0;
  int m_fb_h = 0;
  Stats m_stats;
};

}  // namespace caremap::app
