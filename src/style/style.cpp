#include "style/style.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace caremap::style {

namespace oi = okabe_ito;
using core::Category;

const char* to_string(Shape s) {
  switch (s) {
    case Shape::circle:
      return "circle";
    case Shape::square:
      return "square";
    case Shape::diamond:
      return "diamond";
    case Shape::triangle:
      return "triangle";
    case Shape::triangle_down:
      return "triangle_down";
    case Shape::star:
      return "star";
    case Shape::hexagon:
      return "hexagon";
    case Shape::cross:
      return "cross";
    case Shape::pentagon:
      return "pentagon";
  }
  return "circle";
}

namespace {

PointSymbol point(Shape shape, Rgba fill, float size_px, Rgba outline = rgb(0xffffff)) {
  return PointSymbol{shape, fill, outline, size_px, 1.5f};
}

LabelRule label(double max_m_per_px, int priority, float size_px) {
  LabelRule r;
  r.enabled = true;
  r.max_m_per_px = max_m_per_px;
  r.priority = priority;
  r.size_px = size_px;
  return r;
}

}  // namespace

Symbol default_symbol(Category c) {
  Symbol s;
  // Facilities: each has its own shape and its own Okabe-Ito colour. Importance sets the size and
  // the zoom from which names appear, so the overview stays readable.
  switch (c) {
    case Category::hospital:
      s.title_en = "Hospital";
      s.title_ja = "病院";
      s.point = point(Shape::square, oi::vermillion, 15.0f);
      s.label = label(40.0, 80, 13.0f);
      break;
    case Category::backup_hospital:
      s.title_en = "Backup hospital";
      s.title_ja = "後方支援病院";
      s.point = point(Shape::star, oi::reddish_purple, 24.0f, rgb(0x4a1f3a));
      s.label = label(60.0, 90, 14.0f);
      s.label.bold = true;
      break;
    case Category::clinic:
      s.title_en = "Clinic";
      s.title_ja = "診療所";
      s.point = point(Shape::circle, oi::blue, 11.0f);
      s.label = label(6.0, 40, 12.0f);
      break;
    case Category::pharmacy:
      s.title_en = "Pharmacy";
      s.title_ja = "薬局";
      s.point = point(Shape::diamond, oi::bluish_green, 12.0f);
      s.label = label(4.0, 30, 12.0f);
      break;
    case Category::dental:
      s.title_en = "Dental clinic";
      s.title_ja = "歯科診療所";
      s.point = point(Shape::triangle_down, oi::sky_blue, 12.0f, rgb(0x1d4f6e));
      s.label = label(4.0, 20, 12.0f);
      break;
    case Category::shelter_evacuation:
      s.title_en = "Evacuation shelter";
      s.title_ja = "指定避難所";
      s.point = point(Shape::triangle, oi::orange, 13.0f, rgb(0x5c3d00));
      s.label = label(8.0, 50, 12.0f);
      break;
    case Category::shelter_emergency:
      s.title_en = "Emergency evacuation site";
      s.title_ja = "指定緊急避難場所";
      s.point = point(Shape::hexagon, oi::yellow, 11.0f, rgb(0x6b6400));
      s.label = label(6.0, 45, 12.0f);
      break;
    case Category::care_facility:
      s.title_en = "Care facility";
      s.title_ja = "介護施設";
      s.point = point(Shape::pentagon, rgb(0x333333), 13.0f);
      s.label = label(8.0, 60, 12.0f);
      break;
    // The home-care team: shapes shared with the medical layers (the atlas has nine), told apart
    // by Okabe-Ito colours the medical layers of the same shape do not use, and a dark outline.
    case Category::visiting_nurse_station:
      s.title_en = "Visiting nurse station";
      s.title_ja = "訪問看護ステーション";
      s.point = point(Shape::circle, oi::reddish_purple, 11.0f, rgb(0x4a1f3a));
      s.label = label(6.0, 38, 12.0f);
      break;
    case Category::care_manager_office:
      s.title_en = "Care manager office";
      s.title_ja = "居宅介護支援事業所";
      s.point = point(Shape::square, oi::sky_blue, 10.0f, rgb(0x1d4f6e));
      s.label = label(4.0, 28, 12.0f);
      break;
    case Category::home_help_office:
      s.title_en = "Home help office";
      s.title_ja = "訪問介護事業所";
      s.point = point(Shape::pentagon, oi::orange, 11.0f, rgb(0x5c3d00));
      s.label = label(4.0, 26, 12.0f);
      break;
    case Category::boundary:
      s.title_en = "Municipal boundary";
      s.title_ja = "市区町村境界";
      s.fill = FillSymbol{rgb(0xfbfaf6), rgb(0x8c8c8c), 1.2f};
      s.line = LineSymbol{rgb(0x8c8c8c), 1.2f};
      s.label = label(1.0e9, 100, 20.0f);
      s.label.text = rgb(0x6a6a6a);
      s.label.bold = true;
      break;
    case Category::road:
      s.title_en = "Road";
      s.title_ja = "道路";
      // Mid grey and wider than a hairline: a trunk-road-only network (the default region's) has
      // few lines, and the map must show where travel times can follow a road and where not.
      s.line = LineSymbol{rgb(0x8f8f8f), 1.6f};
      break;
    case Category::demand:
      s.title_en = "Demand point";
      s.title_ja = "需要地点";
      s.point = point(Shape::circle, rgb(0x7a7a7a), 6.0f);
      break;
    case Category::population:
      // Drawn as a density choropleth (population_density_ramp); this is the look of a cell
      // without a density (nobody counted).
      s.title_en = "Population (people per km²)";
      s.title_ja = "人口密度（人/km²）";
      s.fill = FillSymbol{rgb(0xffffb2, 150), rgb(0xffffff, 90), 0.4f};
      s.line = LineSymbol{rgb(0xb10026), 1.0f};
      s.point = point(Shape::circle, rgb(0xfd8d3c), 6.0f);
      break;
    case Category::coverage_area:
      s.title_en = "Covered area";
      s.title_ja = "カバー圏";
      s.fill = FillSymbol{rgb(0x009E73, 60), rgb(0x009E73, 200), 1.2f};
      break;
    case Category::coverage_gap:
      s.title_en = "Coverage gap";
      s.title_ja = "空白地域";
      s.fill = FillSymbol{rgb(0xD55E00, 80), rgb(0xD55E00, 160), 1.0f};
      break;
    case Category::mesh:
      s.title_en = "Mesh cell";
      s.title_ja = "メッシュ";
      s.fill = FillSymbol{rgb(0x56B4E9, 90), rgb(0xffffff, 120), 0.6f};
      break;
    case Category::nearest_link:
      s.title_en = "Nearest facility link";
      s.title_ja = "最寄り施設への線";
      s.line = LineSymbol{rgb(0x222222, 220), 2.0f};
      s.point = point(Shape::circle, rgb(0x222222), 9.0f);
      break;
    case Category::route:
      // Routes follow the roads: a deep blue line, wider than roads and darker than the
      // clinics' Okabe-Ito blue, so a route never reads as a row of clinics.
      s.title_en = "Route";
      s.title_ja = "経路";
      s.line = LineSymbol{rgb(0x173f8a), 4.0f};
      s.point = point(Shape::circle, rgb(0x173f8a), 8.0f);
      break;
    case Category::service_area:
      // Bands get a sequential ramp (sequential_ramp) through the layer style; this is the
      // single-band look.
      s.title_en = "Service area";
      s.title_ja = "到達圏";
      s.fill = FillSymbol{rgb(0x1d91c0, 80), rgb(0x225ea8, 200), 1.0f};
      break;
    case Category::closure:
      // Vermillion, the warning colour of the palette, in every form: closed roads as thick
      // lines, barrier areas (a flood zone) as a light wash with a strong edge, points as crosses.
      s.title_en = "Road closure";
      s.title_ja = "通行止め";
      s.line = LineSymbol{oi::vermillion, 4.0f};
      s.point = point(Shape::cross, oi::vermillion, 12.0f);
      s.fill = FillSymbol{rgb(0xD55E00, 55), rgb(0xD55E00, 230), 2.0f};
      break;
    case Category::proposed_site:
      // A star like the backup hospitals' (a place of importance) but open: a white star with a
      // thick dark-green edge, a place that does not exist yet. Green is the what-if colour (the
      // viewer's added clinics, the gap map's cells a new site reaches), dark enough to stand
      // out on those cells; no facility uses it, so a proposal never reads as an existing one.
      s.title_en = "Proposed site";
      s.title_ja = "新設候補地";
      s.point = PointSymbol{Shape::star, rgb(0xffffff, 235), rgb(0x006d2c), 26.0f, 3.0f};
      // Not labelled (names are "candidate 12"), but drawn above every facility.
      s.label.priority = 95;
      break;
    case Category::other:
      s.title_en = "Other";
      s.title_ja = "その他";
      s.point = point(Shape::circle, rgb(0x888888), 8.0f);
      s.line = LineSymbol{rgb(0x666666), 1.5f};
      s.fill = FillSymbol{rgb(0xaaaaaa, 90), rgb(0x666666), 1.0f};
      break;
  }
  return s;
}

Ramp population_density_ramp() {
  // ColorBrewer YlOrRd (7 classes): sequential, colour-blind safe, prints in grey, and warm, so
  // it stays apart from the blue coverage and service-area ramps drawn over it.
  return Ramp{"pop_per_km2",
              {100.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0},
              {rgb(0xffffb2, 150), rgb(0xfed976, 160), rgb(0xfeb24c, 170), rgb(0xfd8d3c, 175),
               rgb(0xfc4e2a, 180), rgb(0xe31a1c, 185), rgb(0xb10026, 190)},
              {"< 100", "100 – 500", "500 – 1,000", "1,000 – 2,000", "2,000 – 4,000",
               "4,000 – 8,000", "≧ 8,000"},
              {},
              {}};
}

Ramp road_speed_ramp() {
  // Greys, so the roads stay behind the facility symbols' Okabe-Ito hues and the blue analysis
  // ramps; the hierarchy is read from width as much as from tone, which survives grey print.
  return Ramp{"speed_kmh",
              {32.0, 50.0},
              {rgb(0x9a9a9a), rgb(0x6b6b6b), rgb(0x363636)},
              {"< 32 km/h", "32 – 50 km/h", "≧ 50 km/h"},
              {1.3f, 2.2f, 3.2f},
              {}};
}

LayerStyle default_layer_style(const core::Layer& layer) {
  LayerStyle style;
  if (layer.category == Category::road && layer.field_index("speed_kmh")) {
    style.ramp = road_speed_ramp();
    return style;
  }
  if (layer.category == Category::population && layer.field_index("pop_per_km2")) {
    style.ramp = population_density_ramp();
    return style;
  }
  if (layer.category == Category::mesh) {
    // Mesh results carry a per-cell count (facilities within reach, patients, ...): colour by it.
    // A coverage mesh's `level` (0 none, 1 single, 2 backup) is the planning message: show it
    // as three classes with words, not numbers.
    if (layer.field_index("level")) {
      style.ramp = Ramp{"level",
                        {1.0, 2.0},
                        {rgb(0xD55E00, 120), rgb(0x9ecae1, 150), rgb(0x2171b5, 170)},
                        {"none", "single", "backup"},
                        {},
                        {}};
      return style;
    }
    const std::array<std::string_view, 6> preferred{
        "count", "facilities_in_reach", "facilities", "n", "value", "population"};
    std::optional<std::size_t> field;
    for (std::string_view name : preferred) {
      if (auto i = layer.field_index(name)) {
        field = i;
        break;
      }
    }
    if (!field) {
      for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields[i].type != core::FieldType::text) {
          field = i;
          break;
        }
      }
    }
    if (field) {
      // Sequential blue ramp (colour-blind safe, prints in grey): 0, 1, 2, 3, 4+ facilities.
      style.ramp = Ramp{layer.fields[*field].name,
                        {1.0, 2.0, 3.0, 4.0},
                        {rgb(0xD55E00, 110), rgb(0xc6dbef, 150), rgb(0x6baed6, 170),
                         rgb(0x2171b5, 180), rgb(0x08306b, 190)},
                        {},
                        {},
                        {}};
    }
  }
  return style;
}

std::vector<Rgba> sequential_ramp(std::size_t n, std::uint8_t alpha) {
  // ColorBrewer YlGnBu (9 classes), dark to light.
  static constexpr std::array<std::uint32_t, 7> kAnchors{0x081d58, 0x253494, 0x225ea8, 0x1d91c0,
                                                         0x41b6c4, 0x7fcdbb, 0xc7e9b4};
  std::vector<Rgba> out;
  if (n == 0) {
    return out;
  }
  if (n == 1) {
    out.push_back(rgb(kAnchors[3], alpha));
    return out;
  }
  // From the second anchor: the darkest navy reads as black at small sizes.
  constexpr double first = 1.0;
  constexpr double last = static_cast<double>(kAnchors.size() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = first + (last - first) * static_cast<double>(i) / static_cast<double>(n - 1);
    const auto k = std::min(static_cast<std::size_t>(t), kAnchors.size() - 2);
    const double f = t - static_cast<double>(k);
    const Rgba a = rgb(kAnchors[k]);
    const Rgba b = rgb(kAnchors[k + 1]);
    auto mix = [f](std::uint8_t x, std::uint8_t y) {
      return static_cast<std::uint8_t>(std::lround(x + (y - x) * f));
    };
    out.push_back(Rgba{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), alpha});
  }
  return out;
}

Symbol slowdown_symbol() {
  Symbol s = default_symbol(Category::closure);
  s.title_en = "Slowdown area";
  s.title_ja = "速度低下区域";
  s.fill = FillSymbol{rgb(0xE69F00, 70), rgb(0xE69F00, 230), 2.0f};
  s.line = LineSymbol{oi::orange, 3.0f};
  s.point = point(Shape::cross, oi::orange, 12.0f);
  return s;
}

float symbol_scale(double m_per_px) {
  constexpr double kFullSizeUpTo = 50.0;
  if (m_per_px <= kFullSizeUpTo) {
    return 1.0f;
  }
  return static_cast<float>(std::max(0.45, std::sqrt(kFullSizeUpTo / m_per_px)));
}

Rgba with_opacity(Rgba c, float opacity) {
  const float o = std::clamp(opacity, 0.0f, 1.0f);
  c.a = static_cast<std::uint8_t>(static_cast<float>(c.a) * o + 0.5f);
  return c;
}

namespace {

Symbol apply_overrides(Symbol s, const LayerStyle& style) {
  if (style.color) {
    const Rgba c = *style.color;
    s.point.fill = c;
    s.line.color = Rgba{c.r, c.g, c.b, s.line.color.a};
    s.fill.fill = Rgba{c.r, c.g, c.b, s.fill.fill.a};
    s.fill.outline = Rgba{c.r, c.g, c.b, s.fill.outline.a};
  }
  if (style.size_px) {
    s.point.size_px = *style.size_px;
    s.line.width_px = std::max(0.5f, *style.size_px / 6.0f);
  }
  s.point.fill = with_opacity(s.point.fill, style.opacity);
  s.point.outline = with_opacity(s.point.outline, style.opacity);
  s.line.color = with_opacity(s.line.color, style.opacity);
  s.fill.fill = with_opacity(s.fill.fill, style.opacity);
  s.fill.outline = with_opacity(s.fill.outline, style.opacity);
  s.label.enabled = s.label.enabled && style.labels;
  return s;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// A symbol exists for every category, but analysis categories such as `coverage_area` have no
// point symbol worth showing for a stray point; the category of the layer is the better guess.
Category effective_category(Category feature, Category layer) {
  if (feature == Category::other && layer != Category::other) {
    return layer;
  }
  return feature;
}

}  // namespace

LayerSymbology resolve_symbology(const core::Layer& layer, const LayerStyle& style) {
  LayerSymbology out;
  out.feature_class.resize(layer.features.size(), 0);
  if (style.ramp && !style.ramp->colours.empty()) {
    const Ramp& ramp = *style.ramp;
    const std::optional<std::size_t> field = layer.field_index(ramp.field);
    const Symbol base = default_symbol(layer.category);
    for (std::size_t i = 0; i < ramp.colours.size(); ++i) {
      SymbolClass cls;
      cls.symbol = base;
      cls.symbol.fill.fill = ramp.colours[i];
      cls.symbol.point.fill = Rgba{ramp.colours[i].r, ramp.colours[i].g, ramp.colours[i].b, 255};
      cls.symbol.line.color = cls.symbol.point.fill;
      if (i < ramp.line_widths.size()) {
        cls.symbol.line.width_px = ramp.line_widths[i];
      }
      if (i < ramp.line_dashes_px.size()) {
        cls.symbol.line.dash_px = ramp.line_dashes_px[i];
      }
      LayerStyle without_colour = style;
      without_colour.color.reset();
      cls.symbol = apply_overrides(cls.symbol, without_colour);
      if (i < ramp.labels.size()) {
        cls.range_label = ramp.labels[i];
      } else if (i == 0) {
        cls.range_label = "< " + format_number(ramp.breaks.empty() ? 0.0 : ramp.breaks[0]);
      } else if (i == ramp.breaks.size()) {
        cls.range_label = "≧ " + format_number(ramp.breaks[i - 1]);
      } else if (ramp.breaks[i] - ramp.breaks[i - 1] == 1.0) {
        cls.range_label = format_number(ramp.breaks[i - 1]);
      } else {
        cls.range_label = format_number(ramp.breaks[i - 1]) + " – " + format_number(ramp.breaks[i]);
      }
      out.classes.push_back(std::move(cls));
    }
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
      std::size_t cls = 0;
      if (field) {
        if (const auto v = core::to_number(layer.features[f].values[*field])) {
          cls = static_cast<std::size_t>(
              std::upper_bound(ramp.breaks.begin(), ramp.breaks.end(), *v) - ramp.breaks.begin());
          cls = std::min(cls, ramp.colours.size() - 1);
        }
      }
      out.feature_class[f] = static_cast<std::uint16_t>(cls);
      ++out.classes[cls].feature_count;
    }
    return out;
  }

  // One class per category present, in the order of the Category enum (a stable legend order).
  std::array<int, 64> class_of{};
  class_of.fill(-1);
  std::vector<Category> present;
  for (const core::Feature& f : layer.features) {
    const auto c = static_cast<std::size_t>(effective_category(f.category, layer.category));
    if (class_of[c] < 0) {
      class_of[c] = 0;
      present.push_back(static_cast<Category>(c));
    }
  }
  if (present.empty()) {
    present.push_back(layer.category);
  }
  std::sort(present.begin(), present.end());
  for (std::size_t i = 0; i < present.size(); ++i) {
    class_of[static_cast<std::size_t>(present[i])] = static_cast<int>(i);
    SymbolClass cls;
    cls.category = present[i];
    cls.symbol = apply_overrides(default_symbol(present[i]), style);
    out.classes.push_back(std::move(cls));
  }
  for (std::size_t f = 0; f < layer.features.size(); ++f) {
    const auto c =
        static_cast<std::size_t>(effective_category(layer.features[f].category, layer.category));
    const auto cls = static_cast<std::size_t>(class_of[c]);
    out.feature_class[f] = static_cast<std::uint16_t>(cls);
    ++out.classes[cls].feature_count;
  }
  return out;
}

std::string to_hex(Rgba c) {
  char buf[16];
  if (c.a == 255) {
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  } else {
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
  }
  return buf;
}

std::optional<Rgba> parse_hex(std::string_view s) {
  if (s.empty() || s.front() != '#' || (s.size() != 7 && s.size() != 9)) {
    return std::nullopt;
  }
  std::uint32_t value = 0;
  const auto [ptr, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), value, 16);
  if (ec != std::errc{} || ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  if (s.size() == 7) {
    return rgb(value);
  }
  return rgb(value >> 8, static_cast<std::uint8_t>(value & 0xff));
}

GeometryKind dominant_geometry(const core::Layer& layer) {
  std::size_t points = 0;
  std::size_t lines = 0;
  std::size_t areas = 0;
  for (const core::Feature& f : layer.features) {
    if (std::holds_alternative<core::XY>(f.geometry) ||
        std::holds_alternative<core::MultiPoint>(f.geometry)) {
      ++points;
    } else if (std::holds_alternative<core::LineString>(f.geometry) ||
               std::holds_alternative<core::MultiLineString>(f.geometry)) {
      ++lines;
    } else if (std::holds_alternative<core::Polygon>(f.geometry) ||
               std::holds_alternative<core::MultiPolygon>(f.geometry)) {
      ++areas;
    }
  }
  if (areas >= points && areas >= lines && areas > 0) {
    return GeometryKind::fill;
  }
  if (lines >= points && lines > 0) {
    return GeometryKind::line;
  }
  return GeometryKind::point;
}

}  // namespace caremap::style
