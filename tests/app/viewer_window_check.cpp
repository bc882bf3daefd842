// Real-window test of caremap-viewer: runs it on the default region under a display, saves a
// screenshot with --screenshot and the camera and placed labels with --dump-state, then checks
// pixels against the data:
//   1. the backup-hospital symbol colour at the projected position of 宗像医師会病院
//      (ID 4011400003350, position read from the data),
//   2. the background colour far from any feature,
//   3. a Japanese label really drawn (dark pixels inside a placed label's box).
// Usage: caremap_viewer_window_check <caremap-viewer> <work dir>. Exit 0 on success.

#include <stb_image.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/map_drawing.hpp"
#include "io/read.hpp"
#include "io/region.hpp"
#include "style/style.hpp"

namespace fs = std::filesystem;
using namespace caremap;

namespace {

int failures = 0;
int passes = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what.c_str());
  ++(ok ? passes : failures);
}

struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> px;
  std::array<int, 3> at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * w + x) * 4;
    return {px[i], px[i + 1], px[i + 2]};
  }
};

Image load_png(const fs::path& p) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(p.string().c_str(), &img.w, &img.h, &n, 4);
  if (data == nullptr) {
    return img;
  }
  img.px.assign(data, data + static_cast<std::size_t>(img.w) * img.h * 4);
  stbi_image_free(data);
  return img;
}

bool near_colour(std::array<int, 3> c, style::Rgba want, int tolerance) {
  return std::abs(c[0] - want.r) <= tolerance && std::abs(c[1] - want.g) <= tolerance &&
         std::abs(c[2] - want.b) <= tolerance;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <caremap-viewer> <work dir>\n", argv[0]);
    return 2;
  }
  const fs::path viewer = argv[1];
  const fs::path work = argv[2];
  fs::remove_all(work);
  fs::create_directories(work / "config");
  const fs::path shot = work / "default.png";
  const fs::path state = work / "state.json";

  // The settings of whoever runs the test must not change what is drawn.
  setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
  setenv("CAREMAP_DATA_DIR", CAREMAP_TEST_DATA_DIR, 1);
  const std::string command = "\"" + viewer.string() + "\" --region munakata-fukutsu --lang ja" +
                              " --size 1600x1000 --frames 3 --screenshot \"" + shot.string() +
                              "\" --dump-state \"" + state.string() + "\"";
  std::printf("running: %s\n", command.c_str());
  const int rc = std::system(command.c_str());
  check(rc == 0, "viewer exits with 0");
  const Image img = load_png(shot);
  check(img.w == 1600 && img.h == 1000, "screenshot is 1600x1000");
  std::ifstream state_in(state);
  if (!state_in || img.px.empty()) {
    check(false, "screenshot and state written");
    return 1;
  }
  const nlohmann::json s = nlohmann::json::parse(state_in);
  const double cx = s["camera"]["center_x"];
  const double cy = s["camera"]["center_y"];
  const double mpp = s["camera"]["m_per_px"];
  const double rx = s["map_rect"]["x"];
  const double ry = s["map_rect"]["y"];
  const double rw = s["map_rect"]["width"];
  const double rh = s["map_rect"]["height"];
  auto project = [&](core::XY p) {
    return std::pair<int, int>{static_cast<int>(std::lround(rx + rw / 2 + (p.x - cx) / mpp)),
                               static_cast<int>(std::lround(ry + rh / 2 - (p.y - cy) / mpp))};
  };

  // 1. The backup hospital, found in the data by its MHLW ID.
  const io::Region region = io::open_region(io::find_project("munakata-fukutsu"));
  std::optional<core::XY> hospital;
  std::vector<core::XY> all_points;
  const core::Layer* boundary = nullptr;
  for (const io::LoadedLayer& l : region.layers) {
    const core::Layer& layer = *l.layer;
    if (layer.category == core::Category::boundary) {
      boundary = &layer;
    }
    const auto id_field = layer.field_index("ID");
    for (const core::Feature& f : layer.features) {
      if (const auto p = core::representative_point(f.geometry); p && f.geometry.index() == 1) {
        all_points.push_back(*p);
        if (id_field && core::to_text(f.values[*id_field]) == "4011400003350") {
          hospital = p;
        }
      }
    }
  }
  check(hospital.has_value(), "宗像医師会病院 (4011400003350) is in the data");
  const style::Rgba star = style::default_symbol(core::Category::backup_hospital).point.fill;
  if (hospital) {
    const auto [hx, hy] = project(*hospital);
    const auto c = img.at(hx, hy);
    std::printf("     backup hospital at (%d, %d): rgb(%d, %d, %d)\n", hx, hy, c[0], c[1], c[2]);
    check(near_colour(c, star, 8), "backup-hospital symbol colour at its projected position");
  }

  // 2. Background: the map pixel farthest from every point, outside the city polygons.
  {
    double best_d = -1;
    std::pair<int, int> best{0, 0};
    for (int y = static_cast<int>(ry) + 70; y < static_cast<int>(ry + rh) - 60; y += 8) {
      for (int x = static_cast<int>(rx) + 10; x < static_cast<int>(rx + rw) - 70; x += 8) {
        const core::XY w{cx + (x - rx - rw / 2) * mpp, cy - (y - ry - rh / 2) * mpp};
        bool inside = false;
        double d = 1e18;
        if (boundary != nullptr) {
          for (const core::Feature& f : boundary->features) {
            d = std::min(d, boost::geometry::distance(w, std::get<core::MultiPolygon>(f.geometry)));
            inside = inside || d == 0.0;
          }
        }
        for (const core::XY& p : all_points) {
          d = std::min(d, boost::geometry::distance(w, p));
        }
        if (!inside && d > best_d) {
          best_d = d;
          best = {x, y};
        }
      }
    }
    const auto c = img.at(best.first, best.second);
    std::printf("     background probe at (%d, %d), %.0f m from any feature: rgb(%d, %d, %d)\n",
                best.first, best.second, best_d, c[0], c[1], c[2]);
    check(best_d > 30 * mpp, "a background probe at least 30 px from any feature");
    check(near_colour(c, app::kMapBackground, 2), "background colour far from any feature");
  }

  // 3. A Japanese label, with dark text pixels inside its box.
  bool found_label = false;
  for (const auto& l : s["labels"]) {
    const std::string text = l["text"];
    if (text.empty() || static_cast<unsigned char>(text[0]) < 0x80) {
      continue;
    }
    int dark = 0;
    for (int y = static_cast<int>(l["y0"]); y < static_cast<int>(l["y1"]); ++y) {
      for (int x = static_cast<int>(l["x0"]); x < static_cast<int>(l["x1"]); ++x) {
        const auto c = img.at(x, y);
        dark += (c[0] + c[1] + c[2]) / 3 < 150 ? 1 : 0;
      }
    }
    std::printf("     label %s: %d dark pixels\n", text.c_str(), dark);
    if (dark >= 20) {
      found_label = true;
      break;
    }
  }
  check(found_label, "a Japanese label is drawn (dark pixels in its box)");
  check(s["errors"].empty(), "no errors reported by the viewer");
  std::printf("%d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
