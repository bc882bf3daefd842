// Real-window test of the viewer's road-network tools: starts caremap-viewer on the Monaco
// region (its only data is an OpenStreetMap road network, loaded through the graph cache) with a
// scripted service area from a place and a drawn closure polygon, saves a screenshot and the
// state, then checks pixels:
//   1. the nearest band's colour (the ramp colour over the map background) around the origin,
//   2. no band colour outside the service-area layer's bounds, and those bounds within reach
//      (6 minutes at the fastest speed a car profile knows),
//   3. the closed-road colour on roads inside the closure polygon, none far outside it,
//   4. the network tab is shown with its road network loaded (no "no road network" state) and
//      the viewer reports no errors.
// Usage: caremap_viewer_network_window_check <caremap-viewer> <work dir>. Exit 0 on success.

#include <stb_image.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/map_drawing.hpp"
#include "app/network_jobs.hpp"
#include "crs/transformer.hpp"
#include "routing/profile.hpp"
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

// Straight-alpha `top` over an opaque `bottom`, as the GL blend does (rounded).
style::Rgba over(style::Rgba top, style::Rgba bottom) {
  const double a = top.a / 255.0;
  auto mix = [a](int t, int b) {
    return static_cast<std::uint8_t>(std::lround(t * a + b * (1.0 - a)));
  };
  return style::Rgba{mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), 255};
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
  fs::create_directories(work / "cache");
  const fs::path shot = work / "monaco.png";
  const fs::path state = work / "state.json";
  setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
  setenv("XDG_CACHE_HOME", (work / "cache").c_str(), 1);
  setenv("CAREMAP_DATA_DIR", CAREMAP_TEST_DATA_DIR, 1);

  const core::LonLat origin{7.4200, 43.7380};
  // A block south-east of the origin, across several streets.
  const core::LonLat closure_min{7.4225, 43.7345};
  const core::LonLat closure_max{7.4260, 43.7375};
  char closure[256];
  std::snprintf(closure, sizeof closure, "%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f",
                closure_min.lon, closure_min.lat, closure_max.lon, closure_min.lat, closure_max.lon,
                closure_max.lat, closure_min.lon, closure_max.lat);
  const std::string command =
      "\"" + viewer.string() + "\" --region monaco --lang ja --size 1600x1000 --frames 3" +
      " --service-area 7.4200,43.7380 --bands 2,4,6min --sa-shape rings" + " --closure-polygon \"" +
      closure + "\" --view 7.4225,43.7370,14.5" + " --screenshot \"" + shot.string() +
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
  check(s["working_crs"] == "EPSG:32632", "Monaco's working CRS (UTM 32N)");
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
  auto world = [&](int x, int y) {
    return core::XY{cx + (x - rx - rw / 2) * mpp, cy - (y - ry - rh / 2) * mpp};
  };
  const crs::Transformer lonlat = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:32632"));

  const nlohmann::json* area_layer = nullptr;
  const nlohmann::json* closed_layer = nullptr;
  const nlohmann::json* road_layer = nullptr;
  for (const auto& l : s["layers"]) {
    if (l["id"] == "service_area") {
      area_layer = &l;
    } else if (l["id"] == "closed_roads") {
      closed_layer = &l;
    } else if (l["id"] == "road_network") {
      road_layer = &l;
    }
  }
  check(road_layer != nullptr && (*road_layer)["features"].get<int>() > 1000,
        "the region's road network is loaded and shown");
  check(area_layer != nullptr && (*area_layer)["features"].get<int>() == 3,
        "one service-area ring per band");
  check(closed_layer != nullptr && (*closed_layer)["features"].get<int>() > 0,
        "closed roads are a layer");

  // 1. The nearest band's colour around the origin (pixels between the roads drawn over it).
  const std::vector<style::Rgba> ramp = style::sequential_ramp(3, app::kBandAlpha);
  std::vector<style::Rgba> band_colours;
  for (const style::Rgba& c : ramp) {
    band_colours.push_back(over(c, app::kMapBackground));
  }
  const auto [ox, oy] = project(lonlat.forward(origin));
  int near_hits = 0;
  for (int y = oy - 40; y <= oy + 40; ++y) {
    for (int x = ox - 40; x <= ox + 40; ++x) {
      near_hits += near_colour(img.at(x, y), band_colours[0], 4) ? 1 : 0;
    }
  }
  std::printf("     origin at (%d, %d): %d pixels of the 2-minute band colour nearby\n", ox, oy,
              near_hits);
  check(near_hits >= 200, "the nearest band's colour around the origin");

  // 2. No band colour outside the service-area bounds; the bounds within reach.
  if (area_layer != nullptr && area_layer->contains("bounds")) {
    const auto& b = (*area_layer)["bounds"];
    const core::XY lo{b[0].get<double>(), b[1].get<double>()};
    const core::XY hi{b[2].get<double>(), b[3].get<double>()};
    double fastest_kmh = 0.0;
    for (const auto& [cls, kmh] : routing::car_profile().highway_speeds_kmh) {
      fastest_kmh = std::max(fastest_kmh, kmh);
    }
    const double reach_m = fastest_kmh / 3.6 * 6.0 * 60.0 + 100.0;
    const core::XY o = lonlat.forward(origin);
    const double extent = std::max({o.x - lo.x, hi.x - o.x, o.y - lo.y, hi.y - o.y});
    std::printf("     service areas reach %.0f m from the origin (at most %.0f m possible)\n",
                extent, reach_m);
    check(extent > 0.0 && extent <= reach_m, "service areas stay within 6 minutes' reach");
    int outside = 0;
    int probed = 0;
    const double margin = 3.0 * mpp;
    for (int y = static_cast<int>(ry) + 2; y < static_cast<int>(ry + rh) - 2; y += 3) {
      for (int x = static_cast<int>(rx) + 2; x < static_cast<int>(rx + rw) - 2; x += 3) {
        const core::XY w = world(x, y);
        if (w.x > lo.x - margin && w.x < hi.x + margin && w.y > lo.y - margin &&
            w.y < hi.y + margin) {
          continue;
        }
        ++probed;
        for (const style::Rgba& c : band_colours) {
          outside += near_colour(img.at(x, y), c, 2) ? 1 : 0;
        }
      }
    }
    std::printf("     %d of %d probes outside the bounds show a band colour\n", outside, probed);
    check(probed > 1000 && outside == 0, "no band colour far from the origin");
  } else {
    check(false, "the service-area layer has bounds");
  }

  // 3. Closed roads drawn inside the closure, nothing of that colour far outside it.
  const style::Rgba closed = style::default_symbol(core::Category::closure).line.color;
  const auto [x0, y1] = project(lonlat.forward(closure_min));
  const auto [x1, y0] = project(lonlat.forward(closure_max));
  int inside_hits = 0;
  for (int y = y0 + 5; y < y1 - 5; ++y) {
    for (int x = x0 + 5; x < x1 - 5; ++x) {
      inside_hits += near_colour(img.at(x, y), closed, 6) ? 1 : 0;
    }
  }
  int far_hits = 0;
  for (int y = static_cast<int>(ry) + 60; y < static_cast<int>(ry + rh) - 60; ++y) {
    for (int x = static_cast<int>(rx) + 10; x < static_cast<int>(rx + rw) - 70; ++x) {
      const bool near_closure = x > x0 - 40 && x < x1 + 40 && y > y0 - 40 && y < y1 + 40;
      if (!near_closure) {
        far_hits += near_colour(img.at(x, y), closed, 6) ? 1 : 0;
      }
    }
  }
  std::printf("     closure (%d,%d)-(%d,%d): %d closed-road pixels inside, %d far outside\n", x0,
              y0, x1, y1, inside_hits, far_hits);
  check(inside_hits >= 100, "closed roads drawn in the closure colour inside the closure");
  check(far_hits == 0, "no closed-road colour far from the closure");
  check(s["errors"].empty(), "no errors reported by the viewer");
  std::printf("%d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
