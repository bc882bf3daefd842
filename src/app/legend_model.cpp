#include "app/legend_model.hpp"

namespace caremap::app {

IconKind icon_kind(const core::Layer& layer) {
  std::size_t points = 0;
  std::size_t lines = 0;
  std::size_t areas = 0;
  for (const core::Feature& f : layer.features) {
    switch (f.geometry.index()) {
      case 1:
      case 2:
        ++points;
        break;
      case 3:
      case 4:
        ++lines;
        break;
      case 5:
      case 6:
        ++areas;
        break;
      default:
        break;
    }
  }
  if (areas >= points && areas >= lines && areas > 0) {
    return IconKind::fill;
  }
  if (lines >= points && lines > 0) {
    return IconKind::line;
  }
  return IconKind::point;
}

namespace {

std::string ramp_label(const std::string& key, Lang lang) {
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
    const IconKind kind = icon_kind(*e.layer);
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
        item.label = lang == Lang::ja ? cls.symbol.title_ja : cls.symbol.title_en;
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

}  // namespace caremap::app
