#include "app/network_jobs.hpp"

#include <algorithm>
#include <cctype>

#include "analysis/network_sites.hpp"
#include "analysis/road_layer.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/shared_overlay.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/cache_location.hpp"
#include "io/read.hpp"
#include "routing/graph_stats.hpp"
#include "routing/network_source.hpp"
#include "routing/osm_graph.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

namespace fs = std::filesystem;

namespace {

std::size_t index_of(TravelProfile p) {
  return p == TravelProfile::car ? 0 : 1;
}

}  // namespace

core::Layer closures_input(const NetworkState& n) {
  core::Layer all;
  for (const core::LayerPtr& l : {n.closures, n.slowdowns}) {
    if (!l) {
      continue;
    }
    if (all.fields.empty()) {
      all.fields = l->fields;
      all.crs = l->crs;
    }
    for (const core::Feature& f : l->features) {
      all.features.push_back(f);
    }
  }
  all.category = core::Category::closure;
  return all;
}

const char* to_string(TravelProfile p) {
  return p == TravelProfile::car ? "car" : "walking";
}

const LoadedNetwork* current_network(const NetworkState& n) {
  const auto& slot = n.loaded[index_of(n.profile)];
  return slot ? &*slot : nullptr;
}

bool has_closures(const NetworkState& n) {
  return (n.closures && !n.closures->features.empty()) ||
         (n.slowdowns && !n.slowdowns->features.empty());
}

bool is_osm_path(const fs::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* ext : {".osm", ".osm.pbf", ".pbf", ".osm.bz2", ".osm.gz"}) {
    if (name.ends_with(ext)) {
      return true;
    }
  }
  return false;
}

std::shared_ptr<SharedOverlay> current_overlay(AppState& app) {
  NetworkState& n = app.network;
  const auto& network = current_network(n)->network;
  if (!n.overlay || n.overlay->network() != network.get() || n.overlay_generation != n.generation) {
    n.overlay = std::make_shared<SharedOverlay>(network, closures_input(n));
    n.overlay_generation = n.generation;
  }
  return n.overlay;
}

core::LayerPtr clicked_point_layer(core::XY p, const std::string& crs, const std::string& name) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = "clicked_point";
  layer->title = name;
  layer->category = core::Category::demand;
  layer->crs = crs;
  layer->fields = {core::Field{"name", core::FieldType::text}};
  layer->name_field = 0;
  layer->features.push_back(core::Feature{p, {core::FieldValue{name}}, core::Category::demand, 0});
  return layer;
}

fs::path graph_cache_path(const fs::path& source, const routing::Profile& profile) {
  return io::writable_cache_path(routing::default_cache_path(source, profile));
}

void start_load_network(AppState& app, fs::path source) {
  NetworkState& n = app.network;
  if (source.empty()) {
    if (!n.region_roads) {
      return;
    }
    source = *n.region_roads;
  }
  if (source != n.requested) {
    n.loaded = {};
    clear_network_results(app);
  }
  n.requested = source;
  n.loading = true;
  n.error.clear();
  ++n.generation;
  const TravelProfile profile = n.profile;
  const std::string crs = app.working_crs;
  const auto line_profile = source == n.region_roads ? n.region_road_profile : std::nullopt;
  const core::SourceRef source_ref = source == n.region_roads
                                         ? n.region_roads_source
                                         : core::SourceRef{source.string(), "roads", {}, {}};
  const auto land = n.region_land;
  const std::string title =
      std::string(tr(app.lang, Str::net_road_layer)) + " (" +
      tr(app.lang, profile == TravelProfile::car ? Str::net_car : Str::net_walking) + ")";
  // However the load ends, the "loading" state ends with it, unless a newer load (same key)
  // has taken over; a failure is shown in the panel.
  JobOutcome outcome = [source](AppState& app, JobEnd end, const std::string& error) {
    NetworkState& n = app.network;
    if (!app.jobs.busy(kJobNetworkLoad)) {
      n.loading = false;
    }
    if (end == JobEnd::failed && n.requested == source) {
      n.error = error;
    }
  };
  app.jobs.submit(
      "road network " + source.filename().string(),
      [=](core::Progress& progress) -> Completion {
        const auto start = std::chrono::steady_clock::now();
        progress.set_stage(source.filename().string());
        routing::NetworkRequest request;
        request.source = source;
        request.profile = to_string(profile);
        request.line_profile = line_profile;
        request.land = land;
        request.cache.crs = crs;
        const auto line = routing::line_profile_for(request);
        request.cache.path = io::writable_cache_path(routing::default_cache_path(
            source, line ? line->name : std::string(to_string(profile))));
        const crs::CrsRef working = crs::CrsRef::parse(crs);
        crs::Transformer projector = crs::Transformer::from_wgs84(working);
        core::Diagnostics diagnostics;
        const auto read_lines = [&](const fs::path& path) {
          io::ReadOptions read;
          read.category = core::Category::road;
          auto lines = io::read_file(path, read, working);
          diagnostics.append(lines.diagnostics);
          return *lines.layer;
        };
        routing::LoadedRoadNetwork graph =
            routing::load_road_network(request, projector, read_lines, diagnostics, &progress);
        LoadedNetwork loaded;
        loaded.from_cache = graph.from_cache;
        loaded.network = graph.network;
        loaded.source = source;
        loaded.nodes = loaded.network->graph().node_count();
        loaded.segments = loaded.network->graph().segment_count();
        loaded.line_layer = graph.line_layer;
        const routing::GraphStats stats = routing::graph_stats(loaded.network->graph());
        loaded.components = stats.components.size();
        loaded.dead_ends = stats.dead_ends;
        const core::LayerPtr roads =
            analysis::road_layer(*loaded.network, kRoadLayerId, crs, title, source_ref);
        loaded.roads = roads;
        loaded.roads_index = std::make_shared<const index::LayerIndex>(*roads);
        loaded.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return [=](AppState& app) {
          NetworkState& n = app.network;
          if (n.requested != source) {
            return;  // another source was asked for since
          }
          n.loaded[index_of(profile)] = loaded;
          n.diagnostics = diagnostics;
          ++n.generation;
          if (n.profile == profile) {
            put_result_layer(app, roads, loaded.roads_index);
          }
          log_message(app, "road network " + source.filename().string() + " (" +
                               to_string(profile) + "): " + std::to_string(loaded.nodes) +
                               " nodes, " + std::to_string(loaded.segments) + " segments");
          refresh_network_results(app);
        };
      },
      kJobNetworkLoad, std::move(outcome));
}

void set_profile(AppState& app, TravelProfile profile) {
  NetworkState& n = app.network;
  if (n.profile == profile) {
    return;
  }
  n.profile = profile;
  ++n.generation;
  if (const LoadedNetwork* net = current_network(n)) {
    // Show this profile's roads (the graph differs: footways, one-way streets), built with it.
    put_result_layer(app, net->roads, net->roads_index);
    refresh_network_results(app);
  } else if (!n.requested.empty()) {
    start_load_network(app, n.requested);
  }
}

void refresh_network_results(AppState& app) {
  if (current_network(app.network) == nullptr) {
    return;
  }
  for (const auto& m : app.modules) {
    m->network_changed(app);
  }
}

void clear_network_results(AppState& app) {
  for (const auto& m : app.modules) {
    if (m->tab() == ModuleTab::network) {
      m->clear(app);
    }
  }
  remove_result_layer(app, kRoadLayerId);
}

}  // namespace caremap::app
