#pragma once
// Paper, orientation and output format of a rendered report.

#include <optional>
#include <string_view>

namespace caremap::report {

enum class Paper { a4, a3 };
enum class Orientation { portrait, landscape };
/// PDF and SVG keep text and shapes as vectors; PNG is a raster at PageSetup::dpi.
enum class Format { pdf, svg, png };

struct PageSize {
  double width_pt = 0.0;  ///< PostScript points, 1/72 inch
  double height_pt = 0.0;
};

struct PageSetup {
  Paper paper = Paper::a4;
  Orientation orientation = Orientation::portrait;
  Format format = Format::pdf;
  double dpi = 150.0;  ///< PNG only; > 0

  /// A4 595 x 842 pt, A3 842 x 1191 pt (ISO 216 rounded to whole points, as PDF viewers report
  /// them), swapped for landscape.
  PageSize size() const;
};

std::optional<Paper> parse_paper(std::string_view s);              ///< "a4", "a3"
std::optional<Orientation> parse_orientation(std::string_view s);  ///< "portrait", "landscape"
/// The format of an output path by its extension (".pdf", ".svg", ".png", any case).
std::optional<Format> format_of_extension(std::string_view extension);

}  // namespace caremap::report
