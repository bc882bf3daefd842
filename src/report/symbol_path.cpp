#include "report/symbol_path.hpp"

#include <cmath>
#include <numbers>

#include "report/text.hpp"

namespace caremap::report {

namespace {

// A regular polygon of `n` corners with circumradius `r`, first corner straight up.
void regular(cairo_t* cr, int n, double x, double y, double r, double dy = 0.0) {
  for (int i = 0; i < n; ++i) {
    const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * i / n;
    const double px = x + r * std::cos(a);
    const double py = y + dy + r * std::sin(a);
    if (i == 0) {
      cairo_move_to(cr, px, py);
    } else {
      cairo_line_to(cr, px, py);
    }
  }
  cairo_close_path(cr);
}

}  // namespace

void symbol_path(cairo_t* cr, style::Shape shape, double x, double y, double r) {
  using style::Shape;
  switch (shape) {
    case Shape::square:
      cairo_rectangle(cr, x - 0.78 * r, y - 0.78 * r, 1.56 * r, 1.56 * r);
      return;
    case Shape::diamond:
      cairo_move_to(cr, x, y - r);
      cairo_line_to(cr, x + r, y);
      cairo_line_to(cr, x, y + r);
      cairo_line_to(cr, x - r, y);
      cairo_close_path(cr);
      return;
    case Shape::triangle:
      regular(cr, 3, x, y, r, 0.15 * r);
      return;
    case Shape::triangle_down:
      // The up triangle mirrored about its centre line.
      cairo_move_to(cr, x, y - 0.15 * r + r);
      cairo_line_to(cr, x + 0.866 * r, y - 0.15 * r - 0.5 * r);
      cairo_line_to(cr, x - 0.866 * r, y - 0.15 * r - 0.5 * r);
      cairo_close_path(cr);
      return;
    case Shape::star:
      for (int i = 0; i < 10; ++i) {
        const double a = -std::numbers::pi / 2 + std::numbers::pi * i / 5;
        const double rr = i % 2 == 0 ? r : 0.48 * r;
        const double px = x + rr * std::cos(a);
        const double py = y + 0.08 * r + rr * std::sin(a);
        if (i == 0) {
          cairo_move_to(cr, px, py);
        } else {
          cairo_line_to(cr, px, py);
        }
      }
      cairo_close_path(cr);
      return;
    case Shape::hexagon:
      // Inner radius 0.88 r: circumradius 0.88 r / cos(30°).
      regular(cr, 6, x, y, 0.88 * r / 0.866);
      return;
    case Shape::cross: {
      const double a = 0.95 * r;
      const double b = 0.36 * r;
      cairo_move_to(cr, x - b, y - a);
      cairo_line_to(cr, x + b, y - a);
      cairo_line_to(cr, x + b, y - b);
      cairo_line_to(cr, x + a, y - b);
      cairo_line_to(cr, x + a, y + b);
      cairo_line_to(cr, x + b, y + b);
      cairo_line_to(cr, x + b, y + a);
      cairo_line_to(cr, x - b, y + a);
      cairo_line_to(cr, x - b, y + b);
      cairo_line_to(cr, x - a, y + b);
      cairo_line_to(cr, x - a, y - b);
      cairo_line_to(cr, x - b, y - b);
      cairo_close_path(cr);
      return;
    }
    case Shape::pentagon:
      // Inner radius 0.8 r: circumradius 0.8 r / cos(36°).
      regular(cr, 5, x, y, 0.8 * r / 0.809, 0.05 * r);
      return;
    case Shape::circle:
      break;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, 0.9 * r, 0.0, 2 * std::numbers::pi);
  cairo_close_path(cr);
}

void draw_point_symbol(cairo_t* cr, const style::PointSymbol& s, double x, double y,
                       double px_to_pt) {
  const double r = 0.5 * s.size_px * px_to_pt;
  symbol_path(cr, s.shape, x, y, r);
  set_colour(cr, s.fill);
  cairo_fill_preserve(cr);
  if (s.outline_px > 0.0f) {
    set_colour(cr, s.outline);
    cairo_set_line_width(cr, s.outline_px * px_to_pt);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  } else {
    cairo_new_path(cr);
  }
}

}  // namespace caremap::report
