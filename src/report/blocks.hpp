#pragma once
// The non-map blocks of a page: tables, bar charts and histograms, text, key-value lists. Each
// draws itself from the top `y` across width `w` and returns the y below it, so the page layout
// (render_report.cpp) measures a block by drawing it on a scratch surface first.

#include <cairo.h>

#include "report/document.hpp"
#include "report/text.hpp"

namespace caremap::report {

/// Block type sizes, points.
inline constexpr double kCaptionSize = 10.5;
inline constexpr double kBodySize = 8.5;
inline constexpr double kSmallSize = 6.5;

/// A caption line in the heading colour; returns the y below it. Nothing for an empty caption.
double draw_caption(cairo_t* cr, const TextPainter& text, const std::string& caption, double x,
                    double y, double w);

/// Columns sized to their widest cell; the type shrinks (down to 5.5 pt) until the table fits w.
/// The cells of `table.wrap_column` wrap over lines in the width the other columns leave.
double draw_table(cairo_t* cr, const TextPainter& text, const TableBlock& table, double x, double y,
                  double w);

/// Horizontal bars: one row of 13 pt per bar. Histogram: `h` high (0 = 150 pt).
double draw_chart(cairo_t* cr, const TextPainter& text, const ChartBlock& chart, double x, double y,
                  double w, double h);

double draw_text_block(cairo_t* cr, const TextPainter& text, const TextBlock& block, double x,
                       double y, double w);

double draw_key_values(cairo_t* cr, const TextPainter& text, const KeyValueBlock& block, double x,
                       double y, double w);

}  // namespace caremap::report
