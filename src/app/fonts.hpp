#pragma once
// Japanese fonts for the UI and the map labels: IPAex Gothic, loaded with ImGui's Japanese glyph
// ranges (kana and the common kanji) plus every character of the loaded layers' titles and names
// (ImGui's list misses many kanji used in place and facility names, such as 髙 or 﨑).

#include <cstdint>
#include <string>
#include <vector>

struct ImFont;

namespace caremap::app {

struct AppState;

struct Fonts {
  ImFont* ui = nullptr;     ///< panels, 15 px
  ImFont* label = nullptr;  ///< map labels (facility names), 14 px
  ImFont* title = nullptr;  ///< large map labels (city names), 22 px
  ImFont* slide = nullptr;  ///< presentation mode's title band, 40 px (slide titles, digits)
  std::string path;         ///< the font file used, empty if it was missing (ImGui default font)
  std::uint64_t names_generation = 0;  ///< AppState::names_generation the atlas was built for
};

/// The font file: $CAREMAP_FONT if set, else IPAex Gothic from fonts-ipaexfont-gothic.
std::string font_path();

/// (Re)builds ImGui's font atlas for the names in `app`. Must run between frames; the caller
/// recreates the GL font texture afterwards (ImGui_ImplOpenGL3_CreateFontsTexture).
/// `label_scale` enlarges the map label fonts for high-resolution exports, so exported text is
/// rasterised at its final size instead of magnified.
Fonts build_fonts(const AppState& app, float label_scale = 1.0f);

/// The layers' titles, credits, field names and name-field values, and every UI string, as one
/// UTF-8 text (for glyph ranges). With `areas_only`, only the names of area features (city
/// names), which are all the large title font needs.
std::string names_text(const AppState& app, bool areas_only = false);

}  // namespace caremap::app
