#include "io/provenance_json.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace caremap::io::detail {

using nlohmann::json;

namespace {

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json member(const core::Layer& layer, const std::string& crs_label, std::size_t features) {
  const core::Provenance& p = layer.provenance;
  json params = json::array();
  for (const auto& [k, v] : p.parameters) {
    params.push_back(json::array({k, v}));
  }
  json inputs = json::array();
  json credits = json::array();
  for (const auto& in : p.inputs) {
    inputs.push_back({{"path", in.path},
                      {"layer", in.layer},
                      {"data_date", in.data_date},
                      {"credit", in.credit}});
    if (!in.credit.empty() &&
        std::find(credits.begin(), credits.end(), in.credit) == credits.end()) {
      credits.push_back(in.credit);
    }
  }
  json doc{{"format", 1},
           {"software", p.software},
           {"layer",
            {{"id", layer.id},
             {"title", layer.title},
             {"category", std::string(core::to_string(layer.category))},
             {"features", features}}},
           {"crs", crs_label},
           {"operation", p.operation},
           {"parameters", std::move(params)},
           {"inputs", std::move(inputs)},
           {"credits", std::move(credits)},
           {"summary", core::summarize(p)}};
  const auto add_text = [&](const char* key, const core::LocalText& t) {
    if (!t.empty()) {
      doc["basis"][key] = json{{"ja", t.ja}, {"en", t.en}};
    }
  };
  add_text("distance", p.basis.distance);
  add_text("demand", p.basis.demand);
  return doc;
}

core::LocalText local_text(const json& basis, const char* key) {
  const auto it = basis.find(key);
  if (it == basis.end() || !it->is_object()) {
    return {};
  }
  return {str(*it, "ja"), str(*it, "en")};
}

}  // namespace

std::string provenance_document(const core::Layer& layer, const std::string& crs_label,
                                std::optional<std::size_t> features) {
  return json{{"caremap", member(layer, crs_label, features.value_or(layer.size()))}}.dump(2);
}

std::string provenance_member(const core::Layer& layer, const std::string& crs_label) {
  return member(layer, crs_label, layer.size()).dump();
}

std::optional<StoredProvenance> parse_provenance(std::string_view text) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) {
    return std::nullopt;
  }
  const auto it = doc.find("caremap");
  if (it == doc.end() || !it->is_object()) {
    return std::nullopt;
  }
  const json& c = *it;
  StoredProvenance out;
  if (const auto l = c.find("layer"); l != c.end() && l->is_object()) {
    out.id = str(*l, "id");
    out.title = str(*l, "title");
    out.category = core::parse_category(str(*l, "category"));
  }
  out.provenance.operation = str(c, "operation");
  if (const std::string sw = str(c, "software"); !sw.empty()) {
    out.provenance.software = sw;
  }
  if (const auto ps = c.find("parameters"); ps != c.end() && ps->is_array()) {
    for (const auto& kv : *ps) {
      if (kv.is_array() && kv.size() == 2 && kv[0].is_string() && kv[1].is_string()) {
        out.provenance.param(kv[0].get<std::string>(), kv[1].get<std::string>());
      }
    }
  }
  if (const auto ins = c.find("inputs"); ins != c.end() && ins->is_array()) {
    for (const auto& in : *ins) {
      if (in.is_object()) {
        out.provenance.inputs.push_back(
            {str(in, "path"), str(in, "layer"), str(in, "data_date"), str(in, "credit")});
      }
    }
  }
  if (const auto b = c.find("basis"); b != c.end() && b->is_object()) {
    out.provenance.basis.distance = local_text(*b, "distance");
    out.provenance.basis.demand = local_text(*b, "demand");
  }
  return out;
}

std::filesystem::path sidecar_path(const std::filesystem::path& data_file) {
  return std::filesystem::path(data_file.string() + ".provenance.json");
}

}  // namespace caremap::io::detail
