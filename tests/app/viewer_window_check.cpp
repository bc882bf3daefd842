// Real-window test of caremap-viewer: runs it on the default region under a display, saves a
// screenshot with --screenshot and the camera and placed labels with --dump-state, then checks
// pixels against the data:
//   1. the backup-hospital symbol colour at the projected position of 宗像医師会病院
//      (ID 4011400003350, position read from the data),
//   2. the background colour far from any feature,
//   3. a Japanese label really drawn (dark pixels inside a placed label's box).
// Usage: caremap_viewer_window_check <caremap-viewer> <work dir>. Exit 0 on success.

#include <cmath>
#include <cstdio>
#include <string>

#include "app/map_drawing.hpp"
#include "io/read.hpp"
#include "io/region.hpp"
#include "style/style.hpp"
#include "window_check_support.hpp"

using namespace caremap;
using namespace caremap::window_check;

namespace {

std::string default_region_command(const ViewerFiles& files) {
  return "\"" + files.viewer.string() + "\" --region munakata-fukutsu --lang ja" +
         " --size 1600x1000 --frames 3 --screenshot \"" + files.shot.string() +
         "\" --dump-state \"" + files.state.string() + "\"";
}

void check_default_region(const ViewerRun& run) {
  const Image& img = run.screenshot;
  const MapPixels& map = run.map;

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
    const auto [hx, hy] = map.project(*hospital);
    const auto c = img.at(hx, hy);
    std::printf("     backup hospital at (%d, %d): rgb(%d, %d, %d)\n", hx, hy, c[0], c[1], c[2]);
    check(near_colour(c, star, 8), "backup-hospital symbol colour at its projected position");
  }

  // 2. Background: the map pixel farthest from every point, outside the city polygons.
  {
    double best_d = -1;
    std::pair<int, int> best{0, 0};
    for (int y = map.top() + 70; y < map.bottom() - 60; y += 8) {
      for (int x = map.left() + 10; x < map.right() - 70; x += 8) {
        const core::XY w = map.world(x, y);
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
    check(best_d > 30 * map.m_per_px, "a background probe at least 30 px from any feature");
    check(near_colour(c, app::kMapBackground, 2), "background colour far from any feature");
  }

  // 3. A Japanese label, with dark text pixels inside its box.
  bool found_label = false;
  for (const auto& l : run.state["labels"]) {
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
}

}  // namespace

int main(int argc, char** argv) {
  return run_window_check(argc, argv, "default.png", default_region_command, check_default_region);
}
