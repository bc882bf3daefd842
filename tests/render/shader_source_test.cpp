#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "render/shader_program.hpp"
#include "render/symbol_atlas.hpp"
#include "test_paths.hpp"

using namespace caremap;

TEST_CASE("every stage file exists and gets the version line and prelude", "[shaders]") {
  const std::filesystem::path dir = CAREMAP_SHADER_DIR;
  for (const char* file :
       {"point.vert", "point.frag", "line.vert", "line.frag", "fill.vert", "fill.frag",
        "raster.vert", "raster.frag", "symbol_atlas.vert", "symbol_atlas.frag"}) {
    INFO(file);
    const std::string src = render::shader_source(dir, file);
    CHECK(src.rfind("#version 330 core\n", 0) == 0);
    CHECK(src.find("uniform vec2 u_offset;") != std::string::npos);  // from the prelude
    CHECK(src.find("#line 1\n") != std::string::npos);
    CHECK(src.find("void main()") != std::string::npos);
    // Naming convention: no stage file may declare the version itself.
    CHECK(src.find("#version", 1) == std::string::npos);
  }
}

TEST_CASE("a missing shader file is an input error naming the file", "[shaders]") {
  try {
    render::shader_source(CAREMAP_SHADER_DIR, "nope.vert");
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find("nope.vert") != std::string::npos);
  }
}

TEST_CASE("the environment overrides the shader folder", "[shaders]") {
  setenv("CAREMAP_SHADER_DIR", "/tmp/caremap-shaders-override", 1);
  CHECK(render::shader_dir() == std::filesystem::path("/tmp/caremap-shaders-override"));
  unsetenv("CAREMAP_SHADER_DIR");
  CHECK(render::shader_dir() == std::filesystem::path(CAREMAP_SHADER_DIR));
}

TEST_CASE("the symbol atlas shaders exist and share the atlas layout", "[shaders]") {
  const std::filesystem::path dir = CAREMAP_SHADER_DIR;
  for (const char* file : {"symbol_atlas.vert", "symbol_atlas.frag"}) {
    INFO(file);
    CHECK(render::shader_source(dir, file).find("void main()") != std::string::npos);
  }
  // The prelude's constants must match SymbolAtlas (render/symbol_atlas.hpp).
  const std::string prelude = render::shader_source(dir, "point.frag");
  CHECK(prelude.find("const int SYMBOL_ATLAS_COLUMNS = " +
                     std::to_string(render::SymbolAtlas::kColumns) + ";") != std::string::npos);
  char extent[64];
  std::snprintf(extent, sizeof extent, "const float SYMBOL_ATLAS_EXTENT = %.1f;",
                static_cast<double>(render::SymbolAtlas::kExtent));
  CHECK(prelude.find(extent) != std::string::npos);
  // Every shape code of style::Shape has a distance function in the atlas shader.
  const std::string atlas = render::shader_source(dir, "symbol_atlas.frag");
  for (int shape = 1; shape <= 8; ++shape) {
    CHECK(atlas.find("if (shape == " + std::to_string(shape) + ")") != std::string::npos);
  }
  CHECK(render::SymbolAtlas::kColumns * render::SymbolAtlas::kColumns >= 9);
}
