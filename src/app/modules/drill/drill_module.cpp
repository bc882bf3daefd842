#include "app/modules/drill/drill_module.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "analysis/closure_effect.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "crs/crs_ref.hpp"
#include "drill/drill_routes.hpp"
#include "drill_io/scenario_build.hpp"
#include "io/project.hpp"
#include "io/read.hpp"
#include "routing/closures_from_layer.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

DrillModuleState& drill_state(AppState& app) {
  return find_module<DrillModule>(app).state;
}

const char* DrillModule::title(core::Lang lang) const {
  return tr(lang, Str::drill_title);
}

void DrillModule::network_changed(AppState& app) {
  if (state.scenario) {
    start_drill_solve(app);
  }
}

void DrillModule::clear(AppState& app) {
  for (const char* id :
       {drill::kDrillPatientsLayer, drill::kDrillRoutesLayer, drill::kDrillHospitalsLayer,
        drill::kDrillHazardLayer, drill::kDrillClosedRoadsLayer}) {
    remove_result_layer(app, id);
  }
  state.result.reset();
  state.solved.reset();
  state.layers.clear();
  state.closed_roads.clear();
  state.note.clear();
}

std::filesystem::path default_drill_path(const std::string& region_id) {
  if (region_id.empty()) {
    return {};
  }
  const std::filesystem::path p = io::data_dir() / "drills" / region_id / "drill.json";
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) ? p : std::filesystem::path();
}

namespace {

// The time of inject `k`; a scenario without injects has its one state at t = 0.
std::optional<double> inject_time(const drill::Scenario& scenario, std::size_t k) {
  if (k < scenario.injects.size()) {
    return scenario.injects[k].t_min;
  }
  if (k == 0 && scenario.injects.empty()) {
    return 0.0;
  }
  return std::nullopt;
}

}  // namespace

std::vector<BedEditOption> bed_edit_options(const drill::Scenario& scenario,
                                            std::span<const drill::BedEdit> edits) {
  std::vector<BedEditOption> out;
  for (const drill::BedEdit& e : edits) {
    const auto t = inject_time(scenario, e.inject);
    if (t && e.hospital < scenario.hospitals.size()) {
      out.push_back({e.inject, *t, scenario.hospitals[e.hospital].id, e.free_beds});
    }
  }
  return out;
}

std::vector<drill::BedEdit> bed_edits_from(const drill::Scenario& scenario,
                                           std::span<const BedEditOption> kept,
                                           std::size_t* dropped) {
  std::vector<drill::BedEdit> out;
  std::size_t left_out = 0;
  for (const BedEditOption& e : kept) {
    const auto t = inject_time(scenario, e.inject);
    const auto h = std::find_if(scenario.hospitals.begin(), scenario.hospitals.end(),
                                [&](const drill::Hospital& x) { return x.id == e.hospital_id; });
    if (!t || std::abs(*t - e.inject_t_min) > 1e-9 || h == scenario.hospitals.end() ||
        e.free_beds < 0) {
      ++left_out;
      continue;
    }
    drill::set_bed_edit(
        out, {e.inject, static_cast<std::size_t>(h - scenario.hospitals.begin()), e.free_beds});
  }
  if (dropped != nullptr) {
    *dropped = left_out;
  }
  return out;
}

namespace {

// The region a scenario names, when it names one by name (not a project file).
bool other_region(const std::string& named, const std::string& open) {
  return !named.empty() && named.find(".json") == std::string::npos && named != open;
}

// However a job ends, its flag ends with it; a failure (a scenario error naming the file and
// field) is shown in the panel.
JobOutcome ended(bool DrillModuleState::*flag) {
  return [flag](AppState& app, JobEnd end, const std::string& error) {
    DrillModuleState& s = drill_state(app);
    s.*flag = false;
    if (end == JobEnd::failed) {
      s.note = error;
    }
  };
}

}  // namespace

void start_load_drill(AppState& app, std::filesystem::path path) {
  DrillModuleState& s = drill_state(app);
  s.note.clear();
  if (path.empty()) {
    s.note = tr(app.lang, Str::drill_no_file);
    return;
  }
  s.path = path.string();
  // The region's layers the scenario may name, as the viewer loaded them.
  std::map<std::string, core::LayerPtr> layers;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result) {
      layers.emplace(e.id, e.layer);
    }
  }
  s.loading = true;
  AnalysisJob job;
  job.key = DrillModule::kLoadJob;
  job.label = "drill";
  job.work = [path, layers, crs = app.working_crs, extent = app.valid_extent,
              region = app.region_id, lang = app.lang](core::Progress&) {
    const io::DrillScenarioFile file = io::read_drill_scenario(path);
    AnalysisResult result;
    if (other_region(file.region, region)) {
      char text[512];
      std::snprintf(text, sizeof text, tr(lang, Str::drill_other_region), file.region.c_str());
      result.apply = [note = std::string(text)](AppState& app) { drill_state(app).note = note; };
      return result;
    }
    const crs::CrsRef working = crs::CrsRef::parse(crs);
    core::Diagnostics diagnostics;
    drill_io::BuiltDrill built = drill_io::build_scenario(
        file, crs,
        [&](const io::DrillSourceSpec& spec) {
          if (!spec.layer.empty()) {
            const auto it = layers.find(spec.layer);
            if (it == layers.end()) {
              drill_io::scenario_error(file, "layer",
                                       "'" + spec.layer + "' is not a layer of the open region");
            }
            io::LoadedLayer loaded;
            loaded.layer = it->second;
            return loaded;
          }
          io::ReadOptions o;
          o.valid_extent = extent;
          o.encoding = spec.encoding;
          o.x_field = spec.x_field;
          o.y_field = spec.y_field;
          o.name_field = spec.name_field;
          return io::read_file(spec.source, o, working);
        },
        diagnostics);
    result.apply = [scenario = std::make_shared<const drill::Scenario>(std::move(built.scenario)),
                    options = built.options](AppState& app) {
      DrillModuleState& s = drill_state(app);
      s.scenario = scenario;
      s.options = options;
      // A new scenario starts without edits, unless the autosave kept some for it.
      std::size_t dropped = 0;
      s.bed_edits = bed_edits_from(*scenario, std::exchange(s.wanted_bed_edits, {}), &dropped);
      if (dropped > 0) {
        log_message(app, "drill: " + std::to_string(dropped) +
                             " restored free-bed edits no longer match the scenario file and "
                             "were left out");
      }
      s.inject = 0;
      // The drill's map: its own hospitals, patients and routes, without the other facilities
      // and the population shading beneath (they can be turned on again in the layers panel).
      for (LayerEntry& e : app.layers) {
        if (e.layer && !e.is_result &&
            (core::is_facility(e.layer->category) ||
             e.layer->category == core::Category::population)) {
          e.style.visible = false;
        }
      }
      start_drill_solve(app);
    };
    return result;
  };
  job.outcome = ended(&DrillModuleState::loading);
  submit_analysis(app, std::move(job));
}

void start_drill_solve(AppState& app) {
  DrillModuleState& s = drill_state(app);
  if (!s.scenario) {
    return;
  }
  // The loading job's completion calls network_changed() while `loading` is still set: wait
  // only while there is no network yet.
  if (app.network.loading && current_network(app.network) == nullptr) {
    s.note = tr(app.lang, Str::drill_waiting_network);
    return;  // network_changed() solves once it is in
  }
  s.note.clear();
  // The scenario with the panel's free-bed edits and, from t = 0, the closures drawn on the map.
  auto scenario =
      std::make_shared<drill::Scenario>(drill::with_bed_edits(*s.scenario, s.bed_edits));
  const LoadedNetwork* net = current_network(app.network);
  std::shared_ptr<const routing::RoadNetwork> network = net ? net->network : nullptr;
  core::Layer drawn = has_closures(app.network) ? closures_input(app.network) : core::Layer{};
  const std::string drawn_name = tr(app.lang, Str::drill_viewer_closures);
  s.solving = true;
  AnalysisJob job;
  job.key = DrillModule::kSolveJob;
  job.label = "drill assignment";
  job.current = same_network(app);
  job.work = [scenario, network, drawn = std::move(drawn), drawn_name, options = s.options,
              lang = app.lang](core::Progress& progress) {
    core::Diagnostics diagnostics;
    if (!drawn.features.empty() && !scenario->injects.empty()) {
      scenario->injects.front().closures.push_back(
          {drawn_name, false, routing::closures_from_layer(drawn, diagnostics)});
    }
    drill::DrillOptions o = options;
    o.threads = 0;
    auto result = std::make_shared<const drill::DrillResult>(
        drill::run_drill(*scenario, network.get(), o, &progress));
    std::vector<std::vector<drill::PatientRoute>> routes;
    std::vector<core::LayerPtr> closed;
    for (const drill::InjectResult& r : result->injects) {
      routes.push_back(drill::patient_routes(*scenario, r, network.get(), o));
      core::LayerPtr roads;
      if (network && r.overlay) {
        auto l = std::make_shared<core::Layer>(
            analysis::closed_roads_layer(network->graph(), *r.overlay));
        l->id = drill::kDrillClosedRoadsLayer;
        l->title = tr(lang, Str::drill_layer_closed_roads);
        l->crs = scenario->crs;
        roads = l;
      }
      closed.push_back(roads);
    }
    AnalysisResult out;
    out.apply = [scenario, result, closed,
                 layers =
                     drill::drill_map_layers(*scenario, *result, routes, lang)](AppState& app) {
      DrillModuleState& s = drill_state(app);
      s.solved = scenario;
      s.result = result;
      s.layers = layers;
      s.closed_roads = closed;
      int k = std::clamp(s.inject, 0, static_cast<int>(result->injects.size()) - 1);
      if (s.wanted_t_min) {
        for (std::size_t i = 0; i < result->injects.size(); ++i) {
          if (result->injects[i].state.t_min <= *s.wanted_t_min + 1e-9) {
            k = static_cast<int>(i);
          }
        }
        s.wanted_t_min.reset();
      }
      show_drill_inject(app, k);
    };
    return out;
  };
  job.outcome = ended(&DrillModuleState::solving);
  submit_analysis(app, std::move(job));
}

void show_drill_inject(AppState& app, int k) {
  DrillModuleState& s = drill_state(app);
  if (s.layers.empty() || !s.scenario) {
    return;
  }
  k = std::clamp(k, 0, static_cast<int>(s.layers.size()) - 1);
  s.inject = k;
  const drill::DrillInjectLayers& l = s.layers[static_cast<std::size_t>(k)];
  AnalysisResult r;
  // Bottom to top: hazard zones, closed roads, routes, patients, hospitals.
  r.layers = {l.hazard_zones};
  if (const core::LayerPtr& roads = s.closed_roads[static_cast<std::size_t>(k)]) {
    r.layers.push_back(roads);
  } else {
    r.removed.emplace_back(drill::kDrillClosedRoadsLayer);
  }
  r.layers.insert(r.layers.end(), {l.routes, l.patients, l.hospitals});
  r.styled = [scenario = s.scenario](AppState& app) {
    for (const char* id :
         {drill::kDrillPatientsLayer, drill::kDrillHazardLayer, drill::kDrillRoutesLayer}) {
      if (LayerEntry* e = find_layer(app, id)) {
        drill::apply_drill_style(*e->layer, *scenario, app.lang, e->style);
      }
    }
  };
  publish(app, r);
}

}  // namespace caremap::app
