#include "app/report_export.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "analysis/coverage.hpp"
#include "app/app_state.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/drill/drill_module.hpp"
#include "app/modules/panel_widgets.hpp"
#include "app/network_jobs.hpp"
#include "app/people_source.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/atomic_file.hpp"
#include "report/coverage_report.hpp"
#include "report/drill_report.hpp"
#include "report/render_report.hpp"
#include "report/report_output.hpp"

namespace caremap::app {

namespace fs = std::filesystem;

fs::path default_report_path(std::string_view region_id, std::string_view kind,
                             std::string_view date) {
  std::string day;
  std::copy_if(date.begin(), date.end(), std::back_inserter(day), [](char c) { return c != '-'; });
  const char* home = std::getenv("HOME");
  const fs::path dir =
      (home != nullptr && *home != '\0' ? fs::path(home) : fs::path(".")) / "caremap-reports";
  const std::string region = region_id.empty() ? "caremap" : std::string(region_id);
  return dir / (region + "-" + std::string(kind) + "-" + day + ".pdf");
}

namespace {

// The loaded layers (not analysis results), for naming a report's data sources by title.
std::vector<core::LayerPtr> source_layers(const AppState& app) {
  std::vector<core::LayerPtr> out;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result) {
      out.push_back(e.layer);
    }
  }
  return out;
}

// The roads' source as the loading job recorded it in the road layer (io::road_source: relative
// to the data folder, with the data date), so the handout's data list matches the CLI's.
core::SourceRef roads_source(const LoadedNetwork* net) {
  if (!net) {
    return {};
  }
  if (net->roads && !net->roads->provenance.inputs.empty()) {
    return net->roads->provenance.inputs.front();
  }
  return core::SourceRef{net->source.string(), "roads", {}, {}};
}

struct ReportTarget {
  fs::path path;
  core::Lang lang = core::Lang::ja;
  std::string date;
};

// The path the panel shows (the default until the user types one), the language and the date,
// copied on the UI thread.
ReportTarget target_of(const AppState& app, const ReportExportState& state, std::string_view kind) {
  ReportTarget t;
  t.date = report::today_utc();
  t.path =
      state.path.empty() ? default_report_path(app.region_id, kind, t.date) : fs::path(state.path);
  t.lang = app.lang;
  return t;
}

// Renders the report and writes its files (a PDF: one file; SVG / PNG: one per page) through the
// atomic writer, the folder made first (the default ~/caremap-reports does not exist at first).
std::size_t write_report_files(const report::Report& doc, const fs::path& out,
                               core::Progress& progress) {
  report::PageSetup setup;
  const auto format = report::format_of_extension(out.extension().string());
  if (!format) {
    throw core::ArgumentError("the report file must end in .pdf, .svg or .png: " + out.string());
  }
  setup.format = *format;
  progress.set_stage("render");
  progress.set(0.8);
  const report::RenderedReport rendered = report::render_report(doc, setup);
  core::report_progress(&progress, 0.9);  // a cancel stops here, before anything is written
  progress.set_stage("write");
  if (!out.parent_path().empty()) {
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) {
      core::ErrorContext ctx;
      ctx.file = out.parent_path().string();
      throw core::OutputError("cannot create the folder: " + ec.message(), ctx);
    }
  }
  for (const report::RenderedFile& f : rendered.files) {
    io::write_file_atomically(report::page_path(out, f.first_page), f.bytes);
  }
  return doc.pages.size();
}

// The outcome of a report job, whatever the module: a failure goes into the panel.
JobOutcome report_outcome(ReportExportState& (*state)(AppState&)) {
  return [state](AppState& app, JobEnd end, const std::string& error) {
    if (end == JobEnd::failed) {
      state(app).error = error;
    }
  };
}

ReportExportState& coverage_report_state(AppState& app) {
  return coverage_state(app).report;
}

ReportExportState& drill_report_state(AppState& app) {
  return drill_state(app).report;
}

std::function<void(AppState&)> record_written(ReportExportState& (*state)(AppState&), fs::path path,
                                              std::size_t pages) {
  return [state, path = std::move(path), pages](AppState& app) {
    ReportExportState& s = state(app);
    s.written = path.string();
    s.pages = pages;
    s.error.clear();
    log_message(app, "wrote " + path.string());
  };
}

}  // namespace

void start_coverage_report(AppState& app) {
  const CoverageState& cs = coverage_state(app);
  ReportExportState& rs = coverage_state(app).report;
  rs.error.clear();
  const core::LayerPtr boundary = first_source_layer(app, core::Category::boundary);
  if (!boundary || !app.lonlat) {
    rs.error = tr(app.lang, Str::analysis_no_boundary);
    return;
  }
  const core::Category category = cs.category;
  // As `caremap report coverage --category`: the layers holding the category are the sources
  // and the facilities on the map; the other hospitals are drawn for orientation.
  std::vector<analysis::CoverageSource> sources = coverage_sources(app);
  std::erase_if(sources,
                [&](const analysis::CoverageSource& s) { return s.layer->count(category) == 0; });
  if (sources.empty()) {
    rs.error = tr(app.lang, Str::analysis_no_facilities);
    return;
  }
  report::CoverageReportInputs in;
  in.region_title = app.region_name;
  in.categories = {category};
  in.boundary = boundary;
  for (const auto& s : sources) {
    in.facilities.push_back(s.layer);
  }
  for (const core::LayerPtr& l : facility_layers(app)) {
    const bool used =
        std::find(in.facilities.begin(), in.facilities.end(), l) != in.facilities.end();
    if (!used && l->count(core::Category::hospital) > 0) {
      in.context.push_back(l);
    }
  }
  const PeopleSource people = people_source(app);
  in.population = people.population;
  if (people.population && !people.population->provenance.inputs.empty()) {
    in.people_credit = people.population->provenance.inputs.front().credit;
  }
  const std::optional<double> radius =
      cs.radius_from_user ? std::optional<double>(cs.radius_m) : std::nullopt;
  const bool mesh = cs.mesh;
  const LoadedNetwork* net = current_network(app.network);
  const std::shared_ptr<const routing::RoadNetwork> network = net ? net->network : nullptr;
  const core::SourceRef network_source = roads_source(net);
  const auto projector = std::make_shared<crs::Transformer>(app.lonlat->clone());
  const ReportTarget target = target_of(app, rs, "coverage");
  const std::string crs = app.working_crs;
  const std::vector<core::LayerPtr> all_facilities = facility_layers(app);

  AnalysisJob job;
  job.key = kCoverageReportJob;
  job.label = "coverage report";
  job.work = [in, sources, people, radius, mesh, network, network_source, projector, target, crs,
              all_facilities](core::Progress& progress) mutable {
    progress.set_stage("coverage");
    const std::shared_ptr<const analysis::Demand> demand = people.demand();
    analysis::CoverageParams params;
    params.categories = in.categories;
    params.demand = demand.get();
    if (radius) {
      params.radius = core::Meters{*radius};
    }
    params.mesh_level = mesh ? std::optional(core::MeshLevel::half) : std::nullopt;
    const analysis::CoverageResult result =
        analysis::coverage(sources, *in.boundary, *projector, params, &progress);
    progress.set(0.6);
    progress.set_stage("distances");
    core::Diagnostics diagnostics;
    in.lang = target.lang;
    in.coverage = &result;
    in.demand = demand.get();
    if (demand) {
      report::CoverageDistances d =
          report::coverage_distances(*demand, all_facilities, in.categories, diagnostics);
      in.distances = std::move(d.analysed);
      in.all_distances = std::move(d.all);
    }
    if (network) {
      report::ReportRoads roads = report::report_roads(*network, crs, target.lang, network_source);
      in.roads = std::move(roads.layer);
      in.road_basis = std::move(roads.basis);
    }
    in.software = report::kReportSoftware;
    in.date = target.date;
    core::report_progress(&progress, 0.7);
    const report::Report doc = report::coverage_report(in);
    const std::size_t pages = write_report_files(doc, target.path, progress);
    AnalysisResult out;
    out.apply = record_written(coverage_report_state, target.path, pages);
    return out;
  };
  job.outcome = report_outcome(coverage_report_state);
  submit_analysis(app, std::move(job));
}

void start_drill_report(AppState& app) {
  DrillModuleState& ds = drill_state(app);
  ReportExportState& rs = ds.report;
  rs.error.clear();
  if (!ds.solved || !ds.result || ds.layers.size() != ds.result->injects.size()) {
    rs.error = tr(app.lang, Str::report_needs_drill);
    return;
  }
  const LoadedNetwork* net = current_network(app.network);
  const std::shared_ptr<const routing::RoadNetwork> network = net ? net->network : nullptr;
  const core::SourceRef network_source = roads_source(net);
  const ReportTarget target = target_of(app, rs, "drill");
  AnalysisJob job;
  job.key = kDrillReportJob;
  job.label = "drill report";
  job.work = [scenario = ds.solved, result = ds.result, layers = ds.layers,
              closed = ds.closed_roads, scenario_path = ds.path, region = app.region_name,
              boundary = first_source_layer(app, core::Category::boundary),
              region_layers = source_layers(app), network, network_source,
              target](core::Progress& progress) {
    progress.set_stage("drill");
    report::DrillReportInputs in;
    in.lang = target.lang;
    in.region_title = region;
    in.scenario = scenario.get();
    in.result = result.get();
    in.layers = layers;
    in.closed_roads = closed;
    in.closed_roads.resize(in.layers.size());
    in.boundary = boundary;
    in.region_layers = region_layers;
    if (network) {
      report::ReportRoads roads =
          report::report_roads(*network, scenario->crs, target.lang, network_source);
      in.roads = std::move(roads.layer);
      in.road_basis = std::move(roads.basis);
    }
    in.scenario_path = scenario_path;
    in.software = report::kReportSoftware;
    in.date = target.date;
    core::report_progress(&progress, 0.5);
    const report::Report doc = report::drill_report(in);
    const std::size_t pages = write_report_files(doc, target.path, progress);
    AnalysisResult out;
    out.apply = record_written(drill_report_state, target.path, pages);
    return out;
  };
  job.outcome = report_outcome(drill_report_state);
  submit_analysis(app, std::move(job));
}

bool report_waits_for_roads(const AppState& app) {
  return app.jobs.busy(kJobNetworkLoad);
}

void draw_report_section(AppState& app, ReportExportState& state, const char* job_key,
                         std::string_view kind, void (*start)(AppState&)) {
  const Lang l = app.lang;
  ImGui::PushID(job_key);
  ImGui::Spacing();
  ImGui::TextDisabled("%s", tr(l, Str::report_section));
  // Empty until the user types a path: the default follows the open region and the date.
  std::string shown = state.path.empty()
                          ? default_report_path(app.region_id, kind, report::today_utc()).string()
                          : state.path;
  ImGui::TextUnformatted(tr(l, Str::report_path));
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##report_path", &shown)) {
    state.path = shown;
  }
  const bool busy = app.jobs.busy(job_key);
  // A report started while the road network is still loading would draw its maps without the
  // roads and give no travel-time basis; wait for it instead.
  const bool waiting = report_waits_for_roads(app);
  if (busy || waiting) {
    ImGui::BeginDisabled();
  }
  if (ImGui::Button(tr(l, Str::report_button))) {
    start(app);
  }
  if (waiting && !busy) {
    ImGui::EndDisabled();
    wrapped_quiet(tr(l, Str::report_waits_for_roads));
  } else if (busy) {
    ImGui::EndDisabled();
    for (const JobStatus& j : app.jobs.status()) {
      if (j.key == job_key) {
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(j.fraction), ImVec2(-1, 0),
                           tr(l, Str::report_writing));
      }
    }
  } else if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kPanelWarning);
    ImGui::TextWrapped("%s%s", tr(l, Str::report_failed), state.error.c_str());
    ImGui::PopStyleColor();
  } else if (!state.written.empty()) {
    char text[1200];
    std::snprintf(text, sizeof text, tr(l, Str::report_written), state.written.c_str(),
                  state.pages);
    wrapped_quiet(text);
  }
  ImGui::PopID();
}

}  // namespace caremap::app
