#include "render/symbol_atlas.hpp"

#include <string>

#include "core/error.hpp"
#include "render/shader_program.hpp"

namespace caremap::render {

SymbolAtlas::SymbolAtlas(const std::filesystem::path& dir) {
  constexpr int size = kColumns * kCellTexels;
  m_texture = GlTexture::generate();
  glBindTexture(GL_TEXTURE_2D, m_texture.id());
  // R32F: distances keep their sign and full precision; float textures filter linearly in GL 3.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, size, size, 0, GL_RED, GL_FLOAT, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

  GlFramebuffer fbo = GlFramebuffer::generate();
  glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture.id(), 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throw core::Error("symbol atlas framebuffer incomplete (status " + std::to_string(status) +
                      ")");
  }
  const ShaderProgram program(dir, "symbol_atlas");
  GlVertexArray vao = GlVertexArray::generate();
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  program.use();
  glBindVertexArray(vao.id());
  for (int shape = 0; shape < kColumns * kColumns; ++shape) {
    glViewport((shape % kColumns) * kCellTexels, (shape / kColumns) * kCellTexels, kCellTexels,
               kCellTexels);
    glUniform1i(program.uniform("u_shape"), shape);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void SymbolAtlas::bind(float max_radius_px) {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, m_texture.id());
  const GLint filter = max_radius_px <= kNearestMaxRadiusPx ? GL_NEAREST : GL_LINEAR;
  if (filter != m_filter) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    m_filter = filter;
  }
}

}  // namespace caremap::render
