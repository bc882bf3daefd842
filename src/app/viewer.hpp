#pragma once
// The viewer: a GLFW window with an OpenGL 3.3 core context, ImGui, the map renderer and the main
// loop. run_viewer is the whole program; main() only forwards to it.

#include <span>
#include <string_view>

namespace caremap::app {

/// Runs the viewer with the arguments after the program name; returns the exit code
/// (0 ok, 1 runtime error, 2 bad arguments).
int run_viewer(std::span<const std::string_view> args);

}  // namespace caremap::app
