#pragma once
// The map camera: which part of the working CRS (metres) is shown in a viewport of screen pixels.
// Screen coordinates are pixels from the viewport's top-left corner, y pointing down; world
// coordinates are working-CRS metres, y (northing) pointing up. North is always up (no rotation).
//
// All arithmetic is in double: northings are millions of metres. The GPU receives only
// differences from a layer's local origin (see gpu_transform), which fit float32.

#include <optional>

#include "core/geometry.hpp"

namespace caremap::render {

struct ScreenPoint {
  double x = 0.0;
  double y = 0.0;
};

/// The uniforms that map origin-relative float32 vertices to clip space:
///   clip = (vertex + offset) * scale
struct GpuTransform {
  float offset[2] = {0, 0};  ///< origin - camera centre, metres
  float scale[2] = {1, 1};   ///< 2 / (metres per pixel * viewport size), per axis
};

class Camera {
 public:
  /// Finest and coarsest allowed detail (metres per pixel): 5 cm to ~ the width of Japan.
  static constexpr double kMinMetersPerPixel = 0.05;
  static constexpr double kMaxMetersPerPixel = 20000.0;

  Camera() = default;
  Camera(core::XY center, double m_per_px, double viewport_w_px, double viewport_h_px);

  core::XY center() const { return m_center; }
  double meters_per_pixel() const { return m_m_per_px; }
  double viewport_width() const { return m_width; }
  double viewport_height() const { return m_height; }

  void set_center(core::XY c) { m_center = c; }
  /// Clamped to [kMinMetersPerPixel, kMaxMetersPerPixel].
  void set_meters_per_pixel(double m_per_px);
  /// Keeps the centre; sizes below one pixel are raised to one.
  void set_viewport(double width_px, double height_px);

  ScreenPoint world_to_screen(core::XY p) const;
  core::XY screen_to_world(ScreenPoint s) const;

  /// The world box currently visible.
  core::Box visible_box() const;

  /// Moves the view by a drag of (dx, dy) pixels: the map follows the pointer.
  void pan_pixels(double dx_px, double dy_px);

  /// Zooms by `factor` (> 1 zooms in) keeping the world point under `anchor` fixed on screen.
  /// When the zoom limit clamps the factor, the anchor still stays fixed.
  void zoom_at(ScreenPoint anchor, double factor);

  /// Shows the whole box with `margin_px` free on every side. A degenerate box (a single point)
  /// is shown at `min_extent_m` across.
  void fit(const core::Box& box, double margin_px = 24.0, double min_extent_m = 500.0);

  /// The transform for vertices stored relative to `origin`.
  GpuTransform gpu_transform(core::XY origin) const;

 private:
  core::XY m_center{0.0, 0.0};
  double m_m_per_px = 10.0;
  double m_width = 1.0;
  double m_height = 1.0;
};

/// Web-map style zoom level for a detail (metres per pixel) at latitude `lat_deg`:
/// 156543.03 * cos(lat) / 2^zoom = m_per_px. Used by --view lon,lat,zoom and XYZ tile choice.
double zoom_level_from_m_per_px(double m_per_px, double lat_deg);
double m_per_px_from_zoom_level(double zoom, double lat_deg);

/// A "nice" scale bar length (1, 2 or 5 times a power of ten metres) no longer than
/// `max_length_px` at the camera's detail, and its length in pixels.
struct ScaleBar {
  double length_m = 0.0;
  double length_px = 0.0;
};
ScaleBar nice_scale_bar(double m_per_px, double max_length_px);

}  // namespace caremap::render
