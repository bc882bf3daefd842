#pragma once
// Saved views and presentation mode (issue 15): the slides a planner steps through in front of a
// committee. A saved view (io::SavedView, stored in the project file's "views") is a title, a map
// extent, the layers shown and the coverage analysis shown. The list belongs to the project and
// lives in AppState::views; which slide is up, and whether the viewer presents at all, is how the
// map is looked at and lives in ViewState::presentation. GUI-free: the panel and the full-screen
// frame (presentation_panel.cpp) call these, and so do the tests.

#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "io/project.hpp"

namespace caremap::app {

/// The current state as a view: the camera's visible box in degrees, the ids of the visible
/// layers, the coverage analysis when its results are on the map.
io::SavedView capture_view(AppState& app, const ViewState& view, std::string title);

/// Appends the current state as a view titled "表示 N" / "View N"; returns its index.
std::size_t add_view(AppState& app, const ViewState& view);
/// Renames, removes, or moves a view `steps` places (clamped); out-of-range indexes do nothing.
void rename_view(AppState& app, std::size_t i, std::string title);
void remove_view(AppState& app, std::size_t i);
void move_view(AppState& app, std::size_t i, int steps);

/// Writes AppState::views into the open project file (io::write_project_views). Throws
/// core::OutputError naming the file; core::ArgumentError when no project file is open.
void save_views(const AppState& app);

/// The slides: the saved views, or (none saved) one slide of the current view titled with the
/// region's name, which changes neither extent nor layers.
std::vector<io::SavedView> slides(const AppState& app);

/// Shows a view: fits the map to its extent (when it has one), shows exactly its layers (when it
/// lists any; layers that arrive later follow while presenting) and starts its coverage analysis
/// unless the panel already shows those results.
void apply_view(AppState& app, ViewState& view, const io::SavedView& v);

/// Enters presentation mode on slide `slide` (0-based, clamped to the slides there are).
void start_presentation(AppState& app, ViewState& view, int slide);
/// The next (+1) or previous (-1) slide; stays on the first and last.
void step_slide(AppState& app, ViewState& view, int delta);
/// Leaves presentation mode; the panels come back, the map stays as the slide left it.
void stop_presentation(ViewState& view);
/// While presenting: layers that arrived after the slide was shown (a coverage result) get the
/// slide's visibility. Called once a frame.
void keep_slide_layers(AppState& app, const ViewState& view);

/// The title band's colour (RGBA 0..255): a deep blue the window test looks for.
inline constexpr unsigned char kSlideBand[4] = {24, 54, 92, 255};
/// Height of the title band in pixels.
inline constexpr float kSlideBandHeight = 86.0f;

}  // namespace caremap::app
