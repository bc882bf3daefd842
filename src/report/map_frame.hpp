#pragma once
// A map frame on a page: the layers of a MapBlock drawn with the viewer's symbology, clipped to
// the frame, with the legend, scale bar and north arrow on top (map_furniture.hpp).

#include <cairo.h>

#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "report/document.hpp"
#include "report/text.hpp"

namespace caremap::report {

/// A rectangle on the page, points, y down.
struct Rect {
  double x = 0.0;
  double y = 0.0;
  double w = 0.0;
  double h = 0.0;
};

/// Working-CRS metres to page points at one scale (north up): `extent` is centred in `frame` and
/// grown along one axis to the frame's shape.
class MapTransform {
 public:
  MapTransform(const core::Box& extent, Rect frame);
  double page_x(double x_m) const { return m_frame.x + m_frame.w / 2 + (x_m - m_cx) * m_scale; }
  double page_y(double y_m) const { return m_frame.y + m_frame.h / 2 - (y_m - m_cy) * m_scale; }
  double points_per_metre() const { return m_scale; }
  /// The part of the world the frame shows.
  core::Box world() const;
  const Rect& frame() const { return m_frame; }

 private:
  Rect m_frame;
  double m_cx = 0.0;
  double m_cy = 0.0;
  double m_scale = 1.0;
};

/// Screen pixels of the style model (96 per inch) in points: symbols keep the size they have on
/// screen at 100 %.
inline constexpr double kPxToPt = 0.75;

/// Draws `map` into `frame`: layers bottom first, only features whose box meets the frame;
/// polygon labels (city names) where the category's label rule asks for them; then the frame
/// line, legend, scale bar and north arrow.
void draw_map(cairo_t* cr, const TextPainter& text, const MapBlock& map, Rect frame,
              core::Lang lang);

}  // namespace caremap::report
