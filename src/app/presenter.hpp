#pragma once
// Putting a drawn frame on screen. Where GLX_MESA_copy_sub_buffer exists (Mesa, including the
// llvmpipe software renderer, and most X11 drivers) the back buffer is never swapped: the part
// that was redrawn is copied to the window, and the back buffer keeps the whole last frame, so
// the next frame only draws what changed (frame_composer.hpp). Elsewhere (Wayland, other GLX
// implementations) frames are swapped and every frame is drawn whole.
// CAREMAP_FULL_REDRAW=1 forces the second way (for comparisons and odd drivers).

struct GLFWwindow;

namespace caremap::app {

class Presenter {
 public:
  /// Needs the window's GL context current.
  explicit Presenter(GLFWwindow* window);

  /// True when the back buffer keeps its content from frame to frame.
  bool keeps_back_buffer() const { return m_copy_sub_buffer; }

  /// Shows the frame: copies the redrawn part (framebuffer pixels, origin bottom-left; empty =
  /// nothing changed) or swaps the buffers.
  void present(int x, int y, int width, int height);

  /// The window was uncovered or resized: the next present shows the whole back buffer.
  void invalidate() { m_whole = true; }

 private:
  GLFWwindow* m_window;
  bool m_copy_sub_buffer = false;
  bool m_whole = true;
};

}  // namespace caremap::app
