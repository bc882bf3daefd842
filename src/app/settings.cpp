#include "app/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace caremap::app {

using nlohmann::json;

namespace {

json style_to_json(const style::LayerStyle& s) {
  json j;
  j["visible"] = s.visible;
  j["opacity"] = s.opacity;
  j["labels"] = s.labels;
  if (s.color) {
    j["color"] = style::to_hex(*s.color);
  }
  if (s.size_px) {
    j["size_px"] = *s.size_px;
  }
  return j;
}

style::LayerStyle style_from_json(const json& j, style::LayerStyle s) {
  s.visible = j.value("visible", s.visible);
  s.opacity = std::clamp(j.value("opacity", s.opacity), 0.0f, 1.0f);
  s.labels = j.value("labels", s.labels);
  if (j.contains("color") && j["color"].is_string()) {
    s.color = style::parse_hex(j["color"].get<std::string>());
  }
  if (j.contains("size_px") && j["size_px"].is_number()) {
    s.size_px = std::clamp(j["size_px"].get<float>(), 1.0f, 64.0f);
  }
  return s;
}

}  // namespace

std::filesystem::path settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "caremap" / "settings.json";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "caremap" / "settings.json";
  }
  throw core::InputError("neither XDG_CONFIG_HOME nor HOME is set: no place for settings");
}

Settings load_settings(const std::filesystem::path& path, std::string* warning) {
  Settings s;
  std::ifstream in(path);
  if (!in) {
    return s;
  }
  try {
    const json j = json::parse(in);
    if (j.contains("lang") && j["lang"].is_string()) {
      s.lang = parse_lang(j["lang"].get<std::string>());
    }
    s.window_w = std::clamp(j.value("window_w", s.window_w), 320, 16384);
    s.window_h = std::clamp(j.value("window_h", s.window_h), 240, 16384);
    if (j.contains("panels")) {
      const json& p = j["panels"];
      s.show_layers = p.value("layers", s.show_layers);
      s.show_legend = p.value("legend", s.show_legend);
      s.show_inspector = p.value("inspector", s.show_inspector);
      s.show_table = p.value("table", s.show_table);
      s.show_analysis = p.value("analysis", s.show_analysis);
    }
    s.gsi = j.value("gsi", s.gsi);
    s.export_width = std::clamp(j.value("export_width", s.export_width), 64, 16384);
    if (j.contains("layer_styles") && j["layer_styles"].is_object()) {
      for (const auto& [id, style] : j["layer_styles"].items()) {
        s.layer_styles[id] = style_from_json(style, style::LayerStyle{});
      }
    }
  } catch (const std::exception& e) {
    if (warning != nullptr) {
      *warning = "settings file " + path.string() + " ignored: " + e.what();
    }
    return Settings{};
  }
  return s;
}

void save_settings(const std::filesystem::path& path, const Settings& s) {
  json j;
  if (s.lang) {
    j["lang"] = std::string(to_string(*s.lang));
  }
  j["window_w"] = s.window_w;
  j["window_h"] = s.window_h;
  j["panels"] = {{"layers", s.show_layers},
                 {"legend", s.show_legend},
                 {"inspector", s.show_inspector},
                 {"table", s.show_table},
                 {"analysis", s.show_analysis}};
  j["gsi"] = s.gsi;
  j["export_width"] = s.export_width;
  json styles = json::object();
  for (const auto& [id, style] : s.layer_styles) {
    styles[id] = style_to_json(style);
  }
  j["layer_styles"] = styles;

  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  io::write_file_atomically(path, j.dump(2) + '\n');
}

Settings capture_settings(const AppState& app, const ViewState& view, Settings s) {
  s.lang = app.lang;
  s.window_w = static_cast<int>(view.window_w);
  s.window_h = static_cast<int>(view.window_h);
  s.show_layers = view.show_layers;
  s.show_legend = view.show_legend;
  s.show_inspector = view.show_inspector;
  s.show_table = view.show_table;
  s.show_analysis = view.show_analysis;
  s.gsi = app.basemap.gsi;
  s.export_width = view.export_png.width;
  for (const LayerEntry& e : app.layers) {
    if (!e.is_result) {
      s.layer_styles[e.id] = e.style;
    }
  }
  return s;
}

void apply_layer_styles(const Settings& settings, AppState& app) {
  for (LayerEntry& e : app.layers) {
    const auto it = settings.layer_styles.find(e.id);
    if (it == settings.layer_styles.end()) {
      continue;
    }
    // Only the user-editable parts are stored; a ramp stays the layer's default.
    style::LayerStyle s = e.style;
    s.visible = it->second.visible;
    s.opacity = it->second.opacity;
    s.labels = it->second.labels;
    s.color = it->second.color;
    s.size_px = it->second.size_px;
    e.style = s;
  }
}

}  // namespace caremap::app
