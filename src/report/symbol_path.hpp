#pragma once
// Point symbol shapes as Cairo paths, in the proportions the viewer's symbol atlas draws them
// (shaders/symbol_atlas.frag: each shape inside a bounding circle of radius R), so a hospital
// square or a backup-hospital star looks the same on paper as on screen.

#include <cairo.h>

#include "style/style.hpp"

namespace caremap::report {

/// Appends the outline of `shape` centred on (x, y) with bounding radius `r` (points, y down)
/// to the current path.
void symbol_path(cairo_t* cr, style::Shape shape, double x, double y, double r);

/// Fills and outlines a point symbol at (x, y); `px_to_pt` converts the style's screen pixels.
void draw_point_symbol(cairo_t* cr, const style::PointSymbol& s, double x, double y,
                       double px_to_pt);

}  // namespace caremap::report
