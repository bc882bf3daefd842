#include "report/render_report.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <functional>

#include "core/credit.hpp"
#include "core/error.hpp"
#include "report/blocks.hpp"
#include "report/map_frame.hpp"

namespace caremap::report {

namespace {

constexpr double kTitleSize = 15.0;
constexpr double kSubtitleSize = 8.5;
constexpr double kHeadingSize = 12.0;
constexpr double kCreditSize = 6.0;
constexpr double kGap = 8.0;  // pt between blocks

constexpr style::Rgba kInk = style::rgb(0x222222);
constexpr style::Rgba kHeading = style::rgb(0x1f3a5f);
constexpr style::Rgba kMuted = style::rgb(0x555555);

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw core::OutputError(std::string("Cairo could not ") + what + ": " +
                            cairo_status_to_string(status));
  }
}

double margin_of(const PageSize& size) {
  return std::min(size.width_pt, size.height_pt) * 0.06;  // 36 pt on A4, 50 on A3
}

// Draws one block at y; `h` is the height a flexible block was given (0 for the others).
// A map's frame is appended to `placed` when given.
double draw_block(cairo_t* cr, const TextPainter& text, const Block& block, double x, double y,
                  double w, double h, core::Lang lang, std::vector<PlacedMap>* placed = nullptr) {
  if (const auto* map = std::get_if<MapBlock>(&block)) {
    const double top = draw_caption(cr, text, map->caption, x, y, w);
    const Rect frame{x, top, w, std::max(h - (top - y), 40.0)};
    draw_map(cr, text, *map, frame, lang);
    if (placed) {
      placed->push_back(
          {0, frame.x, frame.y, frame.w, frame.h, MapTransform(map->extent, frame).world()});
    }
    return y + std::max(h, top - y + 40.0);
  }
  if (const auto* table = std::get_if<TableBlock>(&block)) {
    return draw_table(cr, text, *table, x, y, w);
  }
  if (const auto* chart = std::get_if<ChartBlock>(&block)) {
    // A flexible histogram's h includes its caption, axis label and note: subtract what those
    // took when measured at the default height.
    return draw_chart(cr, text, *chart, x, y, w, h);
  }
  if (const auto* t = std::get_if<TextBlock>(&block)) {
    return draw_text_block(cr, text, *t, x, y, w);
  }
  return draw_key_values(cr, text, std::get<KeyValueBlock>(block), x, y, w);
}

double flexible_share(const Block& block) {
  if (const auto* map = std::get_if<MapBlock>(&block)) {
    return std::max(map->height_share, 0.01);
  }
  if (const auto* chart = std::get_if<ChartBlock>(&block)) {
    return chart->kind == ChartBlock::Kind::histogram ? chart->height_share : 0.0;
  }
  return 0.0;
}

class PagePainter {
 public:
  PagePainter(const Report& report, const PageSetup& setup, const Font& font)
      : m_report(report), m_size(setup.size()), m_font(font) {
    m_scratch_surface.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
    m_scratch.reset(cairo_create(m_scratch_surface.get()));
  }

  void paint(cairo_t* cr, std::size_t index, std::vector<PlacedMap>& placed) const {
    const Page& page = m_report.pages[index];
    const TextPainter text(cr, m_font);
    const TextPainter measure(m_scratch.get(), m_font);
    const double m = margin_of(m_size);
    const double x = m;
    const double w = m_size.width_pt - 2 * m;
    cairo_rectangle(cr, 0, 0, m_size.width_pt, m_size.height_pt);
    set_colour(cr, style::rgb(0xffffff));
    cairo_fill(cr);

    double y = header(cr, text, page, x, m, w);
    const double bottom = footer(cr, text, page, index, x, w, m);

    // Fixed blocks are measured on the scratch surface; flexible ones share what is left.
    double fixed = 0.0;
    double shares = 0.0;
    std::vector<double> natural(page.blocks.size(), 0.0);
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
      const double share = flexible_share(page.blocks[i]);
      if (share > 0.0) {
        shares += share;
        // A histogram's caption, axis label and note are fixed.
        if (const auto* chart = std::get_if<ChartBlock>(&page.blocks[i])) {
          natural[i] = draw_chart(m_scratch.get(), measure, *chart, x, 0.0, w, 1.0) - 1.0;
          fixed += natural[i];
        }
      } else {
        natural[i] =
            draw_block(m_scratch.get(), measure, page.blocks[i], x, 0.0, w, 0.0, m_report.lang);
        fixed += natural[i];
      }
      fixed += i > 0 ? kGap : 0.0;
    }
    const double free = std::max(bottom - y - fixed, 0.0);
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
      const double share = flexible_share(page.blocks[i]);
      double h = 0.0;
      if (share > 0.0) {
        h = free * share / shares;
        if (std::holds_alternative<ChartBlock>(page.blocks[i])) {
          // Plot height (the chart adds its caption itself): a histogram taller than this
          // only makes the bars harder to compare with the page's tables.
          h = std::clamp(h, 60.0, 220.0);
        }
      }
      const std::size_t before = placed.size();
      y = draw_block(cr, text, page.blocks[i], x, y, w, h, m_report.lang, &placed) + kGap;
      for (std::size_t k = before; k < placed.size(); ++k) {
        placed[k].page = index + 1;
      }
    }
  }

 private:
  double header(cairo_t* cr, const TextPainter& text, const Page& page, double x, double top,
                double w) const {
    set_colour(cr, kMuted);
    text.line(m_report.date, x + w, top + kSubtitleSize, kSubtitleSize, TextAlign::right);
    const double date_w = text.width(m_report.date, kSubtitleSize) + 12;
    set_colour(cr, kHeading);
    double y = top;
    for (const auto& l : text.wrap(m_report.title, w - date_w, kTitleSize)) {
      y += kTitleSize * 1.25;
      text.line(l, x, y - kTitleSize * 0.25, kTitleSize);
    }
    if (!m_report.subtitle.empty()) {
      set_colour(cr, kMuted);
      y = text.paragraph(m_report.subtitle, x, y + 1, w, kSubtitleSize);
    }
    y += 4;
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    set_colour(cr, kHeading);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    y += 4;
    if (!page.heading.empty()) {
      set_colour(cr, kInk);
      y = text.paragraph(page.heading, x, y, w, kHeadingSize) + 4;
    }
    return y + 2;
  }

  // Draws the footer from the bottom margin up; returns its top.
  double footer(cairo_t* cr, const TextPainter& text, const Page& page, std::size_t index, double x,
                double w, double margin) const {
    const double base = m_size.height_pt - margin;
    set_colour(cr, kMuted);
    const std::string number =
        std::to_string(index + 1) + " / " + std::to_string(m_report.pages.size());
    text.line(number, x + w, base, 7, TextAlign::right);
    text.line(m_report.software, x, base, 7);
    std::vector<std::string> lines;
    const std::string lead = m_report.lang == core::Lang::ja ? "出典・クレジット：" : "Credits: ";
    for (const std::string& credit : page_credits(page)) {
      for (auto& l : text.wrap(core::credit_body(credit), w - 10, kCreditSize)) {
        lines.push_back(std::move(l));
      }
    }
    double y = base - 10;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      text.line(*it, x + 8, y, kCreditSize);
      y -= kCreditSize * 1.3;
    }
    if (!lines.empty()) {
      set_colour(cr, kInk);
      text.line(lead, x, y, kCreditSize + 0.5);
      y -= kCreditSize * 1.3;
    }
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    set_colour(cr, style::rgb(0xb0b0b0));
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    return y - kGap;
  }

  const Report& m_report;
  PageSize m_size;
  const Font& m_font;
  SurfacePtr m_scratch_surface;
  CairoPtr m_scratch;
};

// Runs `paint` on a fresh context over `surface`, then checks for errors.
void paint_on(cairo_surface_t* surface, const std::function<void(cairo_t*)>& paint) {
  const CairoPtr cr(cairo_create(surface));
  check(cairo_status(cr.get()), "start a page");
  paint(cr.get());
  check(cairo_status(cr.get()), "draw a page");
}

}  // namespace

RenderedReport render_report(const Report& report, const PageSetup& setup) {
  const Font font;
  const PagePainter painter(report, setup, font);
  const PageSize size = setup.size();
  RenderedReport result;
  std::vector<RenderedFile>& out = result.files;
  if (setup.format == Format::pdf) {
    RenderedFile file;
    {
      const SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_bytes, &file.bytes,
                                                                   size.width_pt, size.height_pt));
      check(cairo_surface_status(surface.get()), "create the PDF");
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, report.title.c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                     report.software.c_str());
      paint_on(surface.get(), [&](cairo_t* cr) {
        for (std::size_t i = 0; i < report.pages.size(); ++i) {
          painter.paint(cr, i, result.maps);
          cairo_show_page(cr);
        }
      });
      cairo_surface_finish(surface.get());
      check(cairo_surface_status(surface.get()), "write the PDF");
    }
    out.push_back(std::move(file));
    return result;
  }
  for (std::size_t i = 0; i < report.pages.size(); ++i) {
    RenderedFile file;
    file.first_page = i + 1;
    if (setup.format == Format::svg) {
      const SurfacePtr surface(cairo_svg_surface_create_for_stream(append_bytes, &file.bytes,
                                                                   size.width_pt, size.height_pt));
      check(cairo_surface_status(surface.get()), "create the SVG");
      paint_on(surface.get(), [&](cairo_t* cr) { painter.paint(cr, i, result.maps); });
      cairo_surface_finish(surface.get());
      check(cairo_surface_status(surface.get()), "write the SVG");
    } else {
      if (!(setup.dpi > 0.0 && setup.dpi <= 1200.0)) {
        throw core::ArgumentError("--dpi must be between 1 and 1200");
      }
      const double scale = setup.dpi / 72.0;
      const SurfacePtr surface(cairo_image_surface_create(
          CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(size.width_pt * scale)),
          static_cast<int>(std::lround(size.height_pt * scale))));
      check(cairo_surface_status(surface.get()), "create the PNG image");
      paint_on(surface.get(), [&](cairo_t* cr) {
        cairo_scale(cr, scale, scale);
        painter.paint(cr, i, result.maps);
      });
      check(cairo_surface_write_to_png_stream(surface.get(), append_bytes, &file.bytes),
            "encode the PNG");
    }
    out.push_back(std::move(file));
  }
  return result;
}

}  // namespace caremap::report
