#include "app/viewer.hpp"

#include <epoxy/gl.h>

// GLFW after epoxy: epoxy provides the GL declarations, GLFW must not include its own.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/autosave.hpp"
#include "app/facility_layers.hpp"
#include "app/frame_composer.hpp"
#include "app/job_outcome.hpp"
#include "app/loading.hpp"
#include "app/map_drawing.hpp"
#include "app/map_overlay.hpp"
#include "app/map_view.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/modules/nearest/nearest_module.hpp"
#include "app/modules/plan/plan_module.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "app/modules/team/team_module.hpp"
#include "app/network_jobs.hpp"
#include "app/options.hpp"
#include "app/panels.hpp"
#include "app/presentation.hpp"
#include "app/presenter.hpp"
#include "app/project_capture.hpp"
#include "app/recovery_dialog.hpp"
#include "app/report_export.hpp"
#include "app/settings.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/atomic_file.hpp"

namespace caremap::app {

namespace {

using Clock = std::chrono::steady_clock;

struct SteadyTimes {
  std::size_t count = 0;
  double median_ms = 0.0;
  double p95_ms = 0.0;
};

// Median and 95th percentile once the first frames are dropped (caches, uploads, label fonts):
// headless runs drop up to 10 (they time only settled frames), interactive ones the first quarter.
SteadyTimes steady_times(const std::vector<double>& times_ms, bool headless) {
  const std::size_t skip =
      headless ? std::min<std::size_t>(times_ms.size() / 2, 10) : times_ms.size() / 4;
  std::vector<double> ms(times_ms.begin() + static_cast<std::ptrdiff_t>(skip), times_ms.end());
  if (ms.empty()) {
    return {};
  }
  std::sort(ms.begin(), ms.end());
  return {ms.size(), ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

struct GlfwLibrary {
  GlfwLibrary() {
    glfwSetErrorCallback([](int code, const char* text) {
      std::fprintf(stderr, "caremap-viewer: GLFW error %d: %s\n", code, text);
    });
    if (glfwInit() != GLFW_TRUE) {
      throw core::Error("cannot initialise GLFW (is there a display? try xvfb-run)");
    }
  }
  ~GlfwLibrary() { glfwTerminate(); }
  GlfwLibrary(const GlfwLibrary&) = delete;
  GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

struct WindowDeleter {
  void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

struct ImGuiSession {
  explicit ImGuiSession(GLFWwindow* window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is ours (settings.json), not imgui.ini
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  ImGuiSession(const ImGuiSession&) = delete;
  ImGuiSession& operator=(const ImGuiSession&) = delete;
};

// A calm light theme: a tool a city office shows a committee, not a game console.
void apply_theme() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 0.0f;
  s.FrameRounding = 3.0f;
  s.GrabRounding = 3.0f;
  s.WindowBorderSize = 1.0f;
  s.FramePadding = ImVec2(6, 4);
  s.ItemSpacing = ImVec2(8, 6);
  s.WindowPadding = ImVec2(10, 8);
  s.ScrollbarSize = 12.0f;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.975f, 0.97f, 1.0f);
  c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.86f, 0.88f, 0.90f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.0f, 0.447f, 0.698f, 0.16f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.447f, 0.698f, 0.28f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.447f, 0.698f, 0.40f);
  c[ImGuiCol_CheckMark] = ImVec4(0.0f, 0.447f, 0.698f, 1.0f);
  c[ImGuiCol_SliderGrab] = ImVec4(0.0f, 0.447f, 0.698f, 0.8f);
  c[ImGuiCol_Button] = ImVec4(0.0f, 0.447f, 0.698f, 0.12f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.0f, 0.447f, 0.698f, 0.25f);
  c[ImGuiCol_PlotHistogram] = ImVec4(0.0f, 0.447f, 0.698f, 0.8f);
  c[ImGuiCol_Text] = ImVec4(0.13f, 0.13f, 0.14f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.43f, 0.45f, 1.0f);
}

class Viewer {
 public:
  explicit Viewer(ViewerOptions options);
  int run();

 private:
  void frame();
  void open_startup_inputs();
  void prepare_recovery();
  void restore(const SessionRecord& record);
  void answer_recovery(bool recover);
  void autosave_tick();
  void restore_visibility();
  void wait_for_next_frame();
  void apply_network_options();
  void poll_jobs();
  void after_loads();
  void cancel_scripted_jobs();
  void scripted_report();
  void rebuild_fonts(float label_scale);
  void write_screenshot(const std::filesystem::path& path);
  void dump_state(const std::filesystem::path& path);
  void do_export(const std::filesystem::path& path, int width, int height);

  ViewerOptions m_options;
  Settings m_settings;
  std::filesystem::path m_settings_path;
  GlfwLibrary m_glfw;
  WindowPtr m_window;
  std::unique_ptr<ImGuiSession> m_imgui;
  std::unique_ptr<render::MapRenderer> m_renderer;
  AppState m_app;
  ViewState m_view;
  PanelLayout m_layout;
  Fonts m_fonts;
  ExportRequest m_export;
  std::vector<std::string> m_dropped;
  std::uint64_t m_loads_seen = 0;
  bool m_startup_done = false;
  std::vector<std::string> m_errors;  // job errors, reported at exit in headless runs
  Clock::time_point m_start = Clock::now();
  std::optional<double> m_first_frame_s;       // first frame on screen
  std::optional<double> m_first_data_frame_s;  // first frame showing loaded data
  std::vector<double> m_frame_ms;
  /// Start-to-start time of consecutive timed frames: the frame's work plus presenting it and
  /// polling events, i.e. what bounds the frame rate (headless runs, where nothing paces the loop).
  std::vector<double> m_interval_ms;
  bool m_last_frame_timed = false;
  FrameComposer m_composer;
  LabelCache m_label_cache;
  std::unique_ptr<Presenter> m_presenter;
  bool m_full_redraw = true;  // the next frame redraws everything (font atlas changed)
  bool m_profile = std::getenv("CAREMAP_PROFILE") != nullptr;
  Clock::time_point m_last_frame_start = Clock::now();
  bool m_settled = false;  // headless: everything scripted has loaded and computed
  std::uint64_t m_pan_frames = 0;
  /// --cancel: job kinds still to cancel once they are queued, and the ones cancelled.
  std::vector<std::string> m_cancel_pending;
  std::vector<std::string> m_cancelled;
  bool m_report_pending = false;  ///< --report: not pressed yet
  JobId m_region_job = 0;
  /// The autosave (app/autosave.hpp); unset when this run does not take part.
  std::optional<Autosaver> m_autosave;
  /// A crashed session waiting for the recovery dialog's answer: nothing is opened meanwhile.
  std::optional<SessionRecord> m_recoverable;
  /// The dialog's answer, applied before the next frame (a language change rebuilds the fonts,
  /// which must not happen inside a frame).
  std::optional<bool> m_recovery_answer;
  std::string m_recovery = "none";  ///< none, offered, restored, declined (for --dump-state)
  /// Saved visibility of layers not yet back (result layers arrive when their job ends).
  std::map<std::string, bool> m_restore_visible;
  Clock::time_point m_last_autosave_check;
  bool m_autosave_failed = false;  ///< the failure was logged once
};

Viewer::Viewer(ViewerOptions options) : m_options(std::move(options)) {
  if (!m_options.no_settings) {
    try {
      m_settings_path = settings_path();
      std::string warning;
      m_settings = load_settings(m_settings_path, &warning);
      if (!warning.empty()) {
        log_message(m_app, warning);
      }
    } catch (const core::Error& e) {
      log_message(m_app, e.what());
    }
  }
  prepare_recovery();
  m_app.lang = m_options.lang.value_or(m_settings.lang.value_or(Lang::ja));
  m_view.show_layers = m_settings.show_layers;
  m_view.show_legend = m_settings.show_legend;
  m_view.show_inspector = m_settings.show_inspector || m_options.inspector;
  m_view.show_table = m_settings.show_table || m_options.table_layer.has_value();
  m_view.show_analysis = m_settings.show_analysis;
  m_view.export_png.width = m_settings.export_width;
  m_view.interactive = !m_options.headless();

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  const bool size_given =
      m_options.width != 1600 || m_options.height != 1000 || m_options.headless();
  const int w = size_given ? m_options.width : m_settings.window_w;
  const int h = size_given ? m_options.height : m_settings.window_h;
  m_window.reset(glfwCreateWindow(w, h, tr(m_app.lang, Str::app_title), nullptr, nullptr));
  if (!m_window) {
    throw core::Error("cannot create an OpenGL 3.3 core window");
  }
  glfwMakeContextCurrent(m_window.get());
  glfwSwapInterval(m_options.headless() ? 0 : 1);
  glfwSetWindowUserPointer(m_window.get(), this);
  glfwSetDropCallback(m_window.get(), [](GLFWwindow* win, int count, const char** paths) {
    auto* self = static_cast<Viewer*>(glfwGetWindowUserPointer(win));
    for (int i = 0; i < count; ++i) {
      self->m_dropped.emplace_back(paths[i]);
    }
  });
  m_imgui = std::make_unique<ImGuiSession>(m_window.get());
  m_presenter = std::make_unique<Presenter>(m_window.get());
  glfwSetWindowRefreshCallback(m_window.get(), [](GLFWwindow* win) {
    static_cast<Viewer*>(glfwGetWindowUserPointer(win))->m_presenter->invalidate();
  });
  apply_theme();
  m_renderer = std::make_unique<render::MapRenderer>(render::shader_dir());
  rebuild_fonts(1.0f);
  m_cancel_pending = m_options.cancel;
  m_report_pending = m_options.report.has_value();
  if (!m_recoverable) {
    open_startup_inputs();
  }
}

// After a crash the dialog asks first; what to open depends on the answer.
void Viewer::open_startup_inputs() {
  // What to open: a region (by name or project file) and/or data files.
  std::vector<std::filesystem::path> files;
  std::optional<std::string> region = m_options.region;
  for (const auto& input : m_options.inputs) {
    if (!region && input.extension() == ".json" &&
        input.string().find(".caremap") != std::string::npos) {
      region = input.string();
    } else {
      files.push_back(input);
    }
  }
  if (!region && files.empty()) {
    region = "munakata-fukutsu";
  }
  if (region) {
    m_region_job = start_open_region(m_app, *region);
  } else {
    set_working_crs(m_app, m_app.working_crs);
  }
  // Loose files are read in the region's CRS: queue them after the region has arrived.
  for (const auto& f : files) {
    m_dropped.push_back(f.string());
  }
  for (const auto& b : m_options.basemaps) {
    m_dropped.push_back(b.string());
  }
}

void Viewer::prepare_recovery() {
  if (m_options.headless() && !m_options.recover) {
    return;  // a scripted screenshot or export is nobody's work to save
  }
  std::filesystem::path path;
  try {
    path = autosave_path();
  } catch (const core::Error& e) {
    log_message(m_app, e.what());
    return;
  }
  const SessionCheck previous = check_previous_session(path);
  if (!previous.warning.empty()) {
    log_message(m_app, previous.warning);
  }
  if (previous.kind == PreviousSession::running) {
    log_message(m_app, "another caremap-viewer (process " + std::to_string(previous.record->pid) +
                           ") is autosaving: this one does not");
    return;
  }
  m_autosave.emplace(path);
  if (previous.kind != PreviousSession::crashed) {
    return;
  }
  const std::string answer = m_options.recover.value_or("ask");
  if (answer == "yes") {
    restore(*previous.record);
  } else if (answer == "no") {
    m_recovery = "declined";
  } else {
    m_recoverable = previous.record;
    m_recovery = "offered";
  }
}

void Viewer::restore(const SessionRecord& record) {
  restore_options(record.project, m_options);
  m_restore_visible = record.project.layer_visible;
  m_recovery = "restored";
  log_message(m_app, "restored the work autosaved at " + record.saved_at);
}

void Viewer::answer_recovery(bool recover) {
  const SessionRecord record = *std::exchange(m_recoverable, std::nullopt);
  if (recover) {
    restore(record);
    // The restored language, unless --lang chose one (restore_options keeps it then).
    if (m_options.lang && *m_options.lang != m_app.lang) {
      m_app.lang = *m_options.lang;
      rebuild_fonts(1.0f);
    }
  } else {
    m_recovery = "declined";
  }
  open_startup_inputs();
}

// Checked once a second once the scripted start is applied (earlier, a restore in progress
// would be saved half done); written only when something changed.
void Viewer::autosave_tick() {
  if (!m_autosave || m_recoverable || !m_startup_done) {
    return;
  }
  const auto now = Clock::now();
  if (now - m_last_autosave_check < std::chrono::seconds(1)) {
    return;
  }
  m_last_autosave_check = now;
  try {
    m_autosave->update(capture_project_state(m_app, m_view), now);
  } catch (const core::Error& e) {
    if (!std::exchange(m_autosave_failed, true)) {
      log_message(m_app, std::string("autosave: ") + e.what());
    }
  }
}

void Viewer::restore_visibility() {
  std::erase_if(m_restore_visible, [&](const auto& saved) {
    LayerEntry* e = find_layer(m_app, saved.first);
    if (e == nullptr) {
      return false;
    }
    e->style.visible = saved.second;
    return true;
  });
}

void Viewer::rebuild_fonts(float label_scale) {
  m_fonts = build_fonts(m_app, label_scale);
  m_full_redraw = true;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  // Draw lists made outside a frame (the PNG export) read the atlas's white pixel from the shared
  // data, which NewFrame refreshes only at the next frame.
  ImDrawListSharedData* shared = ImGui::GetDrawListSharedData();
  shared->TexUvWhitePixel = ImGui::GetIO().Fonts->TexUvWhitePixel;
  shared->TexUvLines = ImGui::GetIO().Fonts->TexUvLines;
}

void Viewer::poll_jobs() {
  for (std::string& failure : apply_finished_jobs(m_app)) {
    m_errors.push_back(std::move(failure));
  }
}

// --cancel: each kind's first job is cancelled as soon as it is queued (found by its id or its
// job key, never by its label), so the window tests can check the viewer returns to idle.
void Viewer::cancel_scripted_jobs() {
  if (m_cancel_pending.empty()) {
    return;
  }
  const std::vector<JobStatus> jobs = m_app.jobs.status();
  std::erase_if(m_cancel_pending, [&](const std::string& kind) {
    if (kind == "open") {
      if (m_region_job == 0) {
        return false;
      }
      m_app.jobs.cancel(m_region_job);
      m_cancelled.push_back(kind);
      return true;
    }
    const std::string key = kind == "network"    ? kJobNetworkLoad
                            : kind == "coverage" ? CoverageModule::kJob
                                                 : ServiceAreasModule::kJob;
    for (const JobStatus& j : jobs) {
      if (j.key == key) {
        m_app.jobs.cancel(j.id);
        m_cancelled.push_back(kind);
        return true;
      }
    }
    return false;
  });
}

// --report: the Report button pressed once the start has settled (a drill: once it is solved).
void Viewer::scripted_report() {
  if (!m_report_pending || !m_startup_done || report_waits_for_roads(m_app)) {
    return;
  }
  if (*m_options.report == "coverage") {
    m_report_pending = false;
    start_coverage_report(m_app);
    return;
  }
  const DrillModuleState& d = drill_state(m_app);
  if (d.solved && !d.solving && !d.loading && !m_app.jobs.busy(DrillModule::kSolveJob)) {
    m_report_pending = false;
    start_drill_report(m_app);
  } else if (!d.note.empty() && !d.loading && !d.solving && !d.solved) {
    m_report_pending = false;
    m_errors.push_back("--report drill: " + d.note);
  }
}

void Viewer::after_loads() {
  if (m_app.loads_completed == m_loads_seen) {
    return;
  }
  m_loads_seen = m_app.loads_completed;
  apply_layer_styles(m_settings, m_app);
  // Files waiting for the region's working CRS.
  if (m_app.lonlat && !m_dropped.empty()) {
    for (const std::string& path : std::exchange(m_dropped, {})) {
      start_open_file(m_app, path);
    }
  }
  if (!m_view.camera_ready) {
    m_view.fit_request = fit_bounds(m_app);
  }
  if (m_app.loads_completed < m_app.loads_started || m_startup_done) {
    return;
  }
  // Everything requested on the command line has loaded: apply the scripted state once.
  m_startup_done = true;
  if (m_options.fit_layer) {
    if (LayerEntry* e = find_layer(m_app, *m_options.fit_layer); e && e->layer) {
      m_view.fit_request = e->layer->bounds();
    } else {
      m_errors.push_back("--fit: no layer '" + *m_options.fit_layer + "'");
    }
  }
  if (m_options.view && m_app.lonlat) {
    const core::XY c = m_app.lonlat->forward(m_options.view->center);
    sync_camera(m_view);
    m_view.camera.set_center(c);
    m_view.camera.set_meters_per_pixel(
        render::m_per_px_from_zoom_level(m_options.view->zoom, m_options.view->center.lat));
    m_view.fit_request.reset();
    m_view.camera_ready = true;
  }
  if (m_options.table_layer) {
    if (LayerEntry* e = find_layer(m_app, *m_options.table_layer)) {
      m_view.table.layer_uid = e->uid;
    } else {
      m_errors.push_back("--table: no layer '" + *m_options.table_layer + "'");
    }
  }
  m_view.table.search = m_options.search;
  if (m_options.select) {
    LayerEntry* e = find_layer(m_app, m_options.select->layer_id);
    if (e && e->layer && m_options.select->row < e->layer->size()) {
      m_app.selection =
          Selection{e->uid, core::FeatureId{static_cast<std::uint32_t>(m_options.select->row)}};
      m_view.show_inspector = true;
      sync_camera(m_view);
      if (m_view.fit_request) {
        m_view.camera.fit(*m_view.fit_request, 32.0);
        m_view.fit_request.reset();
        m_view.camera_ready = true;
      }
      centre_on_selection(m_app, m_view, 6.0);
    } else {
      m_errors.push_back("--select: no feature " + m_options.select->layer_id + ":" +
                         std::to_string(m_options.select->row));
    }
  }
  nearest_state(m_app).k = static_cast<int>(m_options.nearest_k);
  if (m_options.nearest && m_app.lonlat) {
    start_nearest(m_app, m_app.lonlat->forward(*m_options.nearest));
  }
  if (m_options.coverage) {
    CoverageState& coverage = coverage_state(m_app);
    coverage.category = m_options.coverage->category;
    coverage.radius_m =
        static_cast<float>(coverage_radius_for(m_app, m_options.coverage->category).value);
    if (m_options.coverage->radius_m) {
      coverage.radius_m = static_cast<float>(*m_options.coverage->radius_m);
      coverage.radius_from_user = true;
    }
    start_coverage(m_app);
  }
  if (m_options.team || m_options.team_home_help || m_options.team_by_road) {
    team_state(m_app).require_home_help = m_options.team_home_help;
    team_state(m_app).by_road = m_options.team_by_road;
    start_team(m_app);
    m_view.open_sections = std::vector<std::string>{"team"};
  }
  if (m_options.views) {
    // Restored: the views as they were in the viewer, over the project file's.
    m_app.views = *m_options.views;
    ++m_app.names_generation;  // the slide titles' glyphs
  }
  apply_network_options();
  if (m_options.gsi || m_settings.gsi) {
    set_gsi_basemap(m_app, true);
  }
  if (m_options.present) {
    const int wanted = m_options.slide.value_or(1);
    const auto count = static_cast<int>(slides(m_app).size());
    if (wanted > count) {
      m_errors.push_back("--slide " + std::to_string(wanted) + ": there are " +
                         std::to_string(count) + " slides");
    }
    start_presentation(m_app, m_view, wanted - 1);
  }
}

void Viewer::apply_network_options() {
  const ViewerOptions& o = m_options;
  const bool plan = !o.plan_add.empty() || !o.plan_remove.empty() || o.plan_reach_min;
  const bool any = o.osm || o.profile || o.route || o.service_area || !o.closures.empty() ||
                   !o.closures_files.empty() || plan || o.drill;
  if (o.tab) {
    m_view.analysis_tab_request = *o.tab;
  } else if (any) {
    m_view.analysis_tab_request = 1;
  }
  if (any) {
    // A scripted run shows the sections it uses (the panel is not scrolled in a screenshot).
    const bool closures = !o.closures.empty() || !o.closures_files.empty();
    std::vector<std::string> open;
    for (const auto& [wanted, id] :
         {std::pair{o.route.has_value(), "routes"},
          std::pair{o.service_area.has_value(), "service_areas"}, std::pair{closures, "closures"},
          std::pair{plan, "plan"}, std::pair{o.drill.has_value(), "drill"}}) {
      if (wanted) {
        open.emplace_back(id);
      }
    }
    m_view.open_sections = open;
  }
  if (!any || !m_app.lonlat) {
    return;
  }
  if (o.osm) {
    start_load_network(m_app, *o.osm);
  }
  if (o.profile) {
    set_profile(m_app, *o.profile == "walking" ? TravelProfile::walking : TravelProfile::car);
  }
  ServiceAreasState& sa = service_area_state(m_app);
  RoutesState& routes = routes_state(m_app);
  if (o.bands) {
    sa.bands = *o.bands;
  }
  sa.mode = o.sa_mode.value_or(sa.mode);
  sa.shape = o.sa_shape.value_or(sa.shape);
  routes.k = static_cast<int>(o.nearest_k);
  // Set the requests first: they run when the network has loaded (or now, if it has).
  if (o.route) {
    routes.origin = m_app.lonlat->forward(*o.route);
  }
  if (o.service_area) {
    sa.origin = m_app.lonlat->forward(*o.service_area);
    sa.source = ServiceAreaSource::clicked_point;
    sa.requested = true;
  }
  for (const ClosureOption& c : o.closures) {
    ClosureShape shape;
    shape.kind = c.kind == "line"       ? ClosureKind::line
                 : c.kind == "slowdown" ? ClosureKind::slowdown
                                        : ClosureKind::area;
    shape.factor = c.factor;
    for (const core::LonLat& p : c.points) {
      shape.vertices.push_back(m_app.lonlat->forward(p));
    }
    add_closure(m_app, shape);  // refreshes the results when a network is loaded
  }
  for (const std::filesystem::path& file : o.closures_files) {
    start_load_closures(m_app, file);
  }
  if (plan) {
    // Built on the road network: when it has loaded (network_changed), or now if it has.
    PlanState& ps = plan_state(m_app);
    ps.reach_min = static_cast<float>(o.plan_reach_min.value_or(20));
    for (const core::LonLat& p : o.plan_add) {
      ps.added.push_back(m_app.lonlat->forward(p));
    }
    for (const core::LonLat& p : o.plan_remove) {
      ps.remove_at.push_back(m_app.lonlat->forward(p));
    }
    ps.requested = true;
  }
  if (o.drill) {
    drill_state(m_app).wanted_t_min = o.drill_t_min;
    drill_state(m_app).wanted_bed_edits = o.drill_bed_edits;
    start_load_drill(m_app, *o.drill == "default" ? default_drill_path(m_app.region_id) : *o.drill);
  }
  if (o.closures.empty()) {
    refresh_network_results(m_app);
  }
}

void Viewer::wait_for_next_frame() {
  if (m_options.headless()) {
    glfwPollEvents();
    return;
  }
  if (!m_presenter->keeps_back_buffer()) {
    glfwPollEvents();  // swapping with vsync paces the loop
    return;
  }
  // Without a swap nothing paces the loop: sleep until something happens when the last frame
  // changed nothing and no job runs (job results are picked up within 100 ms), else keep
  // about 60 frames a second.
  const bool idle = m_composer.stats().redrawn.empty() && m_app.jobs.idle();
  if (idle) {
    glfwWaitEventsTimeout(0.1);
    return;
  }
  const auto next = m_last_frame_start + std::chrono::microseconds(16600);
  if (Clock::now() < next) {
    glfwWaitEventsTimeout(std::chrono::duration<double>(next - Clock::now()).count());
  } else {
    glfwPollEvents();
  }
}

void Viewer::frame() {
  wait_for_next_frame();
  const auto frame_start = Clock::now();
  if (m_last_frame_timed && m_options.headless()) {
    m_interval_ms.push_back(
        std::chrono::duration<double, std::milli>(frame_start - m_last_frame_start).count());
  }
  m_last_frame_timed = false;
  m_last_frame_start = frame_start;
  cancel_scripted_jobs();
  if (m_recovery_answer) {
    answer_recovery(*std::exchange(m_recovery_answer, std::nullopt));
  }
  poll_jobs();
  after_loads();
  restore_visibility();
  scripted_report();
  keep_slide_layers(m_app, m_view);
  autosave_tick();
  cancel_scripted_jobs();
  if (m_app.lonlat && !m_dropped.empty() && m_app.loads_completed >= m_app.loads_started) {
    for (const std::string& path : std::exchange(m_dropped, {})) {
      start_open_file(m_app, path);
    }
  }
  if (m_fonts.names_generation != m_app.names_generation) {
    rebuild_fonts(1.0f);
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::PushFont(m_fonts.ui);
  const ImGuiIO& io = ImGui::GetIO();
  m_view.window_w = io.DisplaySize.x;
  m_view.window_h = io.DisplaySize.y;

  if (m_options.pan_px > 0.0 && m_startup_done && m_view.camera_ready) {
    // Back and forth, 30 frames each way, so the view stays over the same data.
    const double dx = (m_pan_frames++ / 30) % 2 == 0 ? m_options.pan_px : -m_options.pan_px;
    m_view.camera.pan_pixels(dx, 0.0);
  }
  if (!m_view.camera_ready && !m_view.fit_request && !m_app.layers.empty()) {
    // Data that arrives outside the scripted loads (a road network) still gets a first view.
    m_view.fit_request = fit_bounds(m_app);
  }
  // Presentation mode: no menu and no panels, the map under the title band.
  const bool presenting = m_view.presentation.active;
  if (presenting) {
    update_presentation_layout(m_view);
  } else {
    float menu_h = 0.0f;
    draw_menu_bar(m_app, m_view, &menu_h);
    update_layout(m_view, m_layout, menu_h);
  }
  sync_camera(m_view);
  if (m_view.camera_ready) {
    update_tile_basemap(m_app, m_view.camera);
  }
  if (presenting) {
    draw_presentation(m_app, m_view, m_fonts);
  } else {
    draw_layers_panel(m_app, m_view, m_layout);
    draw_legend_panel(m_app, m_view, m_layout);
    draw_inspector_panel(m_app, m_view, m_layout);
    draw_analysis_panel(m_app, m_view, m_layout);
    draw_table_panel(m_app, m_view, m_layout);
    draw_export_panel(m_app, m_view, m_export);
    draw_views_panel(m_app, m_view);
    draw_status_bar(m_app, m_view, m_layout);
    if (m_recoverable) {
      m_recovery_answer = draw_recovery_dialog(*m_recoverable, m_app.lang, m_view);
    }
    handle_map_input(m_app, m_view);
    if (!m_view.dragging) {
      draw_hover_tooltip(m_app, m_view);
    }
    if (m_view.interactive && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_F5)) {
      start_presentation(m_app, m_view, 0);
    }
  }

  // Map furniture over the GL map and under the panels.
  ImDrawList* bg = ImGui::GetBackgroundDrawList();
  OverlayTarget overlay{bg, ImVec2(m_view.map_rect.x, m_view.map_rect.y),
                        ImVec2(m_view.map_rect.width, m_view.map_rect.height), 1.0f};
  if (m_view.camera_ready) {
    m_view.placed_labels = draw_labels(m_app, m_view.camera, overlay, m_fonts, &m_label_cache);
    draw_scale_bar(m_view.camera, overlay, m_fonts);
    draw_north_arrow(overlay, m_fonts, m_app.lang);
    draw_credits(m_app, overlay, m_fonts, m_app.lang);
    if (presenting) {
      // The legend goes with the map: the panels that show it are gone.
      draw_legend_box(m_app, m_view.camera, overlay, m_fonts, m_app.lang);
    }
  }
  if (m_app.loads_completed < m_app.loads_started) {
    const char* text = tr(m_app.lang, Str::status_loading);
    const ImVec2 size = ImGui::CalcTextSize(text);
    draw_halo_text(bg, m_fonts.title, 22.0f,
                   ImVec2(m_view.map_rect.x + m_view.map_rect.width / 2 - size.x,
                          m_view.map_rect.y + m_view.map_rect.height / 2),
                   IM_COL32(60, 60, 60, 255), IM_COL32(255, 255, 255, 230), text);
  }
  ImGui::PopFont();
  ImGui::Render();

  int fb_w = 0;
  int fb_h = 0;
  glfwGetFramebufferSize(m_window.get(), &fb_w, &fb_h);
  const float sx = static_cast<float>(fb_w) / std::max(1.0f, m_view.window_w);
  const float sy = static_cast<float>(fb_h) / std::max(1.0f, m_view.window_h);
  render::FrameTarget target;
  target.x = static_cast<int>(std::lround(m_view.map_rect.x * sx));
  target.y = static_cast<int>(
      std::lround((m_view.window_h - m_view.map_rect.y - m_view.map_rect.height) * sy));
  target.width = static_cast<int>(std::lround(m_view.map_rect.width * sx));
  target.height = static_cast<int>(std::lround(m_view.map_rect.height * sy));
  target.pixel_ratio = sx;
  const auto t_ui = Clock::now();
  const MapInteraction interaction{&m_view.closure_editor, m_view.cursor_world};
  m_composer.compose(
      *ImGui::GetDrawData(), fb_w, fb_h, sx, m_presenter->keeps_back_buffer(), target,
      map_key(m_app, m_view.camera, target, interaction),
      [&](const render::FrameTarget& t) {
        draw_map_layers(m_app, m_view.camera, *m_renderer, t, interaction);
      },
      std::exchange(m_full_redraw, false));
  if (m_profile) {
    glFinish();
    auto ms = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double, std::milli>(b - a).count();
    };
    const PixelRect& d = m_composer.stats().redrawn;
    std::fprintf(stderr,
                 "profile: ui %.2f ms, draw %.2f ms (map %s, %zu instances, redrawn %.0fx%.0f)\n",
                 ms(frame_start, t_ui), ms(t_ui, Clock::now()),
                 m_composer.stats().map_drawn ? "drawn" : "kept", m_renderer->stats().instances,
                 d.x1 - d.x0, d.y1 - d.y0);
  }

  const double now_s = std::chrono::duration<double>(Clock::now() - m_start).count();
  if (!m_first_frame_s) {
    m_first_frame_s = now_s;
  }
  if (!m_first_data_frame_s && m_view.camera_ready && !m_app.layers.empty()) {
    glFinish();
    m_first_data_frame_s = std::chrono::duration<double>(Clock::now() - m_start).count();
  }

  if (m_export.requested) {
    m_export.requested = false;
    try {
      do_export(m_view.export_png.path, m_view.export_png.width, m_view.export_png.height);
      m_view.export_png.message =
          std::string(tr(m_app.lang, Str::export_saved)) + ": " + m_view.export_png.path;
    } catch (const std::exception& e) {
      m_view.export_png.message = e.what();
    }
  }
  // Headless runs time the settled frames (everything loaded and computed), which are the frames
  // the run was asked for; interactive runs every frame once data is shown.
  if ((m_options.headless() && m_settled) || (!m_options.headless() && m_first_data_frame_s)) {
    glFinish();  // frame time includes the (software) GPU's work, not just command submission
    m_frame_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count());
    m_last_frame_timed = true;
  }
}

void Viewer::do_export(const std::filesystem::path& path, int width, int height) {
  const float ratio =
      export_frame(m_view.map_rect.width, m_view.map_rect.height, width, height).pixel_ratio;
  rebuild_fonts(ratio);
  try {
    export_map_png(m_app, m_view, *m_renderer, m_fonts, path, width, height);
  } catch (...) {
    rebuild_fonts(1.0f);
    throw;
  }
  rebuild_fonts(1.0f);
  log_message(m_app, "wrote " + path.string());
}

void Viewer::write_screenshot(const std::filesystem::path& path) {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(m_window.get(), &w, &h);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  std::vector<std::uint8_t> flipped(pixels.size());
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  for (int y = 0; y < h; ++y) {
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(y * row), row,
                flipped.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * row));
  }
  for (std::size_t i = 3; i < flipped.size(); i += 4) {
    flipped[i] = 255;  // the window is opaque whatever alpha the blending left behind
  }
  write_png(path, w, h, flipped);
}

void Viewer::dump_state(const std::filesystem::path& path) {
  nlohmann::json j;
  j["window"] = {{"width", m_view.window_w}, {"height", m_view.window_h}};
  j["map_rect"] = {{"x", m_view.map_rect.x},
                   {"y", m_view.map_rect.y},
                   {"width", m_view.map_rect.width},
                   {"height", m_view.map_rect.height}};
  j["camera"] = {{"center_x", m_view.camera.center().x},
                 {"center_y", m_view.camera.center().y},
                 {"m_per_px", m_view.camera.meters_per_pixel()}};
  j["working_crs"] = m_app.working_crs;
  nlohmann::json labels = nlohmann::json::array();
  for (const PlacedLabelRecord& l : m_view.placed_labels) {
    labels.push_back({{"text", l.text}, {"x0", l.x0}, {"y0", l.y0}, {"x1", l.x1}, {"y1", l.y1}});
  }
  j["labels"] = labels;
  nlohmann::json layers = nlohmann::json::array();
  for (const LayerEntry& e : m_app.layers) {
    nlohmann::json layer = {{"id", e.id},
                            {"title", e.title},
                            {"features", e.layer ? e.layer->size() : 0},
                            {"visible", e.style.visible},
                            {"diagnostics", e.diagnostics.size()}};
    if (const auto b = e.layer ? e.layer->bounds() : std::nullopt) {
      layer["bounds"] = {b->min_corner().x, b->min_corner().y, b->max_corner().x,
                         b->max_corner().y};
    }
    layers.push_back(layer);
  }
  j["layers"] = layers;
  if (m_first_frame_s) {
    j["first_frame_s"] = *m_first_frame_s;
  }
  if (m_first_data_frame_s) {
    j["first_data_frame_s"] = *m_first_data_frame_s;
  }
  // Whether the viewer is idle: what the cancellation window tests check.
  j["jobs_idle"] = m_app.jobs.idle();
  j["loads_pending"] = m_app.loads_started - std::min(m_app.loads_started, m_app.loads_completed);
  j["network_loading"] = m_app.network.loading;
  j["cancelled"] = m_cancelled;
  j["recovery"] = m_recovery;
  auto report_json = [](const ReportExportState& r) {
    return nlohmann::json{{"written", r.written}, {"pages", r.pages}, {"error", r.error}};
  };
  j["reports"] = {{"coverage", report_json(coverage_state(m_app).report)},
                  {"drill", report_json(drill_state(m_app).report)}};
  const std::vector<io::SavedView> all = slides(m_app);
  j["presentation"] = {
      {"active", m_view.presentation.active},
      {"slide", m_view.presentation.slide + 1},
      {"slides", all.size()},
      {"title", all[static_cast<std::size_t>(
                        std::clamp(m_view.presentation.slide, 0, static_cast<int>(all.size()) - 1))]
                    .title},
      {"views", m_app.views.size()}};
  j["project"] = nlohmann::json::parse(project_state_json(capture_project_state(m_app, m_view)));
  j["errors"] = m_errors;
  io::write_file_atomically(path, j.dump(2) + '\n');
}

int Viewer::run() {
  const auto deadline = Clock::now() + std::chrono::minutes(3);
  int settled_frames = 0;
  while (!glfwWindowShouldClose(m_window.get())) {
    frame();
    if (m_options.headless()) {
      // Count frames only once everything scripted has loaded and computed.
      // A recovery dialog waiting for its answer is settled too (the docs' screenshot of it).
      const bool settled = (m_startup_done || m_recoverable.has_value()) && m_app.jobs.idle() &&
                           !m_report_pending && m_dropped.empty() &&
                           m_app.loads_completed >= m_app.loads_started;
      settled_frames = settled ? settled_frames + 1 : 0;
      m_settled = settled;
      if (settled_frames >= m_options.frames + 1) {
        if (m_options.screenshot) {
          write_screenshot(*m_options.screenshot);
        }
        break;
      }
      if (Clock::now() > deadline) {
        m_errors.push_back("timed out waiting for loading and analyses");
        break;
      }
    }
    const FrameComposer::Stats& st = m_composer.stats();
    m_presenter->present(st.gl_x, st.gl_y, st.gl_width, st.gl_height);
  }
  if (m_options.export_map) {
    do_export(*m_options.export_map, m_options.export_width, m_options.export_height);
  }
  for (const std::string& kind : m_cancel_pending) {
    m_errors.push_back("--cancel " + kind + ": no such job was started");
  }
  if (m_options.dump_state) {
    dump_state(*m_options.dump_state);
  }
  if (m_autosave && !m_recoverable) {
    // The clean-exit marker. A dialog left unanswered keeps the crashed session for next time.
    try {
      m_autosave->finish(capture_project_state(m_app, m_view));
    } catch (const core::Error& e) {
      std::fprintf(stderr, "caremap-viewer: autosave: %s\n", e.what());
    }
  }
  if (!m_options.headless() && !m_options.no_settings && !m_settings_path.empty()) {
    try {
      save_settings(m_settings_path, capture_settings(m_app, m_view, m_settings));
    } catch (const core::Error& e) {
      std::fprintf(stderr, "caremap-viewer: %s\n", e.what());
    }
  }
  if (!m_frame_ms.empty() && std::getenv("CAREMAP_VIEWER_STATS") != nullptr) {
    const SteadyTimes frame = steady_times(m_frame_ms, m_options.headless());
    const SteadyTimes interval = steady_times(m_interval_ms, m_options.headless());
    if (frame.count > 0) {
      std::fprintf(stderr,
                   "caremap-viewer: first frame %.3f s, first frame with data %.3f s, frames %zu, "
                   "median %.2f ms, p95 %.2f ms, frame to frame (with presenting) median %.2f ms, "
                   "p95 %.2f ms\n",
                   m_first_frame_s.value_or(-1), m_first_data_frame_s.value_or(-1), frame.count,
                   frame.median_ms, frame.p95_ms, interval.median_ms, interval.p95_ms);
    }
  }
  for (const std::string& e : m_errors) {
    std::fprintf(stderr, "caremap-viewer: %s\n", e.c_str());
  }
  return m_errors.empty() ? 0 : 1;
}

}  // namespace

int run_viewer(std::span<const std::string_view> args) {
  ViewerOptions options;
  try {
    options = parse_viewer_options(args);
  } catch (const core::ArgumentError& e) {
    std::fprintf(stderr, "caremap-viewer: %s\n%s", e.what(), viewer_usage());
    return 2;
  }
  if (options.help) {
    std::fputs(viewer_usage(), stdout);
    return 0;
  }
  try {
    Viewer viewer(std::move(options));
    return viewer.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "caremap-viewer: %s\n", e.what());
    return 1;
  }
}

}  // namespace caremap::app
