// Real-window test of caremap-viewer: runs it on the default region under a display, saves a
// screenshot with --screenshot and the camera and placed labels with --dump-state, then checks
// pixels against the data:
//   1. the backup-hospital symbol colour at the projected position of 宗像医師会病院
//      (ID 4011400003350, position read from the data),
//   2. the background colour far from any feature,
//   3. a Japanese label really drawn (dark pixels inside a placed label's box);
//   4. the same run's slide export (--export-map, 4000 px wide, offscreen): its size, and the
//      backup-hospital symbol at the same place, scaled;
//   5. the census choropleth shows inside the cities: the densest cell inside a city, away from
//      every point, is drawn in the ramp's red, not covered by the city area's paper colour.
// Usage: caremap_viewer_window_check <caremap-viewer> <work dir>. Exit 0 on success.

#include <algorithm>
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

constexpr const char* kExportName = "export.png";
constexpr int kExportWidth = 4000;

std::string default_region_command(const ViewerFiles& files) {
  return "\"" + files.viewer.string() + "\" --region munakata-fukutsu --lang ja" +
         " --size 1600x1000 --frames 3 --screenshot \"" + files.shot.string() +
         "\" --dump-state \"" + files.state.string() + "\" --export-map \"" +
         (files.shot.parent_path() / kExportName).string() + "\" --export-width " +
         std::to_string(kExportWidth);
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

  // 4. The export: the map area alone at 4000 px, the map's aspect, everything scaled by
  //    4000 / map width around the same centre.
  {
    const Image exported = load_png(run.work / kExportName);
    const double ratio = kExportWidth / map.map_width;
    const int want_h = static_cast<int>(std::lround(map.map_height * ratio));
    std::printf("     export: %d x %d (want %d x %d)\n", exported.w, exported.h, kExportWidth,
                want_h);
    check(exported.w == kExportWidth && std::abs(exported.h - want_h) <= 1,
          "the export is 4000 px wide at the map's aspect");
    if (hospital && exported.w == kExportWidth && exported.h > 0) {
      const auto [hx, hy] = map.project(*hospital);
      const int ex = static_cast<int>(std::lround((hx + 0.5 - map.map_x) * ratio));
      const int ey = static_cast<int>(std::lround((hy + 0.5 - map.map_y) * ratio));
      const auto c =
          exported.at(std::clamp(ex, 0, exported.w - 1), std::clamp(ey, 0, exported.h - 1));
      std::printf("     backup hospital in the export at (%d, %d): rgb(%d, %d, %d)\n", ex, ey, c[0],
                  c[1], c[2]);
      check(near_colour(c, star, 8), "backup-hospital symbol colour at its place in the export");
    }
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

  // 5. The population inside a city: among the cells of 4,000 people per km² or more whose centre
  //    is inside a city, the one farthest from any point; most of a 5 x 5 patch at its centre is
  //    red (the ramp's top classes), where the city area's paper (near white) would hide it.
  const io::LoadedLayer* population = region.population();
  check(population != nullptr && boundary != nullptr, "the region has population and boundaries");
  if (population != nullptr && boundary != nullptr) {
    const auto total = population->layer->field_index("pop_total");
    check(total.has_value(), "the census layer has pop_total");
    double best_d = -1;
    std::optional<core::XY> best;
    for (const core::Feature& f : population->layer->features) {
      const auto* cell = std::get_if<core::Polygon>(&f.geometry);
      const double people = total ? core::to_number(f.values[*total]).value_or(0.0) : 0.0;
      if (cell == nullptr || people / (boost::geometry::area(*cell) / 1e6) < 4000.0) {
        continue;
      }
      core::XY c;
      boost::geometry::centroid(*cell, c);
      const auto [px, py] = map.project(c);
      if (px < map.left() + 10 || px > map.right() - 10 || py < map.top() + 10 ||
          py > map.bottom() - 10) {
        continue;
      }
      bool in_city = false;
      for (const core::Feature& b : boundary->features) {
        in_city = in_city || boost::geometry::within(c, std::get<core::MultiPolygon>(b.geometry));
      }
      double d = 1e18;
      for (const core::XY& p : all_points) {
        d = std::min(d, boost::geometry::distance(c, p));
      }
      if (in_city && d > best_d) {
        best_d = d;
        best = c;
      }
    }
    check(best.has_value(), "a dense census cell inside a city is on the map");
    if (best) {
      const auto [cx, cy] = map.project(*best);
      int red = 0;
      for (int y = cy - 2; y <= cy + 2; ++y) {
        for (int x = cx - 2; x <= cx + 2; ++x) {
          const auto c = img.at(x, y);
          red += c[0] - c[2] > 60 ? 1 : 0;
        }
      }
      const auto c = img.at(cx, cy);
      std::printf(
          "     dense cell at (%d, %d), %.0f m from any point: rgb(%d, %d, %d), %d/25 red\n", cx,
          cy, best_d, c[0], c[1], c[2], red);
      check(red >= 13, "the census choropleth shows inside a city (not under the city's paper)");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  return run_window_check(argc, argv, "default.png", default_region_command, check_default_region);
}
