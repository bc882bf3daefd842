#include "window_check_support.hpp"

#include <stb_image.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_paths.hpp"

namespace caremap::window_check {

namespace fs = std::filesystem;

namespace {

int failures = 0;
int passes = 0;

}  // namespace

int finish() {
  std::printf("%d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}

// The settings, state and caches of whoever runs the check must not change what is drawn.
void isolate_viewer(const fs::path& work) {
  fs::remove_all(work);
  fs::create_directories(work / "config");
  fs::create_directories(work / "cache");
  fs::create_directories(work / "state");
  setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
  setenv("XDG_STATE_HOME", (work / "state").c_str(), 1);
  setenv("XDG_CACHE_HOME", (work / "cache").c_str(), 1);
  setenv("CAREMAP_DATA_DIR", CAREMAP_TEST_DATA_DIR, 1);
}

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what.c_str());
  ++(ok ? passes : failures);
}

bool near_colour(std::array<int, 3> c, style::Rgba want, int tolerance) {
  return std::abs(c[0] - want.r) <= tolerance && std::abs(c[1] - want.g) <= tolerance &&
         std::abs(c[2] - want.b) <= tolerance;
}

style::Rgba over(style::Rgba top, style::Rgba bottom) {
  const double a = top.a / 255.0;
  auto mix = [a](int t, int b) {
    return static_cast<std::uint8_t>(std::lround(t * a + b * (1.0 - a)));
  };
  return style::Rgba{mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), 255};
}

MapPixels::MapPixels(const nlohmann::json& state)
    : center_x(state["camera"]["center_x"]),
      center_y(state["camera"]["center_y"]),
      m_per_px(state["camera"]["m_per_px"]),
      map_x(state["map_rect"]["x"]),
      map_y(state["map_rect"]["y"]),
      map_width(state["map_rect"]["width"]),
      map_height(state["map_rect"]["height"]) {}

std::pair<int, int> MapPixels::project(core::XY p) const {
  return {static_cast<int>(std::lround(map_x + map_width / 2 + (p.x - center_x) / m_per_px)),
          static_cast<int>(std::lround(map_y + map_height / 2 - (p.y - center_y) / m_per_px))};
}

core::XY MapPixels::world(int px, int py) const {
  return core::XY{center_x + (px - map_x - map_width / 2) * m_per_px,
                  center_y - (py - map_y - map_height / 2) * m_per_px};
}

Image load_png(const fs::path& path) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(path.string().c_str(), &img.w, &img.h, &n, 4);
  if (data == nullptr) {
    return img;
  }
  img.px.assign(data, data + static_cast<std::size_t>(img.w) * img.h * 4);
  stbi_image_free(data);
  return img;
}

namespace {

// Runs `command`, checks its exit code and the screenshot's size; nullopt (after a failed check)
// when the screenshot or the state is missing.
std::optional<ViewerRun> run_viewer(const std::string& command, const fs::path& shot,
                                    const fs::path& state) {
  std::printf("running: %s\n", command.c_str());
  const int rc = std::system(command.c_str());
  check(rc == 0, "viewer exits with 0");
  ViewerRun run;
  run.screenshot = load_png(shot);
  check(run.screenshot.w == 1600 && run.screenshot.h == 1000, "screenshot is 1600x1000");
  std::ifstream state_in(state);
  if (!state_in || run.screenshot.px.empty()) {
    check(false, "screenshot and state written");
    return std::nullopt;
  }
  run.state = nlohmann::json::parse(state_in);
  run.map = MapPixels(run.state);
  return run;
}

}  // namespace

int run_window_check(int argc, char** argv, const std::string& shot_name,
                     const std::function<std::string(const ViewerFiles&)>& command,
                     const std::function<void(const ViewerRun&)>& checks) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <caremap-viewer> <work dir>\n", argv[0]);
    return 2;
  }
  const fs::path work = argv[2];
  isolate_viewer(work);
  const ViewerFiles files{argv[1], work / shot_name, work / "state.json"};
  std::optional<ViewerRun> run = run_viewer(command(files), files.shot, files.state);
  if (!run) {
    return 1;
  }
  run->work = work;
  checks(*run);
  check(run->state["errors"].empty(), "no errors reported by the viewer");
  return finish();
}

}  // namespace caremap::window_check
