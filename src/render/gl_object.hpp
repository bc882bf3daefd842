#pragma once
// RAII owners of OpenGL object names (buffers, vertex arrays, textures, framebuffers,
// renderbuffers, programs, shaders). Each deletes its object exactly once; move-only.
// Requires a current GL context at construction and destruction (the renderer's owner keeps the
// context alive longer than the renderer).

#include <epoxy/gl.h>

#include <utility>

namespace caremap::render {

enum class GlKind { buffer, vertex_array, texture, framebuffer, renderbuffer, program, shader };

template <GlKind Kind>
class GlObject {
 public:
  GlObject() = default;
  explicit GlObject(GLuint id) : m_id(id) {}
  ~GlObject() { reset(); }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
  GlObject& operator=(GlObject&& o) noexcept {
    if (this != &o) {
      reset();
      m_id = std::exchange(o.m_id, 0);
    }
    return *this;
  }

  /// Creates a new object of this kind (not for programs and shaders, see create_program).
  static GlObject generate() {
    GLuint id = 0;
    if constexpr (Kind == GlKind::buffer) {
      glGenBuffers(1, &id);
    } else if constexpr (Kind == GlKind::vertex_array) {
      glGenVertexArrays(1, &id);
    } else if constexpr (Kind == GlKind::texture) {
      glGenTextures(1, &id);
    } else if constexpr (Kind == GlKind::framebuffer) {
      glGenFramebuffers(1, &id);
    } else if constexpr (Kind == GlKind::renderbuffer) {
      glGenRenderbuffers(1, &id);
    } else {
      static_assert(Kind == GlKind::buffer, "programs and shaders are created with their type");
    }
    return GlObject(id);
  }

  GLuint id() const { return m_id; }
  explicit operator bool() const { return m_id != 0; }

  void reset() {
    if (m_id == 0) {
      return;
    }
    if constexpr (Kind == GlKind::buffer) {
      glDeleteBuffers(1, &m_id);
    } else if constexpr (Kind == GlKind::vertex_array) {
      glDeleteVertexArrays(1, &m_id);
    } else if constexpr (Kind == GlKind::texture) {
      glDeleteTextures(1, &m_id);
    } else if constexpr (Kind == GlKind::framebuffer) {
      glDeleteFramebuffers(1, &m_id);
    } else if constexpr (Kind == GlKind::renderbuffer) {
      glDeleteRenderbuffers(1, &m_id);
    } else if constexpr (Kind == GlKind::program) {
      glDeleteProgram(m_id);
    } else if constexpr (Kind == GlKind::shader) {
      glDeleteShader(m_id);
    }
    m_id = 0;
  }

 private:
  GLuint m_id = 0;
};

using GlBuffer = GlObject<GlKind::buffer>;
using GlVertexArray = GlObject<GlKind::vertex_array>;
using GlTexture = GlObject<GlKind::texture>;
using GlFramebuffer = GlObject<GlKind::framebuffer>;
using GlRenderbuffer = GlObject<GlKind::renderbuffer>;
using GlProgram = GlObject<GlKind::program>;
using GlShader = GlObject<GlKind::shader>;

}  // namespace caremap::render
