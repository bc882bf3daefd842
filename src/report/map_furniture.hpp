#pragma once
// What a printed map needs around its data: the legend (from the layers shown, with the same
// symbols), a scale bar in round kilometres and a north arrow.

#include <cairo.h>

#include "report/map_frame.hpp"

namespace caremap::report {

/// The legend in a white box at the frame corner that hides the least of the map's data (its
/// facilities, then filled cells such as the population mesh; the top-left on a tie), clear of the
/// scale bar and north arrow: one entry per class with features of each legend layer, top layer
/// first; a layer of one class is listed by its title.
void draw_legend(cairo_t* cr, const TextPainter& text, const MapBlock& map, const MapTransform& t,
                 core::Lang lang);

/// A scale bar at the frame's bottom-left: about a quarter of the frame wide, in 1, 2 or 5 x 10^k
/// metres, labelled in km (or m below 1 km).
void draw_scale_bar(cairo_t* cr, const TextPainter& text, const MapTransform& t);

/// A north arrow at the frame's top-right (grid north of the working CRS: within half a degree
/// of true north in a Japan Plane Rectangular zone).
void draw_north_arrow(cairo_t* cr, const TextPainter& text, const Rect& frame);

/// The round length for a scale bar no longer than `max_m`: 1, 2 or 5 x 10^k metres.
double nice_scale_length_m(double max_m);

}  // namespace caremap::report
