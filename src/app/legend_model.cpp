#include "app/legend_model.hpp"

#include <cstdio>
#include <cstdlib>

#include "app/category_title.hpp"

namespace caremap::app {

IconKind icon_kind(const core::Layer& layer) {
  switch (style::dominant_geometry(layer)) {
    case style::GeometryKind::fill:
      return IconKind::fill;
    case style::GeometryKind::line:
      return IconKind::line;
    case style::GeometryKind::point:
      break;
  }
  return IconKind::point;
}

IconKind icon_kind(LayerEntry& e) {
  if (!e.layer) {
    return IconKind::point;
  }
  if (e.ui.icon_kind < 0 || e.ui.icon_version != e.version) {
    e.ui.icon_kind = static_cast<int>(icon_kind(*e.layer));
    e.ui.icon_version = e.version;
  }
  return static_cast<IconKind>(e.ui.icon_kind);
}

namespace {

std::string ramp_label(const std::string& key, Lang lang) {
  if (key.starts_with("min:")) {
    // A travel-time band "min:FROM-TO": "5 分以内" / "within 5 min" from 0, else "5–10 分".
    const char* range = key.c_str() + 4;
    char* dash = nullptr;
    const double from = std::strtod(range, &dash);
    const double to = *dash == '-' ? std::atof(dash + 1) : from;
    char text[64];
    if (from > 0.0) {
      std::snprintf(text, sizeof text, tr(lang, Str::net_band_range), from, to);
    } else {
      std::snprintf(text, sizeof text, tr(lang, Str::net_within_min), to);
    }
    return text;
  }
  if (key == "none") {
    return tr(lang, Str::legend_none);
  }
  if (key == "single") {
    return tr(lang, Str::legend_single);
  }
  if (key == "backup") {
    return tr(lang, Str::legend_backup);
  }
  return key;
}

}  // namespace

std::vector<LegendGroup> legend_model(AppState& app, Lang lang) {
  std::vector<LegendGroup> out;
  for (auto it = app.layers.rbegin(); it != app.layers.rend(); ++it) {
    LayerEntry& e = *it;
    if (!e.style.visible || !e.layer) {
      continue;
    }
    const style::LayerSymbology& sym = symbology(e);
    LegendGroup group;
    group.title = e.title;
    const IconKind kind = icon_kind(e);
    for (const style::SymbolClass& cls : sym.classes) {
      if (cls.feature_count == 0 && !cls.range_label.empty()) {
        // Empty ramp classes still explain the scale; keep them.
      } else if (cls.feature_count == 0) {
        continue;
      }
      LegendItem item;
      item.icon = kind;
      item.symbol = cls.symbol;
      item.count = cls.feature_count;
      if (!cls.range_label.empty()) {
        item.label = ramp_label(cls.range_label, lang);
      } else {
        item.label = symbol_title(cls.symbol, lang);
      }
      group.items.push_back(std::move(item));
    }
    // A layer of one kind of feature needs no heading: its own title is the best label
    // (特別養護老人ホーム says more than 介護施設).
    if (group.items.size() == 1 && sym.classes.size() == 1 && sym.classes[0].range_label.empty()) {
      group.items[0].label = group.title;
      group.title.clear();
    }
    if (!group.items.empty()) {
      out.push_back(std::move(group));
    }
  }
  return out;
}

std::string ellipsize(std::string_view text, float max_width,
                      const std::function<float(std::string_view)>& width_of) {
  if (width_of(text) <= max_width) {
    return std::string(text);
  }
  static constexpr std::string_view kEllipsis = "…";
  // Drop whole characters from the end until the rest plus the ellipsis fits.
  std::size_t end = text.size();
  while (end > 0) {
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    std::string candidate(text.substr(0, end));
    candidate += kEllipsis;
    if (width_of(candidate) <= max_width) {
      return candidate;
    }
  }
  return std::string(kEllipsis);
}

}  // namespace caremap::app
