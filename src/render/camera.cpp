#include "render/camera.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace caremap::render {

Camera::Camera(core::XY center, double m_per_px, double viewport_w_px, double viewport_h_px)
    : m_center(center) {
  set_meters_per_pixel(m_per_px);
  set_viewport(viewport_w_px, viewport_h_px);
}

void Camera::set_meters_per_pixel(double m_per_px) {
  m_m_per_px = std::clamp(m_per_px, kMinMetersPerPixel, kMaxMetersPerPixel);
}

void Camera::set_viewport(double width_px, double height_px) {
  m_width = std::max(1.0, width_px);
  m_height = std::max(1.0, height_px);
}

ScreenPoint Camera::world_to_screen(core::XY p) const {
  return ScreenPoint{m_width / 2.0 + (p.x - m_center.x) / m_m_per_px,
                     m_height / 2.0 - (p.y - m_center.y) / m_m_per_px};
}

core::XY Camera::screen_to_world(ScreenPoint s) const {
  return core::XY{m_center.x + (s.x - m_width / 2.0) * m_m_per_px,
                  m_center.y - (s.y - m_height / 2.0) * m_m_per_px};
}

core::Box Camera::visible_box() const {
  const double hw = m_width / 2.0 * m_m_per_px;
  const double hh = m_height / 2.0 * m_m_per_px;
  return core::Box{core::XY{m_center.x - hw, m_center.y - hh},
                   core::XY{m_center.x + hw, m_center.y + hh}};
}

void Camera::pan_pixels(double dx_px, double dy_px) {
  m_center.x -= dx_px * m_m_per_px;
  m_center.y += dy_px * m_m_per_px;
}

void Camera::zoom_at(ScreenPoint anchor, double factor) {
  if (!(factor > 0.0)) {
    return;
  }
  const core::XY fixed = screen_to_world(anchor);
  set_meters_per_pixel(m_m_per_px / factor);
  // Re-centre so that `fixed` projects to `anchor` again at the new detail.
  m_center.x = fixed.x - (anchor.x - m_width / 2.0) * m_m_per_px;
  m_center.y = fixed.y + (anchor.y - m_height / 2.0) * m_m_per_px;
}

void Camera::fit(const core::Box& box, double margin_px, double min_extent_m) {
  const double w = std::max(box.max_corner().x - box.min_corner().x, min_extent_m);
  const double h = std::max(box.max_corner().y - box.min_corner().y, min_extent_m);
  const double usable_w = std::max(1.0, m_width - 2.0 * margin_px);
  const double usable_h = std::max(1.0, m_height - 2.0 * margin_px);
  m_center = core::XY{(box.min_corner().x + box.max_corner().x) / 2.0,
                      (box.min_corner().y + box.max_corner().y) / 2.0};
  set_meters_per_pixel(std::max(w / usable_w, h / usable_h));
}

GpuTransform Camera::gpu_transform(core::XY origin) const {
  GpuTransform t;
  // The difference is taken in double, then narrowed: it is at most the size of the region.
  t.offset[0] = static_cast<float>(origin.x - m_center.x);
  t.offset[1] = static_cast<float>(origin.y - m_center.y);
  t.scale[0] = static_cast<float>(2.0 / (m_m_per_px * m_width));
  t.scale[1] = static_cast<float>(2.0 / (m_m_per_px * m_height));
  return t;
}

namespace {
constexpr double kWebMercatorZ0 = 156543.03392804097;  // metres per pixel at zoom 0, equator
}

double zoom_level_from_m_per_px(double m_per_px, double lat_deg) {
  const double c = std::cos(lat_deg * std::numbers::pi / 180.0);
  return std::log2(kWebMercatorZ0 * c / m_per_px);
}

double m_per_px_from_zoom_level(double zoom, double lat_deg) {
  const double c = std::cos(lat_deg * std::numbers::pi / 180.0);
  return kWebMercatorZ0 * c / std::exp2(zoom);
}

ScaleBar nice_scale_bar(double m_per_px, double max_length_px) {
  const double max_m = m_per_px * max_length_px;
  if (!(max_m > 0.0)) {
    return {};
  }
  const double p = std::pow(10.0, std::floor(std::log10(max_m)));
  double best = p;
  for (double k : std::array{1.0, 2.0, 5.0}) {
    if (k * p <= max_m) {
      best = k * p;
    }
  }
  return ScaleBar{best, best / m_per_px};
}

}  // namespace caremap::render
