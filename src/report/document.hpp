#pragma once
// A report as data: pages of blocks (maps, tables, charts, text, key-value lists) built from
// analysis results by a report builder (coverage_report.hpp; drill and plan reports add their own
// builders) and drawn by render_report.hpp. Nothing here knows Cairo, files or a particular
// analysis, so a builder is tested by looking at the blocks and the renderer by looking at pages.
//
// Geometry is in the working CRS (projected metres, the layers' CRS); page measures are in
// PostScript points (1/72 inch) and are chosen by the renderer, not by the builder.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"
#include "style/style.hpp"

namespace caremap::report {

/// One layer of a map, drawn with the viewer's style model.
struct MapLayer {
  core::LayerPtr layer;
  style::LayerStyle style;    ///< usually style::default_layer_style(*layer)
  std::string title;          ///< legend heading; empty = the layer's title
  bool legend = true;         ///< listed in the legend
  bool outline_only = false;  ///< polygons drawn as outlines only (borders over a fill)
};

/// A map frame: the layers bottom first, the extent to show (grown to the frame's shape), with
/// legend, scale bar and north arrow. The credit lines of every layer shown go into the page's
/// footer (render_report.cpp collects them from the layers' provenance).
struct MapBlock {
  std::vector<MapLayer> layers;  ///< drawing order: first at the bottom
  core::Box extent;              ///< working CRS, metres
  std::string caption;           ///< above the frame; may be empty
  double height_share = 1.0;     ///< share of the page's free height among the flexible blocks
};

enum class Align { left, right };

/// A table; the renderer shrinks the type to fit the columns to the page width.
struct TableBlock {
  std::string caption;
  std::vector<std::string> headers;
  std::vector<Align> align;  ///< one per column; missing = left
  /// A column of long text (a list of names): its cells wrap over lines within the width the
  /// other columns leave, instead of the whole table shrinking to its smallest type and still
  /// running off the page.
  std::optional<std::size_t> wrap_column;
  std::vector<std::vector<std::string>> rows;
  bool last_row_is_total = false;  ///< drawn bold-ruled
  std::string note;                ///< small print under the table
};

/// A bar chart: one bar per item, horizontal (labels left, values right) or vertical (a
/// histogram: bins along the bottom).
struct ChartBlock {
  enum class Kind { horizontal_bars, histogram };
  struct Bar {
    std::string label;
    double value = 0.0;
    std::string value_text;  ///< printed at the bar's end
  };
  Kind kind = Kind::horizontal_bars;
  std::string caption;
  std::string axis_label;  ///< what the values are ("人" / "people", "%")
  std::vector<Bar> bars;
  style::Rgba colour = style::okabe_ito::blue;
  double max_value = 0.0;     ///< 0 = the largest value
  double height_share = 0.0;  ///< 0 = a fixed height from the number of bars
  std::string note;
};

/// Paragraphs of text under an optional heading.
struct TextBlock {
  std::string heading;
  std::vector<std::string> paragraphs;
};

/// Label / value lines (provenance, parameters).
struct KeyValueBlock {
  std::string heading;
  std::vector<std::pair<std::string, std::string>> rows;
};

using Block = std::variant<MapBlock, TableBlock, ChartBlock, TextBlock, KeyValueBlock>;

struct Page {
  std::string heading;  ///< under the report title, e.g. the city of an atlas page
  std::vector<Block> blocks;
  /// Credit lines this page needs beyond those of its map layers (figures in people need the
  /// census line even on a page without a population map).
  std::vector<std::string> credits;
};

struct Report {
  core::Lang lang = core::Lang::ja;
  std::string title;
  std::string subtitle;
  std::string date;      ///< printed in every page header, e.g. "2026-12-07"
  std::string software;  ///< "caremap 0.1.0", printed in every footer
  std::vector<Page> pages;
};

/// Every distinct credit line page `p` shows: its map layers' (their provenance inputs, layer by
/// layer) then its own, in that order, each source once (core::add_credit).
std::vector<std::string> page_credits(const Page& p);

}  // namespace caremap::report
