#include "report/report_parts.hpp"

#include <algorithm>

#include "core/credit.hpp"
#include "style/style.hpp"

namespace caremap::report {

MapLayer map_layer(core::LayerPtr layer, std::string title, bool legend) {
  MapLayer m;
  m.style = style::default_layer_style(*layer);
  m.layer = std::move(layer);
  m.title = std::move(title);
  m.legend = legend;
  return m;
}

core::Box padded(const core::Box& b, double pad) {
  const double w = b.max_corner().x - b.min_corner().x;
  const double h = b.max_corner().y - b.min_corner().y;
  const double d = pad * std::max(w, h);
  return core::Box{{b.min_corner().x - d, b.min_corner().y - d},
                   {b.max_corner().x + d, b.max_corner().y + d}};
}

core::Box at_least(const core::Box& b, double min_side) {
  const double cx = (b.min_corner().x + b.max_corner().x) / 2;
  const double cy = (b.min_corner().y + b.max_corner().y) / 2;
  const double hw = std::max(b.max_corner().x - b.min_corner().x, min_side) / 2;
  const double hh = std::max(b.max_corner().y - b.min_corner().y, min_side) / 2;
  return core::Box{{cx - hw, cy - hh}, {cx + hw, cy + hh}};
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) {
    v.push_back(s);
  }
}

std::vector<core::SourceRef> with_inputs_of(std::vector<core::SourceRef> inputs,
                                            const std::vector<core::LayerPtr>& layers) {
  for (const core::LayerPtr& l : layers) {
    if (l) {
      inputs.insert(inputs.end(), l->provenance.inputs.begin(), l->provenance.inputs.end());
    }
  }
  return inputs;
}

void add_credits(std::vector<std::string>& credits, const std::vector<core::SourceRef>& inputs) {
  for (const core::SourceRef& in : inputs) {
    core::add_credit(credits, in.credit);
  }
}

KeyValueBlock sources_block(const std::vector<core::SourceRef>& inputs, core::Lang lang) {
  const Tr tr{lang};
  KeyValueBlock data;
  data.heading = tr("使用したデータ（データの日付・出典）", "Data used (data date, credit)");
  std::vector<std::string> seen;
  for (const auto& in : inputs) {
    const std::string key = in.layer.empty() ? in.path : in.layer;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      continue;
    }
    seen.push_back(key);
    std::string value = in.path;
    if (!in.data_date.empty()) {
      value += tr("（", " (") + in.data_date + tr("）", ")");
    }
    if (!in.credit.empty()) {
      value += " — " + in.credit;
    }
    data.rows.push_back({key, value});
  }
  return data;
}

}  // namespace caremap::report
