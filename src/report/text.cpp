#include "report/text.hpp"

#include <cairo-ft.h>

#include "core/error.hpp"

namespace caremap::report {

namespace {

constexpr const char* kFamily = "IPAexGothic";

// Byte offsets of the character boundaries of `text` (0 and size() included).
std::vector<std::size_t> char_boundaries(std::string_view text) {
  std::vector<std::size_t> out{0};
  std::size_t i = 0;
  while (i < text.size()) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
      ++i;
    }
    out.push_back(i);
  }
  return out;
}

// A mark that closes what comes before it, so a line must not start with it.
bool closing_mark(std::string_view c) {
  for (const std::string_view m : {"、", "。", "，", "．", "）", "」", "』", "】", ")", ",", "."}) {
    if (c == m) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string printable(std::string_view text) {
  // IPAex Gothic has the JIS forms ≦ ≧ but not the ASCII-math ≤ ≥ the style model's ramp labels
  // use; without this they print as empty boxes.
  std::string out(text);
  for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"≥", "≧"},
                                 std::pair<std::string_view, std::string_view>{"≤", "≦"}}) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return out;
}

Font::Font() {
  FcPatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(kFamily)));
  if (!pattern) {
    throw core::OutputError("fontconfig could not parse the font name IPAexGothic");
  }
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcPatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
  FcChar8* family = nullptr;
  FcChar8* file = nullptr;
  if (!match || FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch ||
      std::string_view(reinterpret_cast<const char*>(family)) != kFamily) {
    // fontconfig always answers with some font; a substitute would print Japanese as boxes.
    throw core::OutputError(
        "the IPAex Gothic font (IPAexGothic) is not installed: apt-get install "
        "fonts-ipaexfont-gothic");
  }
  if (FcPatternGetString(match.get(), FC_FILE, 0, &file) == FcResultMatch) {
    m_file = reinterpret_cast<const char*>(file);
  }
  // The face keeps its own reference to the pattern.
  m_face.reset(cairo_ft_font_face_create_for_pattern(match.get()));
  if (cairo_font_face_status(m_face.get()) != CAIRO_STATUS_SUCCESS) {
    throw core::OutputError("Cairo could not open the IPAex Gothic font " + m_file);
  }
}

void TextPainter::use(double size_pt) const {
  cairo_set_font_face(m_cr, m_font.face());
  cairo_set_font_size(m_cr, size_pt);
}

double TextPainter::width(std::string_view text, double size_pt) const {
  use(size_pt);
  const std::string s = printable(text);
  cairo_text_extents_t e;
  cairo_text_extents(m_cr, s.c_str(), &e);
  return e.x_advance;
}

void TextPainter::line(std::string_view raw, double x, double y, double size_pt,
                       TextAlign align) const {
  if (raw.empty()) {
    return;
  }
  const std::string text = printable(raw);
  const double w = align == TextAlign::left ? 0.0 : width(text, size_pt);
  use(size_pt);
  const double left = align == TextAlign::left ? x : align == TextAlign::right ? x - w : x - w / 2;
  cairo_move_to(m_cr, left, y);
  cairo_show_text(m_cr, text.c_str());
  cairo_new_path(m_cr);
}

std::vector<std::string> TextPainter::wrap(std::string_view text, double width_pt,
                                           double size_pt) const {
  std::vector<std::string> out;
  const auto bounds = char_boundaries(text);
  // Advance of each character alone: IPAex is monospaced for kana and kanji and kerning is
  // negligible at these sizes, so the sum is the line's width within a fraction of a point.
  std::vector<double> advance(bounds.size() - 1);
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    advance[k] = width(text.substr(bounds[k], bounds[k + 1] - bounds[k]), size_pt);
  }
  std::size_t start = 0;  // index into bounds
  while (start + 1 < bounds.size()) {
    // The longest run of characters from `start` that fits (at least one character).
    std::size_t end = start + 1;
    double run = advance[start];
    while (end + 1 < bounds.size() && run + advance[end] <= width_pt) {
      run += advance[end];
      ++end;
    }
    if (end + 1 < bounds.size()) {
      // Prefer breaking after a space inside the run (Latin words stay whole).
      for (std::size_t k = end; k > start + 1; --k) {
        if (text[bounds[k] - 1] == ' ') {
          end = k;
          break;
        }
      }
      // A line does not start with a closing mark (、。）」): it hangs at the end of the line
      // before, a few points past the width, as Japanese print sets it.
      while (end + 1 < bounds.size() &&
             closing_mark(text.substr(bounds[end], bounds[end + 1] - bounds[end]))) {
        ++end;
      }
    }
    std::string piece(text.substr(bounds[start], bounds[end] - bounds[start]));
    while (!piece.empty() && piece.back() == ' ') {
      piece.pop_back();
    }
    out.push_back(std::move(piece));
    start = end;
    while (start + 1 < bounds.size() && text[bounds[start]] == ' ') {
      ++start;
    }
  }
  return out;
}

double TextPainter::paragraph(std::string_view text, double x, double y, double width_pt,
                              double size_pt) const {
  const double leading = 1.35 * size_pt;
  for (const std::string& l : wrap(text, width_pt, size_pt)) {
    y += leading;
    line(l, x, y - 0.35 * size_pt, size_pt);
  }
  return y;
}

std::string TextPainter::fit(std::string_view text, double width_pt, double size_pt) const {
  if (width(text, size_pt) <= width_pt) {
    return std::string(text);
  }
  const auto bounds = char_boundaries(text);
  for (std::size_t n = bounds.size() - 1; n > 0; --n) {
    std::string candidate(text.substr(0, bounds[n - 1]));
    candidate += "…";
    if (width(candidate, size_pt) <= width_pt) {
      return candidate;
    }
  }
  return "…";
}

void set_colour(cairo_t* cr, style::Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

}  // namespace caremap::report
