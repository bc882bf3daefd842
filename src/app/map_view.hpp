#pragma once
// The map's interaction: pan by drag, zoom by wheel towards the cursor, keyboard zoom and pan,
// hover and click selection (hit testing through each layer's spatial index), and the click that
// places the origin of a nearest-facility analysis.

#include <optional>

#include "app/app_state.hpp"

namespace caremap::app {

/// The feature under window position (x, y): the topmost visible layer wins; points and lines
/// within `tolerance_px`, polygons by containment only when no point or line is that close.
std::optional<Selection> hit_test(AppState& app, const ViewState& view, float x, float y,
                                  float tolerance_px = 7.0f);

/// Applies this frame's mouse and keyboard input to the camera, hover and selection. Call after
/// the panels (so ImGui knows whether it wants the input) and before rendering the map.
void handle_map_input(AppState& app, ViewState& view);

/// Keeps the camera's viewport equal to the map rectangle and applies a pending fit request.
void sync_camera(ViewState& view);

}  // namespace caremap::app
