#include "app/network_jobs.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "analysis/closure_effect.hpp"
#include "analysis/nearest_by_time.hpp"
#include "analysis/network_sites.hpp"
#include "analysis/service_area.hpp"
#include "app/analysis_jobs.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/shared_overlay.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/cache_location.hpp"
#include "io/read.hpp"
#include "routing/closures_from_layer.hpp"
#include "routing/network_source.hpp"
#include "routing/osm_graph.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRoadLayerId = "road_network";
constexpr const char* kRoutesId = "routes";
constexpr const char* kServiceAreaId = "service_area";
constexpr const char* kClosuresId = "closures";
constexpr const char* kSlowdownsId = "slowdowns";
constexpr const char* kClosedRoadsId = "closed_roads";
constexpr const char* kEffectId = "closure_effect";
// The same line analysis::add_network_provenance writes, so map credits list it once.
constexpr const char* kOsmCredit = "© OpenStreetMap contributors";

std::size_t index_of(TravelProfile p) {
  return p == TravelProfile::car ? 0 : 1;
}

void remove_layer_id(AppState& app, const char* id) {
  if (LayerEntry* e = find_layer(app, id)) {
    remove_layer(app, e->uid);
  }
}

// The display layer of a network: every segment as a line (category road).
core::LayerPtr road_layer(const routing::RoadNetwork& network, const std::string& crs,
                          const std::string& title, const fs::path& source) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = kRoadLayerId;
  layer->title = title;
  layer->category = core::Category::road;
  layer->crs = crs;
  layer->fields = {core::Field{"way_id", core::FieldType::integer},
                   core::Field{"speed_kmh", core::FieldType::real}};
  const routing::RoadGraph& g = network.graph();
  layer->features.reserve(g.segment_count());
  for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
    const auto pts = g.segment_points(s);
    core::Feature f;
    f.geometry = core::LineString(pts.begin(), pts.end());
    // The faster direction's speed: the road's class on a line layer (trunk roads by class).
    double speed_kmh = 0.0;
    for (const routing::ArcId a : {g.segment_forward_arc(s), g.segment_backward_arc(s)}) {
      if (a != routing::kNone && g.time_s()[a] > 0.0) {
        speed_kmh = std::max(speed_kmh, 3.6 * g.length_m()[a] / g.time_s()[a]);
      }
    }
    f.values = {core::FieldValue{g.segment_way_id(s)}, core::FieldValue{speed_kmh}};
    f.category = core::Category::road;
    layer->features.push_back(std::move(f));
  }
  layer->provenance.operation = "road network";
  layer->provenance.param("profile", g.info().profile);
  layer->provenance.basis.distance = analysis::network_distance_basis(network);
  layer->provenance.inputs.push_back(
      core::SourceRef{source.string(),
                      {},
                      {},
                      network.credit().empty() ? std::string(kOsmCredit) : network.credit()});
  return layer;
}

// The closures and slowdowns as one layer, the form routing::closures_from_layer reads.
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

// The overlay of the current network and closures: the shared one while neither has changed, so
// the jobs started together by one closure edit build it once.
std::shared_ptr<SharedOverlay> shared_overlay(
    NetworkState& n, const std::shared_ptr<const routing::RoadNetwork>& network) {
  if (!n.overlay || n.overlay->network() != network.get() || n.overlay_generation != n.generation) {
    n.overlay = std::make_shared<SharedOverlay>(network, closures_input(n));
    n.overlay_generation = n.generation;
  }
  return n.overlay;
}

// A one-point layer (the clicked place) in the working CRS.
core::LayerPtr point_layer(core::XY p, const std::string& crs, const std::string& name) {
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

// Fields of the closures layers: what closures_from_layer reads ("factor", "way_id") and what a
// planner wants to see.
std::vector<core::Field> closure_fields() {
  return {core::Field{"kind", core::FieldType::text}, core::Field{"factor", core::FieldType::real},
          core::Field{"way_id", core::FieldType::integer},
          core::Field{"source", core::FieldType::text}};
}

core::LayerPtr with_feature(const core::LayerPtr& base, const std::string& id,
                            const std::string& title, const std::string& crs, core::Feature f) {
  auto layer = base ? std::make_shared<core::Layer>(*base) : std::make_shared<core::Layer>();
  if (!base) {
    layer->id = id;
    layer->title = title;
    layer->category = core::Category::closure;
    layer->crs = crs;
    layer->fields = closure_fields();
    layer->provenance.operation = "closures";
  }
  layer->features.push_back(std::move(f));
  return layer;
}

// Puts the closures layers into the layer list (or removes them when empty).
void show_closure_layers(AppState& app) {
  NetworkState& n = app.network;
  for (auto [layer, id] :
       {std::pair{n.closures, kClosuresId}, std::pair{n.slowdowns, kSlowdownsId}}) {
    if (!layer || layer->features.empty()) {
      remove_layer_id(app, id);
      continue;
    }
    const bool added = find_layer(app, id) == nullptr;
    put_result_layer(app, layer);
    if (added && layer == n.slowdowns) {
      const style::Symbol s = style::slowdown_symbol();
      find_layer(app, id)->style.color = s.fill.outline;
    }
  }
}

void closures_changed(AppState& app) {
  ++app.network.generation;
  show_closure_layers(app);
  refresh_network_results(app);
}

void start_closed_roads(AppState& app) {
  NetworkState& n = app.network;
  const LoadedNetwork* net = current_network(n);
  if (net == nullptr || !has_closures(n)) {
    remove_layer_id(app, kClosedRoadsId);
    n.closed_arcs = 0;
    return;
  }
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = shared_overlay(n, network);
  const std::uint64_t generation = n.generation;
  const std::string title = tr(app.lang, Str::net_closed_roads_layer);
  const std::string crs = app.working_crs;
  app.jobs.submit(
      "closed roads",
      [=](core::Progress&) -> Completion {
        core::Diagnostics diagnostics;
        const routing::Overlay* overlay = shared->get();
        diagnostics.append(shared->diagnostics());  // reported once, by this job
        auto layer = std::make_shared<core::Layer>(
            overlay ? analysis::closed_roads_layer(network->graph(), *overlay) : core::Layer{});
        layer->id = kClosedRoadsId;
        layer->title = title;
        layer->category = core::Category::closure;
        layer->crs = crs;
        const std::size_t closed = overlay ? overlay->closed_count() : 0;
        return [=](AppState& app) {
          if (app.network.generation != generation) {
            return;
          }
          app.network.closed_arcs = closed;
          app.network.diagnostics.append(diagnostics);
          if (layer->features.empty()) {
            remove_layer_id(app, kClosedRoadsId);
          } else {
            put_result_layer(app, layer);
          }
        };
      },
      kJobClosedRoads);
}

void start_closure_effect(AppState& app) {
  NetworkState& n = app.network;
  const LoadedNetwork* net = current_network(n);
  n.effect.reset();
  n.effect_note.clear();
  if (net == nullptr || !has_closures(n)) {
    remove_layer_id(app, kEffectId);
    return;
  }
  const std::vector<core::LayerPtr> facilities = facility_layers(app);
  const std::vector<core::Category>& present = facility_categories(app);
  if (present.empty()) {
    n.effect_note = tr(app.lang, Str::net_no_facilities);
    return;
  }
  core::LayerPtr demand;
  std::string demand_title;
  if (n.effect_demand_uid != 0) {
    if (LayerEntry* e = find_layer(app, n.effect_demand_uid); e && e->layer) {
      demand = e->layer;
      demand_title = e->title;
    }
  } else if (n.route_origin) {
    demand_title = tr(app.lang, Str::net_clicked_point);
    demand = point_layer(*n.route_origin, app.working_crs, demand_title);
  }
  if (!demand) {
    n.effect_note = tr(app.lang, Str::net_effect_needs_demand);
    return;
  }

  if (std::find(present.begin(), present.end(), n.effect_category) == present.end()) {
    n.effect_category = present.front();
  }
  const core::Category category = n.effect_category;
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = shared_overlay(n, network);
  const std::uint64_t generation = n.generation;
  const std::string title = tr(app.lang, Str::net_effect_layer);
  const std::string category_name = category_title(category, app.lang);
  app.jobs.submit(
      "closure effect",
      [=](core::Progress& progress) -> Completion {
        core::Diagnostics diagnostics;
        const routing::Overlay* overlay = shared->get();
        analysis::NearestByTimeParams params;
        params.categories = {category};
        params.build_routes = false;
        params.threads = 0;
        auto r =
            analysis::closure_effect(*network, *demand, facilities, params, *overlay, &progress);
        ClosureEffectFigures f;
        f.summary = r.summary;
        f.demand = demand_title + " · " + category_name;
        auto points = std::make_shared<core::Layer>(std::move(r.points));
        points->id = kEffectId;
        points->title = title;
        return [=](AppState& app) {
          if (app.network.generation != generation) {
            return;
          }
          app.network.effect = f;
          put_result_layer(app, points);
        };
      },
      kJobClosureEffect);
}

}  // namespace

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

fs::path graph_cache_path(const fs::path& source, const routing::Profile& profile) {
  return io::writable_cache_path(routing::default_cache_path(source, profile));
}

std::optional<std::vector<double>> parse_band_minutes(std::string_view text) {
  std::string t(text);
  for (const char* suffix : {"minutes", "min", "分"}) {
    const std::string s(suffix);
    const auto trimmed_end = t.find_last_not_of(' ');
    if (trimmed_end != std::string::npos && t.substr(0, trimmed_end + 1).ends_with(s)) {
      t = t.substr(0, trimmed_end + 1 - s.size());
      break;
    }
  }
  std::vector<double> out;
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ',' || t[i] == ' ' || t[i] == '\t')) {
      ++i;
    }
    if (i == t.size()) {
      break;
    }
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(t.data() + i, t.data() + t.size(), v);
    if (ec != std::errc{} || !(v > 0.0) || v > 24 * 60) {
      return std::nullopt;
    }
    out.push_back(v);
    i = static_cast<std::size_t>(ptr - t.data());
    if (i < t.size() && t[i] != ',' && t[i] != ' ' && t[i] != '\t') {
      return std::nullopt;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.empty() || out.size() > 8) {
    return std::nullopt;
  }
  return out;
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
  const auto land = n.region_land;
  const std::string title =
      std::string(tr(app.lang, Str::net_road_layer)) + " (" +
      tr(app.lang, profile == TravelProfile::car ? Str::net_car : Str::net_walking) + ")";
  app.jobs.submit(
      "road network " + source.filename().string(),
      [=](core::Progress& progress) -> Completion {
        try {
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
          const core::LayerPtr roads = road_layer(*loaded.network, crs, title, source);
          loaded.roads = roads;
          loaded.seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          return [=](AppState& app) {
            NetworkState& n = app.network;
            if (n.requested != source) {
              return;  // another source was asked for since
            }
            n.loaded[index_of(profile)] = loaded;
            n.loading = false;
            n.diagnostics = diagnostics;
            ++n.generation;
            if (n.profile == profile) {
              put_result_layer(app, roads);
            }
            log_message(app, "road network " + source.filename().string() + " (" +
                                 to_string(profile) + "): " + std::to_string(loaded.nodes) +
                                 " nodes, " + std::to_string(loaded.segments) + " segments");
            refresh_network_results(app);
          };
        } catch (const core::Cancelled&) {
          throw;
        } catch (const std::exception& e) {
          const std::string message = e.what();
          return [=](AppState& app) {
            if (app.network.requested == source) {
              app.network.loading = false;
              app.network.error = message;
            }
            log_message(app, "road network: " + message);
          };
        }
      },
      kJobNetworkLoad);
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
    put_result_layer(app, net->roads);
    refresh_network_results(app);
  } else if (!n.requested.empty()) {
    start_load_network(app, n.requested);
  }
}

void start_route_nearest(AppState& app, core::XY origin) {
  NetworkState& n = app.network;
  n.route_origin = origin;
  n.route_rows.clear();
  n.route_note.clear();
  const LoadedNetwork* net = current_network(n);
  if (net == nullptr) {
    n.route_note = tr(app.lang, Str::net_disabled_no_network);
    return;
  }
  const std::vector<core::LayerPtr> facilities = facility_layers(app);
  const std::vector<core::Category> categories = facility_categories(app);
  if (categories.empty()) {
    n.route_note = tr(app.lang, Str::net_no_facilities);
    remove_layer_id(app, kRoutesId);
    if (has_closures(n)) {
      start_closure_effect(app);
    }
    return;
  }
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = shared_overlay(n, network);
  const std::uint64_t generation = n.generation;
  const std::size_t k = static_cast<std::size_t>(std::clamp(n.route_k, 1, 10));
  const std::string crs = app.working_crs;
  const std::string title = tr(app.lang, Str::net_routes_layer);
  const std::string unreachable = tr(app.lang, Str::net_unreachable);
  app.jobs.submit(
      "routes",
      [=](core::Progress& progress) -> Completion {
        core::Diagnostics diagnostics;
        const routing::Overlay* overlay = shared->get();
        const core::LayerPtr demand = point_layer(origin, crs, "origin");
        auto routes = std::make_shared<core::Layer>();
        std::vector<RouteRow> rows;
        for (std::size_t i = 0; i < categories.size(); ++i) {
          analysis::NearestByTimeParams params;
          params.categories = {categories[i]};
          params.k = k;
          params.direction = analysis::TravelDirection::to_facility;
          analysis::NearestByTimeResult r = analysis::nearest_by_time(
              *network, *demand, facilities, params, overlay ? &*overlay : nullptr, nullptr);
          for (const analysis::NearestByTimeRow& row : r.rows) {
            rows.push_back(RouteRow{categories[i], row.rank, r.facilities[row.facility].name,
                                    row.time_s, row.length_m});
          }
          if (routes->fields.empty()) {
            *routes = std::move(r.routes);
          } else {
            for (core::Feature& f : r.routes.features) {
              routes->features.push_back(std::move(f));
            }
          }
          core::report_progress(&progress, static_cast<double>(i + 1) / categories.size());
        }
        routes->id = kRoutesId;
        routes->title = title;
        routes->category = core::Category::route;
        routes->crs = crs;
        return [=](AppState& app) {
          if (app.network.generation != generation) {
            return;
          }
          app.network.route_rows = rows;
          app.network.route_note = rows.empty() ? unreachable : std::string();
          put_result_layer(app, routes);
        };
      },
      kJobRoutes);
  if (has_closures(n)) {
    start_closure_effect(app);
  }
}

void start_service_area(AppState& app) {
  NetworkState& n = app.network;
  n.sa_note.clear();
  const LoadedNetwork* net = current_network(n);
  if (net == nullptr) {
    n.sa_note = tr(app.lang, Str::net_disabled_no_network);
    return;
  }
  const auto bands = parse_band_minutes(n.sa_bands);
  if (!bands) {
    n.sa_note = tr(app.lang, Str::net_bands_invalid);
    return;
  }
  std::vector<core::LayerPtr> sources;
  std::vector<core::XY> origins;
  std::vector<core::Category> categories;
  std::string what;
  switch (n.sa_source) {
    case ServiceAreaSource::clicked_point:
      if (!n.sa_origin) {
        n.sa_note = tr(app.lang, Str::net_sa_needs_point);
        return;
      }
      origins.push_back(*n.sa_origin);
      what = tr(app.lang, Str::net_clicked_point);
      break;
    case ServiceAreaSource::selected_facility: {
      LayerEntry* e = app.selection ? find_layer(app, app.selection->layer_uid) : nullptr;
      if (e == nullptr || !e->layer || !core::is_facility(e->layer->category)) {
        n.sa_note = tr(app.lang, Str::net_sa_needs_selection);
        return;
      }
      // The selected feature alone, with its layer's schema (names, ids in the result).
      auto one = std::make_shared<core::Layer>(*e->layer);
      one->features = {(*e->layer)[app.selection->feature]};
      what = e->layer->display_name(app.selection->feature);
      sources.push_back(one);
      break;
    }
    case ServiceAreaSource::category:
      sources = facility_layers(app);
      if (const auto& present = facility_categories(app);
          !present.empty() &&
          std::find(present.begin(), present.end(), n.sa_category) == present.end()) {
        n.sa_category = present.front();
      }
      categories = {n.sa_category};
      what = category_title(n.sa_category, app.lang);
      if (sources.empty()) {
        n.sa_note = tr(app.lang, Str::net_no_facilities);
        return;
      }
      break;
  }
  n.sa_requested = true;
  analysis::ServiceAreaParams params;
  for (double m : *bands) {
    params.time_bands.push_back(core::Seconds{m * 60.0});
  }
  params.mode = static_cast<analysis::ServiceAreaMode>(std::clamp(n.sa_mode, 0, 2));
  params.shape = static_cast<analysis::BandShape>(std::clamp(n.sa_shape, 0, 1));
  params.direction = analysis::TravelDirection::from_facility;
  params.categories = categories;
  params.threads = 0;
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = shared_overlay(n, network);
  const std::uint64_t generation = n.generation;
  const std::string crs = app.working_crs;
  const std::vector<double> minutes = *bands;
  const std::string title = std::string(tr(app.lang, Str::net_sa_layer)) + " · " + what;
  app.jobs.submit(
      "service area",
      [=](core::Progress& progress) -> Completion {
        core::Diagnostics diagnostics;
        const routing::Overlay* overlay = shared->get();
        analysis::ServiceAreaResult r =
            origins.empty() ? analysis::service_area(*network, sources, params, overlay, &progress)
                            : analysis::service_area(*network, std::span<const core::XY>(origins),
                                                     params, overlay, &progress);
        auto areas = std::make_shared<core::Layer>(std::move(r.areas));
        const auto band_field = areas->field_index("band_min");
        const auto km2_field = areas->field_index("area_km2");
        auto band_of = [&](const core::Feature& f) {
          return band_field ? core::to_number(f.values[*band_field]).value_or(0.0) : 0.0;
        };
        // Nested disks: the largest band first, so every smaller one stays visible on top.
        std::stable_sort(areas->features.begin(), areas->features.end(),
                         [&](const core::Feature& a, const core::Feature& b) {
                           return band_of(a) > band_of(b);
                         });
        std::map<double, BandArea> per_band;
        for (double m : minutes) {
          per_band[m] = BandArea{m, 0.0, 0};
        }
        for (const core::Feature& f : areas->features) {
          BandArea& b = per_band[band_of(f)];
          b.band_min = band_of(f);
          b.area_km2 += km2_field ? core::to_number(f.values[*km2_field]).value_or(0.0) : 0.0;
          ++b.polygons;
        }
        std::vector<BandArea> figures;
        for (const auto& [m, b] : per_band) {
          figures.push_back(b);
        }
        areas->id = kServiceAreaId;
        areas->title = title;
        areas->category = core::Category::service_area;
        areas->crs = crs;
        const std::size_t facilities = r.facilities.size();
        return [=](AppState& app) {
          if (app.network.generation != generation) {
            return;
          }
          app.network.sa_bands_result = figures;
          app.network.diagnostics.append(diagnostics);
          app.network.sa_note = facilities == 0 ? tr(app.lang, Str::net_no_facilities) : "";
          const std::uint32_t uid = put_result_layer(app, areas);
          // One class per band on the sequential ramp, nearest darkest; legend keys "min:5".
          style::Ramp ramp;
          ramp.field = "band_min";
          ramp.colours = style::sequential_ramp(minutes.size(), kBandAlpha);
          for (std::size_t i = 0; i + 1 < minutes.size(); ++i) {
            ramp.breaks.push_back((minutes[i] + minutes[i + 1]) / 2.0);
          }
          // Disks hold everything within their band; rings only what lies past the last one.
          const bool rings = params.shape == analysis::BandShape::rings;
          for (std::size_t i = 0; i < minutes.size(); ++i) {
            char key[48];
            std::snprintf(key, sizeof key, "min:%g-%g", rings && i > 0 ? minutes[i - 1] : 0.0,
                          minutes[i]);
            ramp.labels.emplace_back(key);
          }
          find_layer(app, uid)->style.ramp = ramp;
        };
      },
      kJobServiceArea);
}

void add_closure(AppState& app, const ClosureShape& shape) {
  NetworkState& n = app.network;
  core::Feature f;
  f.geometry = closure_geometry(shape);
  f.category = core::Category::closure;
  const bool slowdown = shape.kind == ClosureKind::slowdown;
  f.values = {core::FieldValue{std::string(to_string(shape.kind))},
              slowdown ? core::FieldValue{shape.factor} : core::FieldValue{}, core::FieldValue{},
              core::FieldValue{std::string("drawn")}};
  if (slowdown) {
    n.slowdowns = with_feature(n.slowdowns, kSlowdownsId, tr(app.lang, Str::net_slowdowns_layer),
                               app.working_crs, std::move(f));
  } else {
    n.closures = with_feature(n.closures, kClosuresId, tr(app.lang, Str::net_closures_layer),
                              app.working_crs, std::move(f));
  }
  closures_changed(app);
}

void start_load_closures(AppState& app, fs::path path) {
  const std::string crs = app.working_crs;
  const std::string closures_title = tr(app.lang, Str::net_closures_layer);
  const std::string slowdowns_title = tr(app.lang, Str::net_slowdowns_layer);
  const std::optional<crs::GeoBox> valid_extent = app.valid_extent;
  app.jobs.submit("closures " + path.filename().string(), [=](core::Progress&) -> Completion {
    io::ReadOptions read;
    read.category = core::Category::closure;
    read.valid_extent = valid_extent;
    const io::LoadedLayer loaded = io::read_file(path, read, crs::CrsRef::parse(crs));
    const core::Layer& in = *loaded.layer;
    // The routing's own rules decide what each feature is, so the list shows what is applied.
    const routing::ClosureRules rules(in);
    std::vector<core::Feature> barriers;
    std::vector<core::Feature> slow;
    for (const core::Feature& src : in.features) {
      const routing::ClosureFeature c = rules.classify(src);
      using Kind = routing::ClosureFeature::Kind;
      if (c.kind == Kind::ignored) {
        continue;  // closures_from_layer reports it when the closures are applied
      }
      core::Feature f;
      f.geometry = src.geometry;
      f.category = core::Category::closure;
      f.source_row = src.source_row;
      const bool area = core::as_multipolygon(src.geometry).has_value();
      const bool point = std::holds_alternative<core::XY>(src.geometry) ||
                         std::holds_alternative<core::MultiPoint>(src.geometry);
      const char* kind = c.kind == Kind::slowdown ? "slowdown"
                         : c.kind == Kind::way    ? "way"
                         : area                   ? "area"
                         : point                  ? "point"
                                                  : "line";
      f.values = {core::FieldValue{std::string(kind)},
                  c.kind == Kind::slowdown ? core::FieldValue{c.factor} : core::FieldValue{},
                  c.kind == Kind::way ? core::FieldValue{c.way_id} : core::FieldValue{},
                  core::FieldValue{path.filename().string()}};
      (c.kind == Kind::slowdown ? slow : barriers).push_back(std::move(f));
    }
    core::Diagnostics diagnostics = loaded.diagnostics;
    return [=](AppState& app) {
      NetworkState& n = app.network;
      for (const core::Feature& f : barriers) {
        n.closures = with_feature(n.closures, kClosuresId, closures_title, crs, f);
      }
      for (const core::Feature& f : slow) {
        n.slowdowns = with_feature(n.slowdowns, kSlowdownsId, slowdowns_title, crs, f);
      }
      n.diagnostics.append(diagnostics);
      log_message(app, "closures " + path.filename().string() + ": " +
                           std::to_string(barriers.size() + slow.size()) + " features");
      closures_changed(app);
    };
  });
}

void remove_closure(AppState& app, bool slowdown, std::size_t index) {
  NetworkState& n = app.network;
  core::LayerPtr& layer = slowdown ? n.slowdowns : n.closures;
  if (!layer || index >= layer->features.size()) {
    return;
  }
  auto copy = std::make_shared<core::Layer>(*layer);
  copy->features.erase(copy->features.begin() + static_cast<std::ptrdiff_t>(index));
  layer = copy->features.empty() ? nullptr : copy;
  closures_changed(app);
}

void clear_closures(AppState& app) {
  app.network.closures = nullptr;
  app.network.slowdowns = nullptr;
  closures_changed(app);
}

void refresh_network_results(AppState& app) {
  NetworkState& n = app.network;
  if (current_network(n) == nullptr) {
    return;
  }
  start_closed_roads(app);
  if (!has_closures(n)) {
    n.effect.reset();
    n.effect_note.clear();
    remove_layer_id(app, kEffectId);
  }
  if (n.route_origin) {
    start_route_nearest(app, *n.route_origin);  // and the closure effect for it
  } else if (has_closures(n)) {
    start_closure_effect(app);
  }
  if (n.sa_requested) {
    start_service_area(app);
  }
}

void clear_network_results(AppState& app) {
  for (const char* id : {kRoutesId, kServiceAreaId, kClosedRoadsId, kEffectId, kRoadLayerId}) {
    remove_layer_id(app, id);
  }
  NetworkState& n = app.network;
  n.route_rows.clear();
  n.route_origin.reset();
  n.route_note.clear();
  n.sa_origin.reset();
  n.sa_requested = false;
  n.sa_bands_result.clear();
  n.sa_note.clear();
  n.effect.reset();
  n.effect_note.clear();
}

}  // namespace caremap::app
