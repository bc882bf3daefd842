// Crash recovery in a real window (app/autosave.hpp). A viewer a person would use (no
// --screenshot: it runs until closed) opens Monaco and its pharmacies with a nearest-facility
// origin, a drawn
// closure and a view; once its autosave holds them it is killed with SIGKILL. Then:
//   --recover yes  restores the region, the file opened with it, the origin, the closure and the
//   view (from the dumped
//                  project state), and the clean exit marks the session file clean;
//   --recover no   (the crash put back) starts fresh on the default region;
//   --recover ask  (the crash put back) shows the dialog and opens nothing until answered; an
//                  unanswered dialog keeps the crashed session for next time. Its screenshot is
//                  viewer-recover-ja.png in the work dir.
// Usage: caremap_viewer_recover_window_check <caremap-viewer> <work dir>.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_paths.hpp"
#include "window_check_support.hpp"

extern char** environ;

using namespace caremap;
using namespace caremap::window_check;
namespace fs = std::filesystem;

namespace {

const double kOriginLon = 7.4205;
const double kOriginLat = 43.7335;
const std::string kPharmacies =
    std::string(CAREMAP_APP_TEST_DATA_DIR) + "/monaco_pharmacies.geojson";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::optional<nlohmann::json> read_json(const fs::path& p) {
  try {
    return nlohmann::json::parse(read_file(p));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool near(const nlohmann::json& lonlat, double lon, double lat) {
  return lonlat.is_array() && lonlat.size() == 2 &&
         std::abs(lonlat[0].get<double>() - lon) < 1e-7 &&
         std::abs(lonlat[1].get<double>() - lat) < 1e-7;
}

// The same closures, vertex for vertex (within 1e-9 degrees: they went through the working CRS).
bool same_closures(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i]["kind"] != b[i]["kind"] || a[i]["points"].size() != b[i]["points"].size()) {
      return false;
    }
    for (std::size_t k = 0; k < a[i]["points"].size(); ++k) {
      const auto& pa = a[i]["points"][k];
      const auto& pb = b[i]["points"][k];
      if (std::abs(pa[0].get<double>() - pb[0].get<double>()) > 1e-9 ||
          std::abs(pa[1].get<double>() - pb[1].get<double>()) > 1e-9) {
        return false;
      }
    }
  }
  return true;
}

// The autosave has everything the first viewer was given.
bool holds_the_work(const nlohmann::json& session) {
  const nlohmann::json& p = session["project"];
  return p["region"] == "monaco" && p["files"] == nlohmann::json::array({kPharmacies}) &&
         p.contains("nearest") && near(p["nearest"], kOriginLon, kOriginLat) &&
         p["closures"].size() == 1 && p.contains("view");
}

int run(const std::string& command) {
  std::printf("running: %s\n", command.c_str());
  const int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string quoted(const fs::path& p) {
  return "\"" + p.string() + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <caremap-viewer> <work dir>\n", argv[0]);
    return 2;
  }
  const fs::path viewer = argv[1];
  const fs::path work = argv[2];
  isolate_viewer(work);
  const fs::path session = work / "state" / "caremap" / "session.json";

  // 1. A person's session, killed outright.
  std::vector<std::string> args{viewer.string(),
                                "--region",
                                "monaco",
                                kPharmacies,
                                "--nearest",
                                "7.4205,43.7335",
                                "--k",
                                "2",
                                "--closure-polygon",
                                "7.4150 43.7300, 7.4200 43.7300, 7.4200 43.7340",
                                "--view",
                                "7.4240,43.7370,15",
                                "--lang",
                                "ja",
                                "--size",
                                "1600x1000"};
  std::vector<char*> argv_c;
  for (auto& a : args) {
    argv_c.push_back(a.data());
  }
  argv_c.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv_c[0], nullptr, nullptr, argv_c.data(), environ) != 0) {
    check(false, "the first viewer starts");
    return finish();
  }
  std::optional<nlohmann::json> saved;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    saved = read_json(session);
    if (saved && holds_the_work(*saved)) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the first viewer was SIGKILLed");
  check(saved && holds_the_work(*saved), "its autosave held the region, origin, closure, view");
  if (!saved || !holds_the_work(*saved)) {
    return finish();
  }
  check((*saved)["clean_exit"] == false && (*saved)["pid"] == pid,
        "the autosave is the killed viewer's, without the clean-exit marker");
  const std::string crashed = read_file(session);
  const nlohmann::json& work_saved = (*saved)["project"];

  auto headless = [&](const std::string& answer, const std::string& name) {
    return quoted(viewer) + " --recover " + answer + " --lang ja --size 1600x1000 --frames 2" +
           " --screenshot " + quoted(work / (name + ".png")) + " --dump-state " +
           quoted(work / (name + ".json"));
  };

  // 2. Recover.
  check(run(headless("yes", "restored")) == 0, "--recover yes exits with 0");
  if (const auto state = read_json(work / "restored.json")) {
    const nlohmann::json& p = (*state)["project"];
    check((*state)["recovery"] == "restored", "the state was restored");
    check(p["region"] == "monaco", "region restored");
    check(p.contains("nearest") && near(p["nearest"], kOriginLon, kOriginLat),
          "nearest origin restored");
    check(p["nearest_k"] == 2, "k restored");
    check(same_closures(p["closures"], work_saved["closures"]),
          "the drawn closure restored, vertex for vertex");
    check(p["files"] == work_saved["files"], "the pharmacies file opened again");
    check(p.contains("view") &&
              std::abs(p["view"]["zoom"].get<double>() - work_saved["view"]["zoom"].get<double>()) <
                  1e-6 &&
              near(p["view"]["center"], work_saved["view"]["center"][0],
                   work_saved["view"]["center"][1]),
          "view restored");
    bool nearest_layer = false;
    for (const auto& l : (*state)["layers"]) {
      nearest_layer = nearest_layer || l["id"] == "nearest";
    }
    check(nearest_layer, "the nearest analysis ran again (its result layer is there)");
    check((*state)["errors"].empty(), "no errors after restoring");
  } else {
    check(false, "--recover yes dumped its state");
  }
  const auto after_restore = read_json(session);
  check(after_restore && (*after_restore)["clean_exit"] == true,
        "the clean exit marked the session file clean");

  // 3. Discard (the crash put back).
  std::ofstream(session, std::ios::binary | std::ios::trunc) << crashed;
  check(run(headless("no", "declined")) == 0, "--recover no exits with 0");
  if (const auto state = read_json(work / "declined.json")) {
    check((*state)["recovery"] == "declined", "the state was declined");
    check((*state)["project"]["region"] == "munakata-fukutsu",
          "a fresh start on the default region");
    check((*state)["project"]["closures"].empty(), "no closure from the crashed session");
  } else {
    check(false, "--recover no dumped its state");
  }

  // 4. Ask (the crash put back): the dialog, nothing opened, the crash kept when unanswered.
  std::ofstream(session, std::ios::binary | std::ios::trunc) << crashed;
  check(run(headless("ask", "viewer-recover-ja")) == 0, "--recover ask exits with 0");
  if (const auto state = read_json(work / "viewer-recover-ja.json")) {
    check((*state)["recovery"] == "offered", "recovery was offered");
    check((*state)["layers"].empty(), "nothing is opened before the answer");
  } else {
    check(false, "--recover ask dumped its state");
  }
  check(read_file(session) == crashed, "an unanswered dialog keeps the crashed session");
  const Image dialog = load_png(work / "viewer-recover-ja.png");
  check(dialog.w == 1600 && dialog.h == 1000, "the dialog's screenshot is 1600x1000");
  return finish();
}
