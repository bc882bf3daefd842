// Real-window test of cancellation: starts caremap-viewer with --cancel KIND, which cancels the
// first job of that kind as soon as it is queued, and checks from the dumped state that the
// viewer went back to idle instead of waiting for ever:
//   open          the region load is cancelled: no "Loading…" left, and the data file given on
//                 the command line (which waits for the region) still opens;
//   network       the road-network load is cancelled: its "loading" flag is cleared;
//   coverage      the coverage job is cancelled: no coverage layers, nothing pending;
//   service-area  the service-area job is cancelled once the network is in: no band layer.
// In every case the run settles (screenshot written, exit 0), no job is left and no error is
// reported. Usage: caremap_viewer_cancel_window_check <caremap-viewer> <work dir> <kind>.

#include <algorithm>
#include <cstdio>
#include <string>

#include "test_paths.hpp"
#include "window_check_support.hpp"

using namespace caremap;
using namespace caremap::window_check;

namespace {

std::string g_kind;

bool has_layer(const nlohmann::json& state, const std::string& id) {
  const auto& layers = state["layers"];
  return std::any_of(layers.begin(), layers.end(),
                     [&](const nlohmann::json& l) { return l["id"] == id; });
}

std::string command(const ViewerFiles& files) {
  const std::string pharmacies =
      std::string(CAREMAP_APP_TEST_DATA_DIR) + "/monaco_pharmacies.geojson";
  std::string what;
  if (g_kind == "open") {
    what = "--region monaco \"" + pharmacies + "\"";
  } else if (g_kind == "network") {
    what = "--region monaco --service-area 7.4200,43.7380";
  } else if (g_kind == "coverage") {
    what = "--coverage clinic:4000";  // the default region: it has city boundaries
  } else {
    what = "--region monaco --service-area 7.4200,43.7380 --bands 2,4";
  }
  return "\"" + files.viewer.string() + "\" " + what + " --cancel " + g_kind +
         " --lang ja --size 1600x1000 --frames 2 --screenshot \"" + files.shot.string() +
         "\" --dump-state \"" + files.state.string() + "\"";
}

void checks(const ViewerRun& run) {
  const nlohmann::json& s = run.state;
  const auto& cancelled = s["cancelled"];
  check(std::find(cancelled.begin(), cancelled.end(), g_kind) != cancelled.end(),
        "the " + g_kind + " job was cancelled");
  check(s["jobs_idle"] == true, "no job left queued or running");
  check(s["loads_pending"] == 0, "no load left pending (no \"Loading…\" for ever)");
  check(s["network_loading"] == false, "the road network is not left \"loading\"");
  if (g_kind == "open") {
    check(has_layer(s, "monaco_pharmacies"), "the file waiting for the region still opened");
  } else if (g_kind == "network") {
    check(!has_layer(s, "road_network"), "no road network after cancelling its load");
  } else if (g_kind == "coverage") {
    check(!has_layer(s, "coverage_area") && !has_layer(s, "coverage_gap"),
          "no coverage layers after cancelling the coverage");
    check(s["layers"].size() > 3, "the region's layers are there");
  } else {
    check(has_layer(s, "road_network"), "the road network loaded");
    check(!has_layer(s, "service_area"), "no service areas after cancelling them");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <caremap-viewer> <work dir> <kind>\n", argv[0]);
    return 2;
  }
  g_kind = argv[3];
  return run_window_check(3, argv, "cancel-" + g_kind + ".png", command, checks);
}
