#include "report/map_frame.hpp"

#include <algorithm>
#include <cmath>

#include "report/map_furniture.hpp"
#include "report/symbol_path.hpp"

namespace caremap::report {

MapTransform::MapTransform(const core::Box& extent, Rect frame) : m_frame(frame) {
  const double w = std::max(extent.max_corner().x - extent.min_corner().x, 1.0);
  const double h = std::max(extent.max_corner().y - extent.min_corner().y, 1.0);
  m_cx = (extent.min_corner().x + extent.max_corner().x) / 2;
  m_cy = (extent.min_corner().y + extent.max_corner().y) / 2;
  m_scale = std::min(frame.w / w, frame.h / h);
}

core::Box MapTransform::world() const {
  const double hw = m_frame.w / 2 / m_scale;
  const double hh = m_frame.h / 2 / m_scale;
  return core::Box{{m_cx - hw, m_cy - hh}, {m_cx + hw, m_cy + hh}};
}

namespace {

// Vertices closer than this to the last one drawn are left out: a tenth of a millimetre is
// below what paper or a 300 dpi raster shows, and the default region's 48,000-vertex coast
// would otherwise dominate the PDF's size and the time to write it.
constexpr double kMinStepPt = 0.3;

template <typename Points>
void add_ring(cairo_t* cr, const MapTransform& t, const Points& ring) {
  if (ring.empty()) {
    return;
  }
  double last_x = t.page_x(ring.front().x);
  double last_y = t.page_y(ring.front().y);
  cairo_move_to(cr, last_x, last_y);
  const std::size_t n = ring.size();
  for (std::size_t i = 1; i < n; ++i) {
    const double x = t.page_x(ring[i].x);
    const double y = t.page_y(ring[i].y);
    if (i + 1 < n && std::abs(x - last_x) < kMinStepPt && std::abs(y - last_y) < kMinStepPt) {
      continue;
    }
    cairo_line_to(cr, x, y);
    last_x = x;
    last_y = y;
  }
}

void add_polygon(cairo_t* cr, const MapTransform& t, const core::Polygon& p) {
  add_ring(cr, t, p.outer());
  cairo_close_path(cr);
  for (const auto& hole : p.inners()) {
    add_ring(cr, t, hole);
    cairo_close_path(cr);
  }
}

void draw_feature(cairo_t* cr, const MapTransform& t, const core::Geometry& g,
                  const style::Symbol& s, bool outline_only) {
  if (const auto* p = std::get_if<core::XY>(&g)) {
    draw_point_symbol(cr, s.point, t.page_x(p->x), t.page_y(p->y), kPxToPt);
  } else if (const auto* mp = std::get_if<core::MultiPoint>(&g)) {
    for (const core::XY& q : *mp) {
      draw_point_symbol(cr, s.point, t.page_x(q.x), t.page_y(q.y), kPxToPt);
    }
  } else if (std::holds_alternative<core::LineString>(g) ||
             std::holds_alternative<core::MultiLineString>(g)) {
    if (const auto* l = std::get_if<core::LineString>(&g)) {
      add_ring(cr, t, *l);
    } else {
      for (const auto& l2 : std::get<core::MultiLineString>(g)) {
        add_ring(cr, t, l2);
      }
    }
    set_colour(cr, s.line.color);
    cairo_set_line_width(cr, s.line.width_px * kPxToPt);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    if (s.line.dash_px > 0.0f) {  // the viewer's dashes, on paper
      const double dash = s.line.dash_px * kPxToPt;
      cairo_set_dash(cr, &dash, 1, 0.0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0.0);
  } else if (const auto polygons = core::as_multipolygon(g)) {
    for (const auto& p : *polygons) {
      add_polygon(cr, t, p);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    if (!outline_only) {
      set_colour(cr, s.fill.fill);
      cairo_fill_preserve(cr);
    }
    if (s.fill.outline_px > 0.0f) {
      set_colour(cr, s.fill.outline);
      cairo_set_line_width(cr, s.fill.outline_px * kPxToPt);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr);
    } else {
      cairo_new_path(cr);
    }
  }
}

// The polygon of a (multi)polygon with the largest area: where a city's name goes (宗像市's
// mainland, not 沖ノ島).
std::optional<core::Polygon> largest_part(const core::Geometry& g) {
  const auto polygons = core::as_multipolygon(g);
  if (!polygons || polygons->empty()) {
    return std::nullopt;
  }
  return *std::max_element(polygons->begin(), polygons->end(), [](const auto& a, const auto& b) {
    return core::bg::area(a) < core::bg::area(b);
  });
}

// Names of the polygons of layers whose category labels them (city names on the boundary),
// with a halo so they read over fills.
void draw_polygon_labels(cairo_t* cr, const TextPainter& text, const MapTransform& t,
                         const MapLayer& ml, const core::Box& world) {
  const core::Layer& layer = *ml.layer;
  const style::Symbol s = style::default_symbol(layer.category);
  if (!s.label.enabled || !ml.style.labels || !layer.name_field ||
      style::dominant_geometry(layer) != style::GeometryKind::fill) {
    return;
  }
  const double size = s.label.size_px * kPxToPt;
  for (std::uint32_t i = 0; i < layer.size(); ++i) {
    const auto part = largest_part(layer.features[i].geometry);
    if (!part) {
      continue;
    }
    const auto at = core::representative_point(core::Geometry{*part});
    if (!at || !core::bg::within(*at, world)) {
      continue;
    }
    const std::string name = layer.display_name(core::FeatureId{i});
    const double x = t.page_x(at->x);
    const double y = t.page_y(at->y);
    // Halo: the text path stroked wide in the halo colour under the text.
    const double w = text.width(name, size);  // also selects the font for the halo path
    cairo_move_to(cr, x - w / 2, y);
    cairo_text_path(cr, name.c_str());
    set_colour(cr, s.label.halo);
    cairo_set_line_width(cr, 3.0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    set_colour(cr, s.label.text);
    text.line(name, x, y, size, TextAlign::centre);
  }
}

}  // namespace

void draw_map(cairo_t* cr, const TextPainter& text, const MapBlock& map, Rect frame,
              core::Lang lang) {
  const MapTransform t(map.extent, frame);
  const core::Box world = t.world();
  {
    const SavedState saved(cr);
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_clip(cr);
    // The sea and land outside the cities: a pale blue-grey ground so the cities' own fill reads.
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    set_colour(cr, style::rgb(0xeef3f6));
    cairo_fill(cr);
    for (const MapLayer& ml : map.layers) {
      if (!ml.layer || !ml.style.visible) {
        continue;
      }
      const style::LayerSymbology sym = style::resolve_symbology(*ml.layer, ml.style);
      for (std::size_t i = 0; i < ml.layer->size(); ++i) {
        const core::Feature& f = ml.layer->features[i];
        const auto box = core::envelope(f.geometry);
        if (!box || !core::bg::intersects(*box, world)) {
          continue;
        }
        draw_feature(cr, t, f.geometry, sym.classes[sym.feature_class[i]].symbol, ml.outline_only);
      }
    }
    // Labels over every layer, once per layer (a boundary may be drawn as ground and as
    // borders).
    std::vector<const core::Layer*> labelled;
    for (const MapLayer& ml : map.layers) {
      if (ml.layer && ml.style.visible &&
          std::find(labelled.begin(), labelled.end(), ml.layer.get()) == labelled.end()) {
        labelled.push_back(ml.layer.get());
        draw_polygon_labels(cr, text, t, ml, world);
      }
    }
  }
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  set_colour(cr, style::rgb(0x333333));
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  draw_legend(cr, text, map, t, lang);
  draw_scale_bar(cr, text, t);
  draw_north_arrow(cr, text, frame);
}

}  // namespace caremap::report
