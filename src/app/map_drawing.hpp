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

/// What is drawn on the map besides the layers while the user works: the closure being drawn
/// (with a rubber band to the pointer).
struct MapInteraction {
  const ClosureEditor* editor = nullptr;
  std::optional<core::XY> cursor;
};

void draw_map_layers(AppState& app, const render::Camera& camera, render::MapRenderer& renderer,
                     const render::FrameTarget& target, const MapInteraction& interaction = {});

/// A key that changes whenever draw_map_layers would draw different pixels: the camera, the
/// target, each drawn layer's identity, version and style, the selection and hover rings, the
/// analysis markers and the closure being drawn. O(layers).
std::uint64_t map_key(AppState& app, const render::Camera& camera,
                      const render::FrameTarget& target, const MapInteraction& interaction = {});

/// How an export of `width` x `height` pixels relates to the on-screen map: symbols, lines and
/// text grow by `pixel_ratio` (so the image looks like the screen, only sharper) and the image
/// shows the screen's extent whole, plus more on the longer side when the aspect differs.
/// A height of 0 or less means the map's aspect ratio.
struct ExportFrame {
  int width = 1;  ///< the image, pixels
  int height = 1;
  float pixel_ratio = 1.0f;
  double view_width = 1.0;  ///< camera viewport, screen pixels
  double view_height = 1.0;
};
ExportFrame export_frame(float map_width, float map_height, int width, int height);

/// Renders the current view alone (no panels) at `width` x `height` pixels (height 0 = the
/// map's aspect) into an offscreen framebuffer, with labels, scale bar, north arrow, legend and
/// credits, and writes it as PNG. `fonts` must have been built with label_scale =
/// export_frame(...).pixel_ratio (see build_fonts). Throws core::OutputError.
void export_map_png(AppState& app, const ViewState& view, render::MapRenderer& renderer,
                    const Fonts& fonts, const std::filesystem::path& path, int width, int height);

/// Writes RGBA pixels (rows top to bottom) as PNG; throws core::OutputError naming the path.
void write_png(const std::filesystem::path& path, int width, int height,
               const std::vector<std::uint8_t>& rgba);

}  // namespace caremap::app
