#include "report/blocks.hpp"

#include <algorithm>

namespace caremap::report {

namespace {

constexpr style::Rgba kInk = style::rgb(0x222222);
constexpr style::Rgba kHeading = style::rgb(0x1f3a5f);
constexpr style::Rgba kMuted = style::rgb(0x555555);
constexpr style::Rgba kRule = style::rgb(0xb0b0b0);

double draw_note(cairo_t* cr, const TextPainter& text, const std::string& note, double x, double y,
                 double w) {
  if (note.empty()) {
    return y;
  }
  set_colour(cr, kMuted);
  return text.paragraph(note, x, y + 1, w, kSmallSize);
}

// A wrapped cell is usually a list ("A病院、B病院" or "A, B"): lines break after a separator
// where they can, so each item stays whole; only an item wider than the column is broken.
std::vector<std::string> wrap_list(const TextPainter& text, const std::string& cell, double width,
                                   double size) {
  std::vector<std::string> items;
  std::size_t from = 0;
  while (from < cell.size()) {
    std::size_t cut = std::string::npos;
    std::size_t len = 0;
    for (const std::string_view sep : {"、", ", "}) {
      const std::size_t at = cell.find(sep, from);
      if (at < cut) {
        cut = at;
        len = sep.size();
      }
    }
    const std::size_t end = cut == std::string::npos ? cell.size() : cut + len;
    items.push_back(cell.substr(from, end - from));
    from = end;
  }
  std::vector<std::string> lines;
  std::string current;
  for (const std::string& item : items) {
    if (current.empty() || text.width(current + item, size) <= width) {
      current += item;
      continue;
    }
    lines.push_back(current);
    current = item;
  }
  std::vector<std::string> out;
  if (!current.empty()) {
    lines.push_back(current);
  }
  for (std::string& l : lines) {
    while (!l.empty() && l.back() == ' ') {
      l.pop_back();
    }
    for (std::string& piece : text.wrap(l, width, size)) {
      out.push_back(std::move(piece));
    }
  }
  return out;
}

}  // namespace

double draw_caption(cairo_t* cr, const TextPainter& text, const std::string& caption, double x,
                    double y, double w) {
  if (caption.empty()) {
    return y;
  }
  set_colour(cr, kHeading);
  return text.paragraph(caption, x, y, w, kCaptionSize) + 3;
}

double draw_table(cairo_t* cr, const TextPainter& text, const TableBlock& table, double x, double y,
                  double w) {
  y = draw_caption(cr, text, table.caption, x, y, w);
  const std::size_t n = table.headers.size();
  if (n == 0) {
    return y;
  }
  const double pad = 4.0;
  // Natural widths at the body size; shrink the type until the columns fit.
  auto widths_at = [&](double at_size) {
    std::vector<double> natural(n, 0.0);
    for (std::size_t c = 0; c < n; ++c) {
      natural[c] = text.width(table.headers[c], at_size);
      for (const auto& row : table.rows) {
        if (c < row.size()) {
          natural[c] = std::max(natural[c], text.width(row[c], at_size));
        }
      }
      natural[c] += 2 * pad;
    }
    return natural;
  };
  const std::optional<std::size_t> wrap =
      table.wrap_column && *table.wrap_column < n ? table.wrap_column : std::nullopt;
  double size = kBodySize;
  std::vector<double> widths;
  auto total = [&] {
    double s = 0;
    for (const double v : widths) {
      s += v;
    }
    return s;
  };
  // The wrapping column takes what the others leave, but keeps its header and at least a
  // quarter of the width: below that the type shrinks as for any table.
  auto measure = [&] {
    widths = widths_at(size);
    if (wrap) {
      double& wc = widths[*wrap];
      const double floor =
          std::min(wc, std::max(0.25 * w, text.width(table.headers[*wrap], size) + 2 * pad));
      wc = std::max(std::min(wc, w - (total() - wc)), floor);
    }
  };
  measure();
  while (total() > w && size > 5.5) {
    size -= 0.5;
    measure();
  }
  // Spare width goes to the first column (names), so numbers stay close together.
  if (total() < w) {
    widths[0] += std::min(w - total(), 0.5 * w);
  }
  const double row_h = 1.7 * size;
  const double line_h = 1.3 * size;  // between the lines of a wrapped cell
  const double table_w = std::min(total(), w);
  auto cell_lines = [&](const std::vector<std::string>& cells, std::size_t c) {
    if (c >= cells.size()) {
      return std::vector<std::string>{};
    }
    if (wrap && c == *wrap) {
      return wrap_list(text, cells[c], widths[c] - 2 * pad, size);
    }
    return std::vector<std::string>{text.fit(cells[c], widths[c] - pad, size)};
  };
  // A row's cells as the lines drawn, laid out once for both its height and its drawing.
  using RowLines = std::vector<std::vector<std::string>>;
  auto layout_row = [&](const std::vector<std::string>& cells) {
    RowLines lines(n);
    for (std::size_t c = 0; c < n; ++c) {
      lines[c] = cell_lines(cells, c);
    }
    return lines;
  };
  auto row_height = [&](const RowLines& lines) {
    const std::size_t count = wrap ? std::max<std::size_t>(lines[*wrap].size(), 1) : 1;
    return row_h + static_cast<double>(count - 1) * line_h;
  };
  auto draw_row = [&](const RowLines& lines, double top) {
    double cx = x;
    for (std::size_t c = 0; c < n; ++c) {
      const bool right = c < table.align.size() && table.align[c] == Align::right;
      double baseline = top + row_h * 0.68;
      for (const std::string& line : lines[c]) {
        text.line(line, right ? cx + widths[c] - pad : cx + pad, baseline, size,
                  right ? TextAlign::right : TextAlign::left);
        baseline += line_h;
      }
      cx += widths[c];
    }
  };
  const RowLines header = layout_row(table.headers);
  const double header_h = row_height(header);
  cairo_rectangle(cr, x, y, table_w, header_h);
  set_colour(cr, style::rgb(0xdde5ee));
  cairo_fill(cr);
  set_colour(cr, kInk);
  draw_row(header, y);
  y += header_h;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool total_row = table.last_row_is_total && r + 1 == table.rows.size();
    const RowLines lines = layout_row(table.rows[r]);
    const double h = row_height(lines);
    if (r % 2 == 1 && !total_row) {
      cairo_rectangle(cr, x, y, table_w, h);
      set_colour(cr, style::rgb(0xf4f6f8));
      cairo_fill(cr);
    }
    if (total_row) {
      cairo_move_to(cr, x, y + 0.3);
      cairo_line_to(cr, x + table_w, y + 0.3);
      set_colour(cr, kInk);
      cairo_set_line_width(cr, 0.8);
      cairo_stroke(cr);
    }
    set_colour(cr, kInk);
    draw_row(lines, y);
    y += h;
  }
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + table_w, y);
  set_colour(cr, kRule);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  return draw_note(cr, text, table.note, x, y + 2, w) + 6;
}

namespace {

double chart_max(const ChartBlock& chart) {
  double m = chart.max_value;
  if (m <= 0.0) {
    for (const auto& b : chart.bars) {
      m = std::max(m, b.value);
    }
  }
  return m > 0.0 ? m : 1.0;
}

double draw_horizontal_bars(cairo_t* cr, const TextPainter& text, const ChartBlock& chart, double x,
                            double y, double w) {
  const double row = 13.0;
  double label_w = 0.0;
  double value_w = 0.0;
  for (const auto& b : chart.bars) {
    label_w = std::max(label_w, text.width(b.label, kBodySize));
    value_w = std::max(value_w, text.width(b.value_text, kBodySize));
  }
  label_w = std::min(label_w + 6, 0.35 * w);
  const double bar_w = std::max(w - label_w - value_w - 8, 10.0);
  const double max = chart_max(chart);
  for (const auto& b : chart.bars) {
    set_colour(cr, kInk);
    text.line(text.fit(b.label, label_w - 6, kBodySize), x, y + row * 0.7, kBodySize);
    const double len = std::clamp(b.value / max, 0.0, 1.0) * bar_w;
    cairo_rectangle(cr, x + label_w, y + 2, len, row - 4);
    set_colour(cr, chart.colour);
    cairo_fill(cr);
    set_colour(cr, kInk);
    text.line(b.value_text, x + label_w + len + 4, y + row * 0.7, kBodySize);
    y += row;
  }
  return y;
}

double draw_histogram(cairo_t* cr, const TextPainter& text, const ChartBlock& chart, double x,
                      double y, double w, double h) {
  const double label_h = 14.0;
  const double value_h = 11.0;
  const double axis_y = y + h - label_h;
  const double plot_h = h - label_h - value_h;
  const double n = static_cast<double>(std::max<std::size_t>(chart.bars.size(), 1));
  const double slot = w / n;
  const double max = chart_max(chart);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& b = chart.bars[i];
    const double bx = x + static_cast<double>(i) * slot;
    const double bh = std::clamp(b.value / max, 0.0, 1.0) * plot_h;
    cairo_rectangle(cr, bx + slot * 0.1, axis_y - bh, slot * 0.8, bh);
    set_colour(cr, chart.colour);
    cairo_fill(cr);
    set_colour(cr, kInk);
    text.line(text.fit(b.value_text, slot, kSmallSize + 0.5), bx + slot / 2, axis_y - bh - 2,
              kSmallSize + 0.5, TextAlign::centre);
    text.line(text.fit(b.label, slot, kSmallSize + 0.5), bx + slot / 2, axis_y + 9,
              kSmallSize + 0.5, TextAlign::centre);
  }
  cairo_move_to(cr, x, axis_y);
  cairo_line_to(cr, x + w, axis_y);
  set_colour(cr, kInk);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  return y + h;
}

}  // namespace

double draw_chart(cairo_t* cr, const TextPainter& text, const ChartBlock& chart, double x, double y,
                  double w, double h) {
  y = draw_caption(cr, text, chart.caption, x, y, w);
  if (!chart.axis_label.empty()) {
    set_colour(cr, kMuted);
    text.line(chart.axis_label, x, y + kSmallSize, kSmallSize);
    y += kSmallSize + 4;
  }
  if (chart.kind == ChartBlock::Kind::horizontal_bars) {
    y = draw_horizontal_bars(cr, text, chart, x, y, w);
  } else {
    y = draw_histogram(cr, text, chart, x, y, w, h > 0.0 ? h : 150.0);
  }
  return draw_note(cr, text, chart.note, x, y + 2, w) + 8;
}

double draw_text_block(cairo_t* cr, const TextPainter& text, const TextBlock& block, double x,
                       double y, double w) {
  y = draw_caption(cr, text, block.heading, x, y, w);
  set_colour(cr, kInk);
  for (const auto& p : block.paragraphs) {
    y = text.paragraph(p, x, y, w, kBodySize) + 3;
  }
  return y + 4;
}

double draw_key_values(cairo_t* cr, const TextPainter& text, const KeyValueBlock& block, double x,
                       double y, double w) {
  y = draw_caption(cr, text, block.heading, x, y, w);
  double key_w = 0.0;
  for (const auto& [k, v] : block.rows) {
    key_w = std::max(key_w, text.width(k, kBodySize));
  }
  key_w = std::min(key_w + 10, 0.3 * w);
  for (const auto& [k, v] : block.rows) {
    set_colour(cr, kMuted);
    text.line(text.fit(k, key_w - 6, kBodySize), x, y + kBodySize, kBodySize);
    set_colour(cr, kInk);
    y = text.paragraph(v, x + key_w, y - 0.0, w - key_w, kBodySize) + 2;
  }
  return y + 4;
}

}  // namespace caremap::report
