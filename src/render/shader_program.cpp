#include "render/shader_program.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#ifndef CAREMAP_SHADER_DIR
#error "CAREMAP_SHADER_DIR must be defined by the build (CMake passes the shaders/ folder)"
#endif

namespace caremap::render {

namespace {

constexpr std::string_view kVersionLine = "#version 330 core\n";
constexpr std::string_view kPreludeFile = "prelude.glsl";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::InputError("cannot read shader file",
                           core::ErrorContext{path.string(), {}, {}, {}});
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string info_log_shader(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  return std::string(log.data());
}

std::string info_log_program(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
  glGetProgramInfoLog(program, length, nullptr, log.data());
  return std::string(log.data());
}

GlShader compile(GLenum type, const std::filesystem::path& dir, const std::string& file) {
  const std::string source = shader_source(dir, file);
  GlShader shader(glCreateShader(type));
  const char* text = source.c_str();
  glShaderSource(shader.id(), 1, &text, nullptr);
  glCompileShader(shader.id());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    // The "#line 1" before the file makes the compiler's line numbers the file's own.
    throw ShaderError("shader compile error in " + file + ":\n" + info_log_shader(shader.id()),
                      core::ErrorContext{(dir / file).string(), {}, {}, {}});
  }
  return shader;
}

}  // namespace

std::filesystem::path shader_dir() {
  if (const char* env = std::getenv("CAREMAP_SHADER_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return CAREMAP_SHADER_DIR;
}

std::string shader_source(const std::filesystem::path& dir, std::string_view file_name) {
  std::string out(kVersionLine);
  out += read_text(dir / kPreludeFile);
  out += "\n#line 1\n";
  out += read_text(dir / file_name);
  return out;
}

ShaderProgram::ShaderProgram(const std::filesystem::path& dir, std::string_view name) {
  const std::string base(name);
  GlShader vert = compile(GL_VERTEX_SHADER, dir, base + ".vert");
  GlShader frag = compile(GL_FRAGMENT_SHADER, dir, base + ".frag");
  GlProgram program(glCreateProgram());
  glAttachShader(program.id(), vert.id());
  glAttachShader(program.id(), frag.id());
  glLinkProgram(program.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    throw ShaderError("shader link error in " + base + ".vert + " + base + ".frag:\n" +
                          info_log_program(program.id()),
                      core::ErrorContext{(dir / (base + ".vert")).string(), {}, {}, {}});
  }
  glDetachShader(program.id(), vert.id());
  glDetachShader(program.id(), frag.id());
  m_program = std::move(program);
}

GLint ShaderProgram::uniform(const char* name) const {
  auto it = m_uniforms.find(name);
  if (it != m_uniforms.end()) {
    return it->second;
  }
  const GLint location = glGetUniformLocation(m_program.id(), name);
  m_uniforms.emplace(name, location);
  return location;
}

}  // namespace caremap::render
