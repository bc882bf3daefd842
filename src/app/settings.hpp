#pragma once
// Settings that persist between runs: the UI language, the window size, which panels are open,
// each layer's style (by layer id) and the export width. Stored as JSON in
// $XDG_CONFIG_HOME/caremap/settings.json, else ~/.config/caremap/settings.json. Tests point
// XDG_CONFIG_HOME at a temporary folder.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "app/app_state.hpp"
#include "app/strings.hpp"
#include "style/style.hpp"

namespace caremap::app {

struct Settings {
  std::optional<Lang> lang;
  int window_w = 1600;
  int window_h = 1000;
  bool show_layers = true;
  bool show_legend = true;
  bool show_inspector = false;
  bool show_table = false;
  bool show_analysis = true;
  bool gsi = false;
  int export_width = 3000;
  std::map<std::string, style::LayerStyle> layer_styles;  ///< by layer id
};

/// The settings file path (see above). Throws core::InputError if neither XDG_CONFIG_HOME nor
/// HOME is set.
std::filesystem::path settings_path();

/// Reads settings; a missing file gives the defaults. A malformed file gives the defaults and a
/// message in `warning` (the viewer must still start).
Settings load_settings(const std::filesystem::path& path, std::string* warning = nullptr);

/// Writes atomically (temporary file + rename), creating the folder. Throws core::OutputError.
void save_settings(const std::filesystem::path& path, const Settings& settings);

/// The current state as settings (layer styles of every non-result layer; raster entries too).
Settings capture_settings(const AppState& app, const ViewState& view, Settings previous);

/// Applies the saved style of each layer present (by id). Panel flags and language are applied
/// by the viewer at start.
void apply_layer_styles(const Settings& settings, AppState& app);

}  // namespace caremap::app
