#include "app/fonts.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>

#include "app/app_state.hpp"
#include "app/strings.hpp"

namespace caremap::app {

std::string font_path() {
  if (const char* env = std::getenv("CAREMAP_FONT"); env != nullptr && *env != '\0') {
    return env;
  }
  return "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
}

std::string names_text(const AppState& app, bool areas_only) {
  std::string text;
  for (const LayerEntry& e : app.layers) {
    if (areas_only) {
      const bool areas = e.layer && (e.layer->category == core::Category::boundary ||
                                     e.layer->category == core::Category::mesh);
      if (areas && e.layer->name_field) {
        for (std::size_t i = 0; i < e.layer->size(); ++i) {
          text += e.layer->display_name(core::FeatureId{static_cast<std::uint32_t>(i)});
        }
      }
      continue;
    }
    text += e.title;
    if (e.style.ramp) {
      // Class labels of the legend ("複数", "≧ 50 km/h"): not all are in the Japanese range.
      for (const std::string& label : e.style.ramp->labels) {
        text += label;
      }
    }
    if (e.raster) {
      text += e.raster->credit;
    }
    if (!e.layer) {
      continue;
    }
    for (const core::SourceRef& src : e.layer->provenance.inputs) {
      text += src.credit;
    }
    for (const core::Field& f : e.layer->fields) {
      text += f.name;
    }
    if (!e.layer->name_field) {
      continue;
    }
    for (std::size_t i = 0; i < e.layer->size(); ++i) {
      text += e.layer->display_name(core::FeatureId{static_cast<std::uint32_t>(i)});
    }
  }
  // Every string of both languages too, so switching language never shows missing glyphs.
  for (std::size_t i = 0; i < string_count() && !areas_only; ++i) {
    text += tr(Lang::ja, static_cast<Str>(i));
    text += tr(Lang::en, static_cast<Str>(i));
  }
  return text;
}

Fonts build_fonts(const AppState& app, float label_scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  fonts.names_generation = app.names_generation;
  const std::string path = font_path();
  if (!std::filesystem::exists(path)) {
    fonts.ui = io.Fonts->AddFontDefault();
    fonts.label = fonts.ui;
    fonts.title = fonts.ui;
    fonts.slide = fonts.ui;
    return fonts;
  }
  fonts.path = path;

  const std::string names = names_text(app);
  // The UI font gets ImGui's Japanese ranges (for anything typed into a search box) plus the
  // names; the label fonts only need what labels can show: ASCII, kana and the names.
  ImFontGlyphRangesBuilder ui_builder;
  ui_builder.AddRanges(io.Fonts->GetGlyphRangesJapanese());
  ui_builder.AddText("°²³±×÷–—…・「」『』（）〜ー①②③④⑤≧≦▲▼◆■●★△");
  ui_builder.AddText(names.c_str(), names.c_str() + names.size());
  ImVector<ImWchar> ui_ranges;
  ui_builder.BuildRanges(&ui_ranges);

  ImFontGlyphRangesBuilder label_builder;
  label_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  static constexpr ImWchar kKana[] = {0x3000, 0x30FF, 0xFF00, 0xFFEF, 0};
  label_builder.AddRanges(kKana);
  label_builder.AddText(names.c_str(), names.c_str() + names.size());
  ImVector<ImWchar> label_ranges;
  label_builder.BuildRanges(&label_ranges);

  // City names and the digits of the scale bar: the large font holds a few dozen glyphs only.
  const std::string areas = names_text(app, true);
  ImFontGlyphRangesBuilder title_builder;
  title_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  title_builder.AddText(areas.c_str(), areas.c_str() + areas.size());
  title_builder.AddText(tr(Lang::ja, Str::status_loading));
  ImVector<ImWchar> title_ranges;
  title_builder.BuildRanges(&title_ranges);

  // The slide titles and the region's name in large type: a few dozen glyphs.
  ImFontGlyphRangesBuilder slide_builder;
  slide_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  slide_builder.AddRanges(kKana);
  slide_builder.AddText(app.region_name.c_str());
  for (const io::SavedView& v : app.views) {
    slide_builder.AddText(v.title.c_str());
  }
  ImVector<ImWchar> slide_ranges;
  slide_builder.BuildRanges(&slide_ranges);

  ImFontConfig config;
  // No horizontal oversampling: with PixelSnapH the glyphs look the same at these sizes, and the
  // atlas (thousands of kanji once national layers are loaded) stays half as large.
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  // The range vectors must live until Build(), which happens below in this function.
  fonts.ui = io.Fonts->AddFontFromFileTTF(path.c_str(), 15.0f, &config, ui_ranges.Data);
  fonts.label =
      io.Fonts->AddFontFromFileTTF(path.c_str(), 14.0f * label_scale, &config, label_ranges.Data);
  fonts.title =
      io.Fonts->AddFontFromFileTTF(path.c_str(), 22.0f * label_scale, &config, title_ranges.Data);
  fonts.slide = io.Fonts->AddFontFromFileTTF(path.c_str(), 40.0f, &config, slide_ranges.Data);
  io.Fonts->Build();
  return fonts;
}

}  // namespace caremap::app
