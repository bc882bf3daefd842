#pragma once
// Shader programs built from the files in shaders/: "<name>.vert" and "<name>.frag", each
// preceded by "#version 330 core" (added here, in this one place) and the shared prelude
// (prelude.glsl). A compile or link error is a ShaderError whose message names the file.
//
// The shader folder is the environment variable CAREMAP_SHADER_DIR if set, else the source
// tree's shaders/ compiled in by CMake.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.hpp"
#include "render/gl_object.hpp"

namespace caremap::render {

class ShaderError : public core::Error {
 public:
  using core::Error::Error;
};

/// The folder shaders are read from (see above).
std::filesystem::path shader_dir();

/// The full text handed to the GL compiler for a stage file: version line, prelude, #line 1,
/// the file. Throws core::InputError if a file cannot be read.
std::string shader_source(const std::filesystem::path& dir, std::string_view file_name);

class ShaderProgram {
 public:
  ShaderProgram() = default;
  /// Compiles and links "<name>.vert" + "<name>.frag" from `dir`. Needs a current GL context.
  ShaderProgram(const std::filesystem::path& dir, std::string_view name);

  GLuint id() const { return m_program.id(); }
  void use() const { glUseProgram(m_program.id()); }
  /// Location of a uniform (cached); -1 if the program has none of that name.
  GLint uniform(const char* name) const;

 private:
  GlProgram m_program;
  mutable std::unordered_map<std::string, GLint> m_uniforms;
};

}  // namespace caremap::render
