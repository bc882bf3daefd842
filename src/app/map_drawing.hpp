#pragma once
// Drawing the map (GL part) for a camera into a frame target: raster basemaps, vector layers in
// drawing order, the selection and hover rings and the nearest-analysis origin. Shared by the
// window and the PNG export.

#include <filesystem>

#include "app/app_state.hpp"
#include "app/fonts.hpp"
#include "render/map_renderer.hpp"

namespace caremap::app {

/// The map background (what is neither land of a loaded boundary nor a feature).
inline constexpr style::Rgba kMapBackground = style::rgb(0xE9EEF2);

void draw_map_layers(AppState& app, const render::Camera& camera, render::MapRenderer& renderer,
                     const render::FrameTarget& target);

/// Renders the current view alone (no panels) at `width` pixels wide into an offscreen
/// framebuffer, with labels, scale bar, north arrow, legend and credits, and writes it as PNG.
/// `fonts` must have been built with label_scale = width / map width (see build_fonts).
/// Throws core::OutputError.
void export_map_png(AppState& app, const ViewState& view, render::MapRenderer& renderer,
                    const Fonts& fonts, const std::filesystem::path& path, int width);

/// Writes RGBA pixels (rows top to bottom) as PNG; throws core::OutputError naming the path.
void write_png(const std::filesystem::path& path, int width, int height,
               const std::vector<std::uint8_t>& rgba);

}  // namespace caremap::app
