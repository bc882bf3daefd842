// Presentation mode in a real window (app/presentation.hpp). A copy of the default region's
// project file, with two saved views, is opened with --slide 2: the viewer must start full
// screen on the second slide (its coverage computed, its layers and no others shown) with the
// title band across the top, no menu and no panels (the map takes the whole window under the
// band), and the legend and credit plate kept.
// Usage: caremap_viewer_present_window_check <caremap-viewer> <work dir>.

#include <fstream>
#include <string>

#include "app/presentation.hpp"
#include "test_paths.hpp"
#include "window_check_support.hpp"

using namespace caremap;
using namespace caremap::window_check;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSlideTitle = "診療所から4 km：空白地域";

// The shipped project with its paths made absolute (the copy lives in the work dir) and two views.
fs::path write_project(const fs::path& work) {
  const fs::path data = CAREMAP_TEST_DATA_DIR;
  std::ifstream in(data / "munakata-fukutsu.caremap.json");
  nlohmann::ordered_json p = nlohmann::ordered_json::parse(in, nullptr, true, true);
  auto absolute = [&](nlohmann::ordered_json& j, const char* key) {
    if (j.contains(key) && j[key].is_string()) {
      j[key] = (data / j[key].get<std::string>()).string();
    }
  };
  absolute(p, "roads");
  absolute(p, "road_profile");
  for (auto& l : p["layers"]) {
    absolute(l, "source");
  }
  absolute(p["population"], "source");
  const nlohmann::ordered_json extent = {130.44, 33.70, 130.66, 33.89};
  p["views"] =
      nlohmann::ordered_json::array({{{"title", "宗像市・福津市の病院と診療所"},
                                      {"extent_lonlat", extent},
                                      {"layers", {"boundary", "hospitals", "clinics"}}},
                                     {{"title", kSlideTitle},
                                      {"extent_lonlat", extent},
                                      {"layers", {"boundary", "clinics", "coverage_gap"}},
                                      {"coverage", {{"category", "clinic"}, {"radius_m", 4000}}}}});
  const fs::path out = work / "present.caremap.json";
  std::ofstream(out) << p.dump(2);
  return out;
}

std::string present_command(const ViewerFiles& files) {
  const fs::path project = write_project(files.shot.parent_path());
  return "\"" + files.viewer.string() + "\" \"" + project.string() +
         "\" --lang ja --size 1600x1000 --frames 3 --slide 2 --screenshot \"" +
         files.shot.string() + "\" --dump-state \"" + files.state.string() + "\"";
}

bool visible(const nlohmann::json& state, const std::string& id) {
  for (const auto& l : state["layers"]) {
    if (l["id"] == id) {
      return l["visible"].get<bool>();
    }
  }
  return false;
}

void check_presentation(const ViewerRun& run) {
  const nlohmann::json& s = run.state;
  const nlohmann::json& p = s["presentation"];
  check(p["active"] == true, "the viewer started in presentation mode");
  check(p["slide"] == 2 && p["slides"] == 2, "on slide 2 of 2 (--slide 2)");
  check(p["title"] == kSlideTitle, "the slide is the second saved view");

  // No panels and no menu: the map is the whole window under the title band.
  const MapPixels& map = run.map;
  check(map.map_x == 0.0 && map.map_width == 1600.0, "the map spans the window's width");
  check(map.map_y == app::kSlideBandHeight && map.map_y + map.map_height == 1000.0,
        "the map fills the window under the title band");

  // The title band's colour across the top, left, middle and right (between the glyphs).
  const style::Rgba band{app::kSlideBand[0], app::kSlideBand[1], app::kSlideBand[2], 255};
  const Image& img = run.screenshot;
  int band_pixels = 0;
  int probes = 0;
  for (int x = 4; x < 1600; x += 37) {
    for (int y : {3, 80}) {
      ++probes;
      band_pixels += near_colour(img.at(x, y), band, 2) ? 1 : 0;
    }
  }
  check(band_pixels >= probes * 9 / 10, "the title band's colour along its top and bottom edges (" +
                                            std::to_string(band_pixels) + " of " +
                                            std::to_string(probes) + ")");
  // Where the layers panel and the analysis panel would be, the map is drawn: no pixel of a
  // panel's background (ImGui's light window colour) fills those columns.
  auto panel_share = [&](int x0, int x1) {
    int panel = 0;
    int all = 0;
    for (int y = 120; y < 900; y += 7) {
      for (int x = x0; x < x1; x += 7) {
        ++all;
        panel += near_colour(img.at(x, y), style::Rgba{249, 249, 247, 255}, 1) ? 1 : 0;
      }
    }
    return static_cast<double>(panel) / all;
  };
  check(panel_share(0, 330) < 0.5 && panel_share(1230, 1600) < 0.5,
        "no panel drawn at the left or right");

  check(visible(s, "coverage_gap"), "the slide's coverage gaps are computed and shown");
  check(visible(s, "clinics") && visible(s, "boundary"), "the slide's layers are shown");
  check(!visible(s, "hospitals") && !visible(s, "coverage_mesh"), "the others are hidden");
  check(s["project"].is_object(), "the state was dumped");
}

}  // namespace

int main(int argc, char** argv) {
  return run_window_check(argc, argv, "present.png", present_command, check_presentation);
}
