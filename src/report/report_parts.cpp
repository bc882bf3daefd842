#include "report/report_parts.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "core/credit.hpp"
#include "plan/candidates.hpp"
#include "plan/location_problem.hpp"
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

std::string layer_title(const core::Layer& layer, core::Lang lang) {
  if (lang == core::Lang::ja) {
    return layer.title.empty() ? layer.id : layer.title;
  }
  const bool latin = std::all_of(layer.title.begin(), layer.title.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!layer.title.empty() && latin) {
    return layer.title;
  }
  if (layer.category == core::Category::other) {
    return layer.id;
  }
  return style::default_symbol(layer.category).title_en;
}

namespace {

const std::string* name_of(const SourceNames& names, const std::string& id) {
  for (const auto& [layer, name] : names) {
    if (!id.empty() && layer == id) {
      return &name;
    }
  }
  return nullptr;
}

std::string source_name(const core::SourceRef& in, const SourceNames& names) {
  if (const std::string* name = name_of(names, in.layer)) {
    return *name;
  }
  const std::string file = std::filesystem::path(in.path).filename().string();
  return file.empty() ? in.layer : file;
}

using WordTable = std::pair<std::string_view, const char*>;

// The entry of `table` for `key`, or nullptr.
template <std::size_t N>
const char* look_up(const WordTable (&table)[N], std::string_view key) {
  for (const auto& [k, word] : table) {
    if (k == key) {
      return word;
    }
  }
  return nullptr;
}

// Japanese labels of the provenance parameters the report builders' analyses write.
const char* parameter_label_ja(std::string_view key) {
  static constexpr WordTable kLabels[] = {
      {"categories", "施設の種類"},
      {"radius_m", "半径（m）"},
      {"radius_from", "半径の決め方"},
      {"circle_segments", "円の近似の角数"},
      {"mesh", "人口メッシュ"},
      {"boundary", "境界"},
      {"reach", "圏内の範囲"},
      {"sites", "施設数"},
      {"closures", "通行止め"},
      {"closed_arcs", "通行止めの区間数"},
      {"model", "モデル"},
      {"p", "新しい施設の数 p"},
      {"candidates", "候補地"},
      {"candidate_sites", "候補地の数"},
      {"weight", "重み"},
      {"injects", "状況付与"},
      {"patients", "患者"},
      {"hospitals", "受入病院"},
      {"drill_data", "訓練用データ"},
  };
  return look_up(kLabels, key);
}

std::string parameter_value_ja(const std::string& key, const std::string& value,
                               const SourceNames& names) {
  if (key == "categories") {
    std::string out;
    std::size_t from = 0;
    while (from <= value.size()) {
      const std::size_t cut = std::min(value.find('+', from), value.size());
      const std::string name = value.substr(from, cut - from);
      const auto c = core::parse_category(name);
      out += (out.empty() ? "" : "・") + (c ? style::default_symbol(*c).title_ja : name);
      from = cut + 1;
    }
    return out;
  }
  if (const std::string* name = name_of(names, value)) {
    return *name;
  }
  for (const plan::LocationModel m : {plan::LocationModel::mclp, plan::LocationModel::lscp,
                                      plan::LocationModel::pmedian, plan::LocationModel::pcenter}) {
    if (value == plan::model_title(m).en) {
      return plan::model_title(m).ja;
    }
  }
  for (const plan::DemandWeight w :
       {plan::DemandWeight::people, plan::DemandWeight::people_65plus,
        plan::DemandWeight::people_75plus, plan::DemandWeight::jmap_medical,
        plan::DemandWeight::jmap_care}) {
    if (value == plan::demand_weight_label(w).en) {
      return plan::demand_weight_label(w).ja;
    }
  }
  static constexpr WordTable kWords[] = {
      {"run", "実行時に指定"}, {"layer or category default", "レイヤー・施設の種類ごとの既定値"},
      {"none", "なし"},        {"yes", "はい"},
      {"no", "いいえ"},        {"as few as cover", "全員を圏内にする最少数"},
  };
  if (const char* ja = look_up(kWords, value)) {
    return ja;
  }
  // "grid 1km (most populated cell)": the plan's grid candidates.
  constexpr std::string_view kGrid = "grid ";
  constexpr std::string_view kCell = " (most populated cell)";
  if (value.starts_with(kGrid) && value.ends_with(kCell)) {
    return value.substr(kGrid.size(), value.size() - kGrid.size() - kCell.size()) +
           "格子（格子ごとに人口が最も多いメッシュ）";
  }
  return value;
}

}  // namespace

SourceNames source_names(const std::vector<core::LayerPtr>& layers, core::Lang lang) {
  SourceNames out;
  for (const core::LayerPtr& l : layers) {
    if (l) {
      out.emplace_back(l->id, layer_title(*l, lang));
    }
  }
  return out;
}

KeyValueBlock sources_block(const std::vector<core::SourceRef>& inputs, core::Lang lang,
                            const SourceNames& names) {
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
    data.rows.push_back({source_name(in, names), value});
  }
  return data;
}

std::string parameters_text(const std::vector<std::pair<std::string, std::string>>& parameters,
                            core::Lang lang, const SourceNames& names) {
  std::string out;
  for (const auto& [k, v] : parameters) {
    if (lang == core::Lang::ja) {
      const char* label = parameter_label_ja(k);
      out += (out.empty() ? "" : "、") + (label ? std::string(label) : k) + "：" +
             parameter_value_ja(k, v, names);
    } else {
      out += (out.empty() ? "" : ", ") + k + "=" + v;
    }
  }
  return out;
}

}  // namespace caremap::report
