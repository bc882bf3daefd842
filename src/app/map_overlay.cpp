#include "app/map_overlay.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/camera_hash.hpp"
#include "app/hasher.hpp"
#include "app/legend_model.hpp"
#include "app/legend_placement.hpp"
#include "app/symbol_icons.hpp"
#include "core/credit.hpp"
#include "render/label_placer.hpp"

namespace caremap::app {

void draw_halo_text(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 text, ImU32 halo,
                    const char* begin, const char* end, float halo_px) {
  // Four diagonal copies rather than eight around: on a software rasteriser the halo is most of
  // a label's cost, and at 1.3 px the diagonals (0.92 px along each axis) already close it.
  static constexpr std::array<std::array<float, 2>, 4> kOffsets{
      {{-0.71f, -0.71f}, {0.71f, -0.71f}, {-0.71f, 0.71f}, {0.71f, 0.71f}}};
  for (const auto& o : kOffsets) {
    list->AddText(font, size, ImVec2(pos.x + o[0] * halo_px, pos.y + o[1] * halo_px), halo, begin,
                  end);
  }
  list->AddText(font, size, pos, text, begin, end);
}

namespace {

// Calls fn(entry, feature, screen point) for every symbol of the visible point layers whose
// anchor is in the camera's view, layer by layer, until fn returns false. What labels avoid and
// what the export's legend should not hide.
template <class Fn>
void for_each_visible_symbol(AppState& app, const render::Camera& camera, Fn&& fn) {
  const core::Box view = camera.visible_box();
  for (LayerEntry& e : app.layers) {
    if (!e.style.visible || !e.layer || icon_kind(e) != IconKind::point) {
      continue;
    }
    const auto& anchor_points = anchors(e);
    for (core::FeatureId id : spatial_index(e)->candidates(view)) {
      if (const auto& a = anchor_points[id.value]) {
        if (!fn(e, id, camera.world_to_screen(*a))) {
          return;
        }
      }
    }
  }
}

struct LabelSource {
  std::string text;
  ImFont* font = nullptr;
  float size = 0;
  style::LabelRule rule;
};

ImU32 col(style::Rgba c) {
  return to_imgui(c);
}

}  // namespace

namespace {

std::uint64_t label_key(AppState& app, const render::Camera& camera, const OverlayTarget& target,
                        const Fonts& fonts) {
  Hasher h;
  hash_camera(h, camera);
  h.value(target.size.x);
  h.value(target.size.y);
  h.value(target.scale);
  h.value(fonts.label);
  h.value(fonts.title);
  h.value(fonts.names_generation);
  for (const LayerEntry& e : app.layers) {
    h.value(render_key(e));
    h.value(e.style.visible);
    h.value(e.style.labels);
    h.value(e.style.size_px.value_or(-1.0f));
    h.value(e.style.opacity);
  }
  return h.digest();
}

void draw_cached(const LabelCache& cache, const OverlayTarget& target,
                 std::vector<PlacedLabelRecord>& records) {
  const float s = target.scale;
  target.list->PushClipRect(
      target.origin, ImVec2(target.origin.x + target.size.x, target.origin.y + target.size.y),
      true);
  for (const LabelCache::Label& l : cache.labels) {
    const ImVec2 pos(target.origin.x + l.pos.x, target.origin.y + l.pos.y);
    draw_halo_text(target.list, l.font, l.size, pos, l.text_colour, l.halo_colour, l.text.c_str(),
                   nullptr, 1.3f * s);
    if (l.bold) {
      target.list->AddText(l.font, l.size, ImVec2(pos.x + 0.6f * s, pos.y), l.text_colour,
                           l.text.c_str());
    }
    PlacedLabelRecord r = l.record;
    r.x0 += target.origin.x;
    r.x1 += target.origin.x;
    r.y0 += target.origin.y;
    r.y1 += target.origin.y;
    records.push_back(std::move(r));
  }
  target.list->PopClipRect();
}

}  // namespace

std::vector<PlacedLabelRecord> draw_labels(AppState& app, const render::Camera& camera,
                                           const OverlayTarget& target, const Fonts& fonts,
                                           LabelCache* cache) {
  std::vector<PlacedLabelRecord> records;
  const std::uint64_t key = cache != nullptr ? label_key(app, camera, target, fonts) : 0;
  if (cache != nullptr && cache->key == key) {
    draw_cached(*cache, target, records);
    return records;
  }
  std::vector<render::LabelCandidate> candidates;
  std::vector<LabelSource> sources;
  std::vector<render::ScreenRect> obstacles;
  const double mpp = camera.meters_per_pixel();
  const core::Box view = camera.visible_box();
  const float s = target.scale;

  for (LayerEntry& e : app.layers) {
    if (!e.style.visible || !e.layer || !e.style.labels) {
      continue;
    }
    const style::LayerSymbology& sym = symbology(e);
    const bool any_rule = std::any_of(sym.classes.begin(), sym.classes.end(), [&](const auto& c) {
      return c.symbol.label.enabled && mpp <= c.symbol.label.max_m_per_px;
    });
    if (!any_rule || !e.layer->name_field) {
      continue;
    }
    const index::LayerIndex* idx = spatial_index(e);
    const auto& anchor_points = anchors(e);
    const bool is_area = icon_kind(e) == IconKind::fill;
    for (core::FeatureId id : idx->candidates(view)) {
      const auto cls = sym.feature_class[id.value];
      const style::Symbol& symbol = sym.classes[cls].symbol;
      if (!symbol.label.enabled || mpp > symbol.label.max_m_per_px) {
        continue;
      }
      const auto& anchor = anchor_points[id.value];
      if (!anchor) {
        continue;
      }
      const render::ScreenPoint p = camera.world_to_screen(*anchor);
      if (p.x < 0 || p.y < 0 || p.x > camera.viewport_width() || p.y > camera.viewport_height()) {
        continue;
      }
      std::string text = e.layer->display_name(id);
      if (text.empty() || text.front() == '#') {
        continue;
      }
      LabelSource src;
      src.rule = symbol.label;
      src.size = symbol.label.size_px * s;
      src.font = symbol.label.size_px >= 18.0f ? fonts.title : fonts.label;
      const ImVec2 size = src.font->CalcTextSizeA(src.size, 1e9f, 0.0f, text.c_str());
      src.text = std::move(text);
      render::LabelCandidate c;
      c.id = sources.size();
      c.priority = symbol.label.priority;
      c.x = static_cast<float>(p.x) * s;
      c.y = static_cast<float>(p.y) * s;
      c.width = size.x + 2.0f * s;
      c.height = size.y;
      c.anchor = is_area ? render::LabelAnchor::area : render::LabelAnchor::point;
      const float radius =
          is_area ? 0.0f : symbol.point.size_px * 0.5f * style::symbol_scale(mpp) * s;
      c.offset_px = radius;
      candidates.push_back(c);
      sources.push_back(std::move(src));
    }
  }

  // Symbols that matter are obstacles: a label never hides a hospital or care facility, nor a
  // facility whose own name is shown at this scale. Minor symbols (a clinic at overview) may be
  // covered, or the overview would carry no names at all. Only point labels avoid obstacles, so
  // a national overview with city names alone skips the 20,000 symbols.
  const bool point_labels = std::any_of(candidates.begin(), candidates.end(), [](const auto& c) {
    return c.anchor == render::LabelAnchor::point;
  });
  if (point_labels) {
    const LayerEntry* entry = nullptr;
    const style::LayerSymbology* sym = nullptr;
    for_each_visible_symbol(
        app, camera, [&](LayerEntry& e, core::FeatureId id, render::ScreenPoint p) {
          if (obstacles.size() > 20000) {
            return false;
          }
          if (&e != entry) {
            entry = &e;
            sym = &symbology(e);
          }
          const style::Symbol& symbol = sym->classes[sym->feature_class[id.value]].symbol;
          const bool labelled = symbol.label.enabled && mpp <= symbol.label.max_m_per_px;
          if (labelled || symbol.label.priority >= 60) {
            const float r = symbol.point.size_px * 0.5f * style::symbol_scale(mpp) * s;
            const float x = static_cast<float>(p.x) * s;
            const float y = static_cast<float>(p.y) * s;
            obstacles.push_back(render::ScreenRect{x - r, y - r, x + r, y + r});
          }
          return true;
        });
  }

  render::LabelPlacementOptions options;
  options.viewport_w = target.size.x;
  options.viewport_h = target.size.y;
  options.padding_px = 3.0f * s;
  const auto placed = render::place_labels(candidates, options, obstacles);

  LabelCache built;
  built.key = key;
  for (const render::PlacedLabel& l : placed) {
    const LabelSource& src = sources[l.id];
    LabelCache::Label label;
    label.font = src.font;
    label.size = src.size;
    label.pos = ImVec2(l.box.x0 + 1.0f * s, l.box.y0);
    label.text_colour = col(src.rule.text);
    label.halo_colour = col(src.rule.halo);
    label.bold = src.rule.bold;
    label.record = PlacedLabelRecord{src.text, l.box.x0, l.box.y0, l.box.x1, l.box.y1};
    label.text = src.text;
    built.labels.push_back(std::move(label));
  }
  draw_cached(built, target, records);
  if (cache != nullptr) {
    *cache = std::move(built);
  }
  return records;
}

namespace {

std::string distance_text(double m) {
  char buf[32];
  if (m >= 1000.0) {
    std::snprintf(buf, sizeof buf, "%g km", m / 1000.0);
  } else {
    std::snprintf(buf, sizeof buf, "%g m", m);
  }
  return buf;
}

// A rounded, slightly translucent white plate behind map furniture.
void plate(ImDrawList* list, ImVec2 a, ImVec2 b, float scale) {
  list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 215), 4.0f * scale);
  list->AddRect(a, b, IM_COL32(0, 0, 0, 40), 4.0f * scale, 0, 1.0f * scale);
}

}  // namespace

void draw_scale_bar(const render::Camera& camera, const OverlayTarget& t, const Fonts& fonts) {
  const float s = t.scale;
  const render::ScaleBar bar = render::nice_scale_bar(camera.meters_per_pixel(), 160.0);
  if (bar.length_px <= 0) {
    return;
  }
  const float len = static_cast<float>(bar.length_px) * s;
  const float x0 = t.origin.x + 16.0f * s;
  const float y_bar = t.origin.y + t.size.y - 18.0f * s;
  const float font_size = 13.0f * s;
  const std::string half = distance_text(bar.length_m / 2.0);
  const std::string full = distance_text(bar.length_m);
  const ImVec2 full_size = fonts.label->CalcTextSizeA(font_size, 1e9f, 0, full.c_str());
  plate(t.list, ImVec2(x0 - 8 * s, y_bar - font_size - 10 * s),
        ImVec2(x0 + len + full_size.x / 2 + 10 * s, y_bar + 9 * s), s);
  const float h = 5.0f * s;
  // Two alternating halves, like a printed map's bar.
  t.list->AddRectFilled(ImVec2(x0, y_bar - h), ImVec2(x0 + len / 2, y_bar),
                        IM_COL32(40, 40, 40, 255));
  t.list->AddRectFilled(ImVec2(x0 + len / 2, y_bar - h), ImVec2(x0 + len, y_bar),
                        IM_COL32(255, 255, 255, 255));
  t.list->AddRect(ImVec2(x0, y_bar - h), ImVec2(x0 + len, y_bar), IM_COL32(40, 40, 40, 255), 0, 0,
                  1.0f * s);
  const ImU32 text = IM_COL32(40, 40, 40, 255);
  const float ty = y_bar - h - font_size - 2 * s;
  t.list->AddText(fonts.label, font_size, ImVec2(x0 - 3 * s, ty), text, "0");
  const ImVec2 hs = fonts.label->CalcTextSizeA(font_size, 1e9f, 0, half.c_str());
  // The middle figure only where it fits between "0" and the full length (a short bar of
  // "100 m" and "200 m" would print them over each other).
  const float zero_w = fonts.label->CalcTextSizeA(font_size, 1e9f, 0, "0").x;
  const bool half_fits = x0 + len / 2 - hs.x / 2 > x0 - 3 * s + zero_w + 4 * s &&
                         x0 + len / 2 + hs.x / 2 < x0 + len - full_size.x / 2 - 4 * s;
  if (half_fits) {
    t.list->AddText(fonts.label, font_size, ImVec2(x0 + len / 2 - hs.x / 2, ty), text,
                    half.c_str());
  }
  t.list->AddText(fonts.label, font_size, ImVec2(x0 + len - full_size.x / 2, ty), text,
                  full.c_str());
}

void draw_north_arrow(const OverlayTarget& t, const Fonts& fonts, Lang lang) {
  const float s = t.scale;
  const ImVec2 c(t.origin.x + t.size.x - 34.0f * s, t.origin.y + 44.0f * s);
  const float r = 22.0f * s;
  t.list->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 215), 32);
  t.list->AddCircle(c, r, IM_COL32(0, 0, 0, 40), 32, 1.0f * s);
  const ImVec2 tip(c.x, c.y - r * 0.62f);
  const ImVec2 tail(c.x, c.y + r * 0.62f);
  const ImVec2 left(c.x - r * 0.32f, c.y + r * 0.12f);
  const ImVec2 right(c.x + r * 0.32f, c.y + r * 0.12f);
  // Half dark, half light: the classic arrow reads at any size.
  t.list->AddTriangleFilled(tip, left, ImVec2(c.x, c.y + r * 0.02f), IM_COL32(40, 40, 40, 255));
  t.list->AddTriangleFilled(tip, ImVec2(c.x, c.y + r * 0.02f), right, IM_COL32(120, 120, 120, 255));
  t.list->AddTriangleFilled(left, tail, ImVec2(c.x, c.y + r * 0.02f), IM_COL32(200, 200, 200, 255));
  t.list->AddTriangleFilled(ImVec2(c.x, c.y + r * 0.02f), tail, right,
                            IM_COL32(230, 230, 230, 255));
  const char* n = lang == Lang::ja ? "北" : "N";
  const float fs = 13.0f * s;
  const ImVec2 ns = fonts.label->CalcTextSizeA(fs, 1e9f, 0, n);
  draw_halo_text(t.list, fonts.label, fs, ImVec2(c.x - ns.x / 2, c.y - r - ns.y + 2 * s),
                 IM_COL32(40, 40, 40, 255), IM_COL32(255, 255, 255, 230), n, nullptr, 1.2f * s);
}

void draw_credits(const AppState& app, const OverlayTarget& t, const Fonts& fonts, Lang lang) {
  const std::vector<std::string> credits = visible_credits(app);
  if (credits.empty()) {
    return;
  }
  std::string text = std::string(tr(lang, Str::map_credit)) + ": ";
  for (std::size_t i = 0; i < credits.size(); ++i) {
    text += (i ? " / " : "") + core::credit_body(credits[i]);
  }
  const float s = t.scale;
  const float fs = 12.0f * s;
  // Right of the scale bar's corner, so the two never overlap.
  const float max_w = std::max(120.0f * s, t.size.x - 260.0f * s);
  const ImVec2 size = fonts.label->CalcTextSizeA(fs, 1e9f, max_w, text.c_str());
  const ImVec2 br(t.origin.x + t.size.x - 6 * s, t.origin.y + t.size.y - 6 * s);
  const ImVec2 tl(br.x - size.x - 10 * s, br.y - size.y - 6 * s);
  plate(t.list, tl, br, s);
  t.list->AddText(fonts.label, fs, ImVec2(tl.x + 5 * s, tl.y + 3 * s), IM_COL32(60, 60, 60, 255),
                  text.c_str(), nullptr, max_w);
}

namespace {

// The visible point symbols, in the target's coordinates: what a legend box should not hide.
std::vector<render::ScreenPoint> visible_symbols(AppState& app, const render::Camera& camera,
                                                 const OverlayTarget& t) {
  std::vector<render::ScreenPoint> out;
  for_each_visible_symbol(app, camera, [&](LayerEntry&, core::FeatureId, render::ScreenPoint p) {
    out.push_back({t.origin.x + p.x * t.scale, t.origin.y + p.y * t.scale});
    return true;
  });
  return out;
}

}  // namespace

void draw_legend_box(AppState& app, const render::Camera& camera, const OverlayTarget& t,
                     const Fonts& fonts, Lang lang) {
  const auto groups = legend_model(app, lang);
  if (groups.empty()) {
    return;
  }
  const float s = t.scale;
  const float fs = 13.0f * s;
  const float row = 20.0f * s;
  const float icon = 16.0f * s;
  float width = 0;
  float height = 10.0f * s;
  for (const LegendGroup& g : groups) {
    height += g.title.empty() ? 0.0f : row;
    width = std::max(width, fonts.label->CalcTextSizeA(fs, 1e9f, 0, g.title.c_str()).x);
    for (const LegendItem& item : g.items) {
      height += row;
      width = std::max(
          width, icon + 8 * s + fonts.label->CalcTextSizeA(fs, 1e9f, 0, item.label.c_str()).x);
    }
  }
  // Top left, top right under the north arrow, bottom left over the scale bar: the one that
  // hides the fewest symbols (the credits take the bottom right).
  const float box_w = width + 20 * s;
  const float left = t.origin.x + 12 * s;
  const float right = t.origin.x + t.size.x - 12 * s - box_w;
  const float top = t.origin.y + 12 * s;
  const float below_arrow = t.origin.y + 76 * s;
  const float above_scale = t.origin.y + t.size.y - 52 * s - height;
  std::vector<render::ScreenRect> corners{{left, top, left + box_w, top + height}};
  if (right > left + box_w) {
    corners.push_back({right, below_arrow, right + box_w, below_arrow + height});
  }
  if (above_scale > top + height) {
    corners.push_back({left, above_scale, left + box_w, above_scale + height});
  }
  const render::ScreenRect& at = corners[least_covered(corners, visible_symbols(app, camera, t))];
  const ImVec2 tl(at.x0, at.y0);
  plate(t.list, tl, ImVec2(tl.x + box_w, tl.y + height), s);
  float y = tl.y + 6 * s;
  const ImU32 text = IM_COL32(40, 40, 40, 255);
  for (const LegendGroup& g : groups) {
    if (!g.title.empty()) {
      t.list->AddText(fonts.label, fs, ImVec2(tl.x + 10 * s, y + 2 * s), IM_COL32(90, 90, 90, 255),
                      g.title.c_str());
      y += row;
    }
    for (const LegendItem& item : g.items) {
      const ImVec2 icon_tl(tl.x + 10 * s, y + 2 * s);
      switch (item.icon) {
        case IconKind::point:
          draw_point_icon(t.list, ImVec2(icon_tl.x + icon / 2, icon_tl.y + icon / 2),
                          item.symbol.point,
                          s * std::min(1.0f, 16.0f / std::max(1.0f, item.symbol.point.size_px)));
          break;
        case IconKind::line:
          draw_line_icon(t.list, icon_tl, icon, item.symbol.line);
          break;
        case IconKind::fill:
          draw_fill_icon(t.list, ImVec2(icon_tl.x, icon_tl.y + 2 * s), icon, item.symbol.fill);
          break;
      }
      t.list->AddText(fonts.label, fs, ImVec2(icon_tl.x + icon + 8 * s, y + 2 * s), text,
                      item.label.c_str());
      y += row;
    }
  }
}

}  // namespace caremap::app
