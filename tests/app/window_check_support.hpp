#pragma once
// What the real-window checks (viewer_window_check.cpp, viewer_network_window_check.cpp) share:
// each runs caremap-viewer under a display with --screenshot and --dump-state, then compares
// pixels of the screenshot with what the data says should be there. Kept in one place so that
// both checks run the viewer isolated from the user's settings, count and print their checks and
// read pixels and the camera the same way; each check file keeps only its command and its checks.

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/geometry.hpp"
#include "style/style.hpp"

namespace caremap::window_check {

/// Prints "ok  : what" or "FAIL: what" and counts the outcome.
void check(bool ok, const std::string& what);

/// Prints the counts of check(); returns 0 when none failed, else 1 (a check's exit code).
int finish();

/// Empties `work` and points XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_CACHE_HOME inside it and
/// CAREMAP_DATA_DIR at the source tree's data/geo, for this process and the viewers it starts.
void isolate_viewer(const std::filesystem::path& work);

/// An RGBA image, rows top to bottom.
struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> px;
  /// The RGB of pixel (x, y); the caller keeps (x, y) inside the image.
  std::array<int, 3> at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * w + x) * 4;
    return {px[i], px[i + 1], px[i + 2]};
  }
};

/// The PNG at `path`; an empty image (w = h = 0, no pixels) when it cannot be read.
Image load_png(const std::filesystem::path& path);

/// Whether each of the R, G and B channels of `c` is within `tolerance` of `want`'s.
bool near_colour(std::array<int, 3> c, style::Rgba want, int tolerance);

/// Straight-alpha `top` over an opaque `bottom`, as the GL blend does (rounded).
style::Rgba over(style::Rgba top, style::Rgba bottom);

/// The map's placement in the screenshot, from the dumped state's camera and map_rect: converts
/// between working-CRS metres and screenshot pixels (y down).
struct MapPixels {
  MapPixels() = default;
  explicit MapPixels(const nlohmann::json& state);
  /// The pixel showing world point `p` (rounded).
  std::pair<int, int> project(core::XY p) const;
  /// The world point at pixel coordinates (px, py).
  core::XY world(int px, int py) const;
  /// The map rectangle's edges in whole pixels (truncated), for probing loops.
  int left() const { return static_cast<int>(map_x); }
  int top() const { return static_cast<int>(map_y); }
  int right() const { return static_cast<int>(map_x + map_width); }
  int bottom() const { return static_cast<int>(map_y + map_height); }

  double center_x = 0.0, center_y = 0.0;  ///< camera centre, working-CRS metres
  double m_per_px = 1.0;
  double map_x = 0.0, map_y = 0.0;  ///< the map rectangle's top-left corner, pixels
  double map_width = 0.0, map_height = 0.0;
};

/// The files of one viewer run, for building its command line.
struct ViewerFiles {
  std::filesystem::path viewer;  ///< the caremap-viewer executable
  std::filesystem::path shot;    ///< where --screenshot must write
  std::filesystem::path state;   ///< where --dump-state must write
};

/// What one viewer run left behind.
struct ViewerRun {
  std::filesystem::path work;  ///< the work dir, where other files the command wrote are
  Image screenshot;
  nlohmann::json state;  ///< the --dump-state JSON
  MapPixels map;         ///< from `state`
};

/// The whole main of a window check, called as `<check> <caremap-viewer> <work dir>`: empties
/// the work dir and isolates the viewer from the settings, state and caches of whoever runs the
/// check (isolate_viewer), runs the command `command` builds (it must pass --size 1600x1000 and
/// write the screenshot to files.shot, a PNG named `shot_name` in the work dir, and --dump-state to
/// files.state), checks its exit code and the screenshot size, hands the results to `checks`, and
/// last checks that the viewer reported no errors. Returns the exit code: 0 when every check
/// passed, 1 when one failed or the run left no screenshot or state, 2 on a usage error.
int run_window_check(int argc, char** argv, const std::string& shot_name,
                     const std::function<std::string(const ViewerFiles&)>& command,
                     const std::function<void(const ViewerRun&)>& checks);

}  // namespace caremap::window_check
