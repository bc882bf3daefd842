#include "report/map_furniture.hpp"

#include <algorithm>
#include <cmath>

#include "report/report_parts.hpp"
#include "report/symbol_path.hpp"

namespace caremap::report {

namespace {

constexpr double kLegendText = 7.5;   // pt
constexpr double kLegendRow = 11.0;   // pt per entry
constexpr double kLegendIcon = 14.0;  // pt, icon column
constexpr double kInset = 6.0;        // pt from the frame

struct LegendEntry {
  std::string label;
  style::GeometryKind kind = style::GeometryKind::point;
  std::optional<style::Symbol> symbol;  ///< none = a group heading
};

std::string class_label(const style::SymbolClass& c, core::Lang lang) {
  if (!c.range_label.empty()) {
    return c.range_label;
  }
  return lang == core::Lang::ja ? c.symbol.title_ja : c.symbol.title_en;
}

std::vector<LegendEntry> legend_entries(const MapBlock& map, core::Lang lang) {
  std::vector<LegendEntry> out;
  for (auto it = map.layers.rbegin(); it != map.layers.rend(); ++it) {
    const MapLayer& ml = *it;
    if (!ml.layer || !ml.legend || !ml.style.visible) {
      continue;
    }
    const style::LayerSymbology sym = style::resolve_symbology(*ml.layer, ml.style);
    const style::GeometryKind kind = style::dominant_geometry(*ml.layer);
    // A layer's own title is the project file's (Japanese): an English map names its kind.
    const std::string title = ml.title.empty() ? layer_title(*ml.layer, lang) : ml.title;
    const Tr tr{lang};
    std::vector<LegendEntry> items;
    for (const style::SymbolClass& c : sym.classes) {
      // Empty ramp classes still explain the scale; empty category classes say nothing.
      if (c.feature_count == 0 && c.range_label.empty()) {
        continue;
      }
      std::string label = class_label(c, lang);
      if (kind == style::GeometryKind::point) {
        label += tr.bracketed(std::to_string(c.feature_count));
      }
      items.push_back({std::move(label), kind, c.symbol});
    }
    if (items.size() == 1 && sym.classes.size() == 1 && sym.classes[0].range_label.empty()) {
      // One kind of feature: the layer's own title says more (特別養護老人ホーム, not 介護施設).
      items[0].label = kind == style::GeometryKind::point
                           ? title + tr.bracketed(std::to_string(sym.classes[0].feature_count))
                           : title;
    } else if (!items.empty()) {
      out.push_back({title, kind, std::nullopt});
    }
    out.insert(out.end(), items.begin(), items.end());
  }
  return out;
}

void draw_icon(cairo_t* cr, const LegendEntry& e, double x, double y) {
  const style::Symbol& s = *e.symbol;
  switch (e.kind) {
    case style::GeometryKind::point: {
      style::PointSymbol p = s.point;
      p.size_px = std::min(p.size_px, 14.0f);
      draw_point_symbol(cr, p, x + kLegendIcon / 2, y, kPxToPt);
      return;
    }
    case style::GeometryKind::line:
      cairo_move_to(cr, x + 1, y);
      cairo_line_to(cr, x + kLegendIcon - 1, y);
      set_colour(cr, s.line.color);
      cairo_set_line_width(cr, std::max(1.0, s.line.width_px * kPxToPt));
      if (s.line.dash_px > 0.0f) {
        // Dashed as on the map, but at least two dashes in the icon whatever the map's length
        // (app/symbol_icons does the same on screen).
        const double dash = std::min(s.line.dash_px * kPxToPt, kLegendIcon / 4.0);
        cairo_set_dash(cr, &dash, 1, 0.0);
      }
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0.0);
      return;
    case style::GeometryKind::fill:
      cairo_rectangle(cr, x + 1, y - 4, kLegendIcon - 2, 8);
      set_colour(cr, s.fill.fill);
      cairo_fill_preserve(cr);
      set_colour(cr, s.fill.outline_px > 0.0f ? s.fill.outline : style::rgb(0x999999));
      cairo_set_line_width(cr, 0.6);
      cairo_stroke(cr);
      return;
  }
}

// Point features of the map's layers that fall inside `r` on the page.
std::size_t points_under(const MapBlock& map, const MapTransform& t, const Rect& r) {
  std::size_t n = 0;
  for (const MapLayer& ml : map.layers) {
    if (!ml.layer || !ml.style.visible) {
      continue;
    }
    for (const core::Feature& f : ml.layer->features) {
      if (const auto* p = std::get_if<core::XY>(&f.geometry)) {
        const double x = t.page_x(p->x);
        const double y = t.page_y(p->y);
        n += x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h ? 1 : 0;
      }
    }
  }
  return n;
}

// The share of `r` (sampled on a grid) over the filled polygons of the map's data layers: a
// population mesh, gap cells, covered area. The boundary is the base map (every corner over land
// has it) and outlines hide nothing under a legend, so neither counts.
double fill_under(const MapBlock& map, const MapTransform& t, const Rect& r) {
  constexpr int kSamples = 10;  // per side
  const core::Box world = t.world();
  const double scale = t.points_per_metre();
  std::vector<core::XY> samples;
  for (int i = 0; i < kSamples; ++i) {
    for (int j = 0; j < kSamples; ++j) {
      const double px = r.x + (i + 0.5) * r.w / kSamples;
      const double py = r.y + (j + 0.5) * r.h / kSamples;
      samples.push_back({world.min_corner().x + (px - t.frame().x) / scale,
                         world.max_corner().y - (py - t.frame().y) / scale});
    }
  }
  std::vector<bool> covered(samples.size(), false);
  core::Box sampled{samples.front(), samples.front()};
  for (const core::XY& p : samples) {
    core::bg::expand(sampled, p);
  }
  for (const MapLayer& ml : map.layers) {
    if (!ml.layer || !ml.style.visible || ml.outline_only ||
        ml.layer->category == core::Category::boundary ||
        style::dominant_geometry(*ml.layer) != style::GeometryKind::fill) {
      continue;
    }
    for (const core::Feature& f : ml.layer->features) {
      const auto polygons = core::as_multipolygon(f.geometry);
      if (!polygons) {
        continue;
      }
      core::Box b;
      core::bg::envelope(*polygons, b);
      if (!core::bg::intersects(b, sampled)) {
        continue;
      }
      for (std::size_t k = 0; k < samples.size(); ++k) {
        if (!covered[k] && core::bg::covered_by(samples[k], b) &&
            core::bg::covered_by(samples[k], *polygons)) {
          covered[k] = true;
        }
      }
    }
  }
  return static_cast<double>(std::count(covered.begin(), covered.end(), true)) /
         static_cast<double>(samples.size());
}

// What a legend box at `r` would hide: each facility (point) counts one, a box wholly over
// filled data as much as kFillWeight facilities.
double hidden_under(const MapBlock& map, const MapTransform& t, const Rect& r) {
  constexpr double kFillWeight = 20.0;
  return static_cast<double>(points_under(map, t, r)) + kFillWeight * fill_under(map, t, r);
}

}  // namespace

void draw_legend(cairo_t* cr, const TextPainter& text, const MapBlock& map, const MapTransform& t,
                 core::Lang lang) {
  const Rect& frame = t.frame();
  const auto entries = legend_entries(map, lang);
  if (entries.empty()) {
    return;
  }
  const double max_label = frame.w * 0.4;
  double width = 0.0;
  for (const auto& e : entries) {
    const double indent = e.symbol ? kLegendIcon + 3 : 0.0;
    width = std::max(width, indent + std::min(max_label, text.width(e.label, kLegendText)));
  }
  const double pad = 5.0;
  const double box_w = width + 2 * pad;
  const double box_h = std::min(static_cast<double>(entries.size()) * kLegendRow + 2 * pad - 2,
                                frame.h - 2 * kInset);
  // The corner that hides the least data (facilities first, then filled cells such as the
  // population mesh): top-left, bottom-right, or the other two clear of the north arrow and the
  // scale bar. Ties keep the earlier corner, so an empty map keeps its legend top-left.
  constexpr double kArrowClear = 40.0;  // pt below the frame's top for the north arrow
  constexpr double kScaleClear = 30.0;  // pt above the frame's bottom for the scale bar
  const double left = frame.x + kInset;
  const double right = frame.x + frame.w - kInset - box_w;
  const double top = frame.y + kInset;
  const double bottom = frame.y + frame.h - kInset - box_h;
  std::vector<Rect> corners{{left, top, box_w, box_h}, {right, bottom, box_w, box_h}};
  if (frame.y + kArrowClear + box_h <= frame.y + frame.h - kInset) {
    corners.push_back({right, frame.y + kArrowClear, box_w, box_h});
  }
  if (bottom - kScaleClear >= top) {
    corners.push_back({left, bottom - kScaleClear, box_w, box_h});
  }
  Rect box = corners.front();
  double least = hidden_under(map, t, box);
  for (std::size_t i = 1; i < corners.size(); ++i) {
    const double hidden = hidden_under(map, t, corners[i]);
    if (hidden < least) {
      least = hidden;
      box = corners[i];
    }
  }
  const double x0 = box.x;
  const double y0 = box.y;
  cairo_rectangle(cr, x0, y0, box_w, box_h);
  set_colour(cr, style::rgb(0xffffff, 235));
  cairo_fill_preserve(cr);
  set_colour(cr, style::rgb(0x999999));
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  double y = y0 + pad + kLegendRow / 2;
  for (const auto& e : entries) {
    if (y > y0 + box_h - pad / 2) {
      break;  // a legend taller than the frame is cut rather than drawn over the page
    }
    const double label_x = x0 + pad + (e.symbol ? kLegendIcon + 3 : 0.0);
    if (e.symbol) {
      draw_icon(cr, e, x0 + pad, y);
    }
    set_colour(cr, style::rgb(0x222222));
    text.line(text.fit(e.label, max_label, kLegendText), label_x, y + kLegendText * 0.35,
              kLegendText);
    y += kLegendRow;
  }
}

double nice_scale_length_m(double max_m) {
  if (max_m <= 0.0) {
    return 0.0;
  }
  const double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (const double m : {5.0, 2.0, 1.0}) {
    if (m * p <= max_m) {
      return m * p;
    }
  }
  return p;
}

void draw_scale_bar(cairo_t* cr, const TextPainter& text, const MapTransform& t) {
  const Rect& f = t.frame();
  const double length_m = nice_scale_length_m(f.w / 4 / t.points_per_metre());
  const double length_pt = length_m * t.points_per_metre();
  const double x0 = f.x + kInset + 6;
  const double y0 = f.y + f.h - kInset - 8;
  const auto label = [](double m) {
    char buf[32];
    if (m >= 1000.0) {
      std::snprintf(buf, sizeof buf, "%g km", m / 1000.0);
    } else {
      std::snprintf(buf, sizeof buf, "%g m", m);
    }
    return std::string(buf);
  };
  const std::string end = label(length_m);
  cairo_rectangle(cr, x0 - 5, y0 - 14, length_pt + 10 + text.width(end, 7) / 2, 21);
  set_colour(cr, style::rgb(0xffffff, 220));
  cairo_fill(cr);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, x0 + i * length_pt / 4, y0, length_pt / 4, 3.5);
    set_colour(cr, i % 2 == 0 ? style::rgb(0x222222) : style::rgb(0xffffff));
    cairo_fill_preserve(cr);
    set_colour(cr, style::rgb(0x222222));
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
  }
  set_colour(cr, style::rgb(0x222222));
  text.line("0", x0, y0 - 3, 7, TextAlign::centre);
  text.line(label(length_m / 2), x0 + length_pt / 2, y0 - 3, 7, TextAlign::centre);
  text.line(end, x0 + length_pt, y0 - 3, 7, TextAlign::centre);
}

void draw_north_arrow(cairo_t* cr, const TextPainter& text, const Rect& frame) {
  const double cx = frame.x + frame.w - kInset - 12;
  const double top = frame.y + kInset + 12;
  const double h = 20.0;
  cairo_new_sub_path(cr);
  cairo_arc(cr, cx, top + h / 2 - 4, 13, 0.0, 6.2832);
  set_colour(cr, style::rgb(0xffffff, 220));
  cairo_fill(cr);
  // Left half dark, right half light: reads as an arrow in grey print too.
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx - 6, top + h);
  cairo_line_to(cr, cx, top + h - 5);
  cairo_close_path(cr);
  set_colour(cr, style::rgb(0x222222));
  cairo_fill(cr);
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx + 6, top + h);
  cairo_line_to(cr, cx, top + h - 5);
  cairo_close_path(cr);
  set_colour(cr, style::rgb(0xffffff));
  cairo_fill_preserve(cr);
  set_colour(cr, style::rgb(0x222222));
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  text.line("N", cx, top - 2, 8, TextAlign::centre);
}

}  // namespace caremap::report
