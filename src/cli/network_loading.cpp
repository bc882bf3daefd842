#include "cli/network_loading.hpp"

#include <chrono>

#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "crs/working_crs.hpp"
#include "io/cache_location.hpp"
#include "io/read.hpp"
#include "routing/closures_from_layer.hpp"
#include "routing/network_source.hpp"
#include "routing/osm_extent.hpp"
#include "routing/osm_graph.hpp"

namespace caremap::cli {

namespace fs = std::filesystem;

void add_network_options(CLI::App& cmd, NetworkOptions& o, bool with_closures) {
  cmd.add_option("--osm", o.osm,
                 "Road network: an OpenStreetMap extract (.osm.pbf or .osm) or any line layer "
                 "(GeoJSON, GPKG, Shapefile; with a line-layer --profile); default: the region's "
                 "roads");
  cmd.add_option("--profile", o.profile,
                 "Travel profile: car, walking, or a profile JSON file (OSM or line-layer; a "
                 "region's line-layer roads use its road_profile)")
      ->capture_default_str();
  cmd.add_option("--graph-cache", o.cache,
                 "Where to keep the built graph (default: next to the OSM file, or the user "
                 "cache directory when that folder is read-only)");
  cmd.add_flag("--no-graph-cache", o.no_cache,
               "Build the graph without reading or writing a cache");
  if (with_closures) {
    cmd.add_option("--closures", o.closures,
                   "Closures as any vector file: polygons close the roads inside (flood zone), "
                   "lines the roads they cross (a bridge), points the nearest road; a 'factor' "
                   "field on a polygon slows roads instead (2 = half speed); a 'way_id' field "
                   "closes that OSM way");
  }
}

namespace {

fs::path road_source(const NetworkOptions& o, const io::Region* region) {
  if (!o.osm.empty()) {
    return o.osm;
  }
  if (region != nullptr && region->project.roads) {
    return *region->project.roads;
  }
  const std::string where =
      region != nullptr ? "region " + region->project.title + " (" + region->project.id + ")"
                        : std::string("this run");
  throw core::InputError(
      "no road network is loaded for " + where +
          ": travel times need one. Give an OpenStreetMap extract with --osm FILE, or set "
          "\"roads\" in the project file; data/geo/SOURCES.md ('Road network') shows how to cut "
          "one from a Geofabrik download with osmium",
      core::ErrorContext{region != nullptr ? region->project.file.string() : std::string(), "",
                         std::nullopt, ""});
}

// Next to the source if that folder is writable (the documented default), else the user's
// cache directory, so read-only data folders still get a cache.
fs::path cache_path(const NetworkOptions& o, const fs::path& source,
                    const routing::NetworkRequest& request) {
  if (!o.cache.empty()) {
    return o.cache;
  }
  const auto line = routing::line_profile_for(request);
  const std::string name = line ? line->name : routing::load_profile(request.profile).name;
  return io::writable_cache_path(routing::default_cache_path(source, name));
}

crs::CrsRef network_crs(const io::Region* region, const fs::path& source) {
  if (region != nullptr) {
    return region->working_crs;
  }
  const auto extent = routing::osm_extent(source);
  if (!extent) {
    throw core::InputError("the OpenStreetMap file has no nodes",
                           core::ErrorContext{source.string(), "", std::nullopt, ""});
  }
  return crs::choose_working_crs(crs::GeoBox{extent->first, extent->second}).crs;
}

}  // namespace

LoadedNetwork load_network(const NetworkOptions& o, const io::Region* region,
                           CommandContext& context) {
  const auto start = std::chrono::steady_clock::now();
  LoadedNetwork out;
  out.source = road_source(o, region);
  out.crs = network_crs(region, out.source);
  routing::NetworkRequest request;
  request.source = out.source;
  request.profile = o.profile;
  if (region != nullptr && o.osm.empty()) {
    request.line_profile = region->project.road_profile;
  }
  request.cache.enabled = !o.no_cache;
  request.cache.crs = out.crs.definition;
  if (request.cache.enabled) {
    request.cache.path = cache_path(o, out.source, request);
  }
  if (region != nullptr) {
    for (const io::LoadedLayer* b : region->boundaries()) {
      auto parts = routing::LandParts::parts_of(*b->layer);
      request.land.insert(request.land.end(), parts.begin(), parts.end());
    }
  }
  crs::Transformer projector = crs::Transformer::from_wgs84(out.crs);
  core::Progress& progress = start_stage(context, "road network");
  const ProgressBar bar(progress, context.err, context.progress_bar);
  const auto read_lines = [&](const fs::path& path) {
    io::ReadOptions read = loose_file_options(region);
    read.category = core::Category::road;
    auto loaded = io::read_file(path, read, out.crs);
    out.diagnostics.append(loaded.diagnostics);
    return *loaded.layer;
  };
  auto loaded =
      routing::load_road_network(request, projector, read_lines, out.diagnostics, &progress);
  out.from_cache = loaded.from_cache;
  out.network = std::move(loaded.network);
  out.cache = loaded.cache_path;
  out.profile = loaded.profile_name;
  out.line_layer = loaded.line_layer;
  out.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

void require_on_network(std::span<const analysis::NetworkSite> facilities,
                        const LoadedNetwork& network) {
  if (facilities.empty()) {
    return;
  }
  for (const analysis::NetworkSite& s : facilities) {
    if (s.endpoint) {
      return;
    }
  }
  throw core::InputError(
      "none of the " + std::to_string(facilities.size()) +
          " facilities lies near a road of this network (every one is too far from any road): "
          "is it the road network of the facilities' region?",
      core::ErrorContext{network.source.string(), "", std::nullopt, ""});
}

std::optional<routing::Overlay> load_closures(const NetworkOptions& o, const LoadedNetwork& network,
                                              const io::Region* region,
                                              core::Diagnostics& diagnostics) {
  if (o.closures.empty()) {
    return std::nullopt;
  }
  io::ReadOptions read = loose_file_options(region);
  read.category = core::Category::closure;
  const auto loaded = io::read_file(o.closures, read, network.crs);
  diagnostics.append(loaded.diagnostics);
  const routing::Closures closures = routing::closures_from_layer(*loaded.layer, diagnostics);
  return routing::build_overlay(network.network->index(), closures, diagnostics);
}

std::optional<LoadedNetwork> region_network(const io::Region& region, CommandContext& context) {
  if (!region.project.roads) {
    return std::nullopt;
  }
  try {
    return load_network(NetworkOptions{}, &region, context);
  } catch (const core::InputError& e) {
    context.err << "caremap: the road network could not be loaded (" << e.what()
                << "); distances are straight lines only\n";
    return std::nullopt;
  }
}

}  // namespace caremap::cli
