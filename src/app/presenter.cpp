#include "app/presenter.hpp"

#include <epoxy/glx.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>

namespace caremap::app {

Presenter::Presenter(GLFWwindow* window) : m_window(window) {
  // The current GLX context and drawable are the window's (GLFW made it current). Without GLX
  // (GLFW on Wayland/EGL) there is no current GLX context.
  const char* off = std::getenv("CAREMAP_FULL_REDRAW");
  if ((off != nullptr && *off != '\0' && *off != '0') || glXGetCurrentContext() == nullptr) {
    return;
  }
  Display* display = glXGetCurrentDisplay();
  m_copy_sub_buffer =
      display != nullptr && glXGetCurrentDrawable() != 0 &&
      epoxy_has_glx_extension(display, DefaultScreen(display), "GLX_MESA_copy_sub_buffer");
}

void Presenter::present(int x, int y, int width, int height) {
  if (!m_copy_sub_buffer) {
    glfwSwapBuffers(m_window);
    return;
  }
  if (m_whole) {
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    x = 0;
    y = 0;
    width = w;
    height = h;
    m_whole = false;
  }
  if (width > 0 && height > 0) {
    glXCopySubBufferMESA(glXGetCurrentDisplay(), glXGetCurrentDrawable(), x, y, width, height);
  }
}

}  // namespace caremap::app
