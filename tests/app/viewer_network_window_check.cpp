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

#include <cmath>
#include <cstdio>
#include <string>

#include "app/map_drawing.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "crs/transformer.hpp"
#include "routing/profile.hpp"
#include "style/style.hpp"
#include "window_check_support.hpp"

using namespace caremap;
using namespace caremap::window_check;

namespace {

const core::LonLat kOrigin{7.4200, 43.7380};
// A block south-east of the origin, across several streets.
const core::LonLat kClosureMin{7.4225, 43.7345};
const core::LonLat kClosureMax{7.4260, 43.7375};

std::string monaco_command(const ViewerFiles& files) {
  char closure[256];
  std::snprintf(closure, sizeof closure, "%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f",
                kClosureMin.lon, kClosureMin.lat, kClosureMax.lon, kClosureMin.lat, kClosureMax.lon,
                kClosureMax.lat, kClosureMin.lon, kClosureMax.lat);
  return "\"" + files.viewer.string() + "\" --region monaco --lang ja --size 1600x1000 --frames 3" +
         " --service-area 7.4200,43.7380 --bands 2,4,6min --sa-shape rings" +
         " --closure-polygon \"" + closure + "\" --view 7.4225,43.7370,14.5" + " --screenshot \"" +
         files.shot.string() + "\" --dump-state \"" + files.state.string() + "\"";
}

void check_network_tools(const ViewerRun& run) {
  const Image& img = run.screenshot;
  const nlohmann::json& s = run.state;
  const MapPixels& map = run.map;
  check(s["working_crs"] == "EPSG:32632", "Monaco's working CRS (UTM 32N)");
  crs::Transformer lonlat = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:32632"));

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
  const auto [ox, oy] = map.project(lonlat.forward(kOrigin));
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
    const core::XY o = lonlat.forward(kOrigin);
    const double extent = std::max({o.x - lo.x, hi.x - o.x, o.y - lo.y, hi.y - o.y});
    std::printf("     service areas reach %.0f m from the origin (at most %.0f m possible)\n",
                extent, reach_m);
    check(extent > 0.0 && extent <= reach_m, "service areas stay within 6 minutes' reach");
    int outside = 0;
    int probed = 0;
    const double margin = 3.0 * map.m_per_px;
    for (int y = map.top() + 2; y < map.bottom() - 2; y += 3) {
      for (int x = map.left() + 2; x < map.right() - 2; x += 3) {
        const core::XY w = map.world(x, y);
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
  const auto [x0, y1] = map.project(lonlat.forward(kClosureMin));
  const auto [x1, y0] = map.project(lonlat.forward(kClosureMax));
  int inside_hits = 0;
  for (int y = y0 + 5; y < y1 - 5; ++y) {
    for (int x = x0 + 5; x < x1 - 5; ++x) {
      inside_hits += near_colour(img.at(x, y), closed, 6) ? 1 : 0;
    }
  }
  int far_hits = 0;
  for (int y = map.top() + 60; y < map.bottom() - 60; ++y) {
    for (int x = map.left() + 10; x < map.right() - 70; ++x) {
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
}

}  // namespace

int main(int argc, char** argv) {
  return run_window_check(argc, argv, "monaco.png", monaco_command, check_network_tools);
}
