#pragma once
// Text on a report page in the IPAex Gothic font, through Cairo's FreeType/fontconfig backend:
// PDF keeps it as text (searchable, copyable; pdftotext reads it back); Cairo's SVG surface writes
// each glyph as an outline (no <text> elements); PNG rasterises it.
// Japanese needs no shaping beyond what Cairo does, and lines are broken by character for
// Japanese and at spaces for Latin text.

#include <cairo.h>

#include <string>
#include <string_view>
#include <vector>

#include "report/cairo_handles.hpp"
#include "style/style.hpp"

namespace caremap::report {

/// The IPAex Gothic face, found through fontconfig. Throws core::Error (OutputError) naming
/// the package (fonts-ipaexfont-gothic) when fontconfig has no such font: a report in a
/// substitute font would lose its Japanese.
class Font {
 public:
  Font();
  cairo_font_face_t* face() const { return m_face.get(); }
  /// The font file fontconfig chose (for the provenance block and tests).
  const std::string& file() const { return m_file; }

 private:
  FontFacePtr m_face;
  std::string m_file;
};

enum class TextAlign { left, centre, right };

/// Draws text with Cairo's current source.
class TextPainter {
 public:
  TextPainter(cairo_t* cr, const Font& font) : m_cr(cr), m_font(font) {}

  /// Width of `text` at `size_pt`.
  double width(std::string_view text, double size_pt) const;
  /// Draws one line with its baseline at y; x is the left, centre or right end.
  void line(std::string_view text, double x, double y, double size_pt,
            TextAlign align = TextAlign::left) const;
  /// `text` broken into lines no wider than `width_pt` (at spaces where there are any within
  /// the line, else between characters).
  std::vector<std::string> wrap(std::string_view text, double width_pt, double size_pt) const;
  /// Draws `text` wrapped to `width_pt` from the top `y` (first baseline at y + size); returns
  /// the y below the last line. Line height is 1.35 x size.
  double paragraph(std::string_view text, double x, double y, double width_pt,
                   double size_pt) const;
  /// `text` cut (with "…") to fit `width_pt`.
  std::string fit(std::string_view text, double width_pt, double size_pt) const;

  cairo_t* cr() const { return m_cr; }

 private:
  void use(double size_pt) const;
  cairo_t* m_cr;
  const Font& m_font;
};

/// `text` with the characters IPAex Gothic lacks replaced by its equivalents (≥ → ≧, ≤ → ≦).
std::string printable(std::string_view text);

/// Sets Cairo's source to an sRGB colour (alpha included).
void set_colour(cairo_t* cr, style::Rgba c);

}  // namespace caremap::report
