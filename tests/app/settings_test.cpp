#include "app/settings.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <random>

using namespace caremap;
using namespace caremap::app;

namespace {

struct TempConfig {
  std::filesystem::path dir;
  TempConfig() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("caremap-settings-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  }
  ~TempConfig() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

}  // namespace

TEST_CASE("the settings file lives under XDG_CONFIG_HOME", "[settings]") {
  TempConfig tmp;
  CHECK(settings_path() == tmp.dir / "caremap" / "settings.json");
}

TEST_CASE("language, layout and layer styles survive a save and a load", "[settings]") {
  TempConfig tmp;
  AppState app;
  ViewState view;
  app.lang = Lang::en;
  view.window_w = 1280;
  view.window_h = 720;
  view.show_table = true;
  view.show_legend = false;
  auto layer = std::make_shared<core::Layer>();
  layer->id = "clinics";
  layer->category = core::Category::clinic;
  add_layer(app, layer, {}, "clinics.csv");
  app.layers[0].style.opacity = 0.4f;
  app.layers[0].style.color = style::rgb(0x123456);
  app.layers[0].style.size_px = 14.0f;
  app.layers[0].style.visible = false;

  save_settings(settings_path(), capture_settings(app, view, Settings{}));
  const Settings loaded = load_settings(settings_path());
  CHECK(loaded.lang == Lang::en);
  CHECK(loaded.window_w == 1280);
  CHECK(loaded.show_table);
  CHECK_FALSE(loaded.show_legend);
  REQUIRE(loaded.layer_styles.count("clinics") == 1);

  AppState again;
  add_layer(again, layer, {}, "clinics.csv");
  apply_layer_styles(loaded, again);
  const style::LayerStyle& s = again.layers[0].style;
  CHECK(s.opacity == Approx(0.4f));
  CHECK(s.color == style::rgb(0x123456));
  CHECK(s.size_px == Approx(14.0f));
  CHECK_FALSE(s.visible);
}

TEST_CASE("a missing file gives defaults and a broken one a warning", "[settings]") {
  TempConfig tmp;
  const Settings missing = load_settings(tmp.dir / "nope.json");
  CHECK_FALSE(missing.lang.has_value());
  CHECK(missing.window_w == 1600);
  const auto broken = tmp.dir / "broken.json";
  std::ofstream(broken) << "{ not json";
  std::string warning;
  const Settings s = load_settings(broken, &warning);
  CHECK(s.window_w == 1600);
  CHECK(warning.find("broken.json") != std::string::npos);
}
