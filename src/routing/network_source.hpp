#pragma once
// One entry point for every road source: an OpenStreetMap extract (with an OSM profile: car,
// walking, a profile JSON) or any line layer (with a line-layer profile, routing/line_profile.hpp),
// through the same graph cache, into a RoadNetwork described by its profile (access legs, what
// travel times stand on, credit). The front ends pass the reader of line layers (io, GDAL), so
// routing itself links no GDAL.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/projector.hpp"
#include "routing/graph_cache.hpp"
#include "routing/line_graph.hpp"
#include "routing/road_network.hpp"

namespace caremap::routing {

/// .pbf, .osm, .osm.bz2, .osm.gz, .o5m: read with libosmium; anything else is a line layer.
bool is_osm_source(const std::filesystem::path& source);

struct NetworkRequest {
  std::filesystem::path source;
  /// --profile: car, walking, an OSM profile JSON, or a line-layer profile JSON.
  std::string profile = "car";
  /// The project's road_profile: the line-layer profile when `profile` is not one.
  std::optional<std::filesystem::path> line_profile;
  CacheOptions cache;               ///< cache.path empty = the default next to the source
  std::vector<core::Polygon> land;  ///< land parts for access and direct legs
};

struct LoadedRoadNetwork {
  std::shared_ptr<const RoadNetwork> network;
  bool from_cache = false;
  bool line_layer = false;
  std::string profile_name;
  std::filesystem::path cache_path;
  // How a line layer's lines were joined: network->graph().info().line_stats, built or cached.
};

/// The profile file a line layer uses under `request`, nullopt for OSM sources. Throws
/// core::InputError when a line layer has no line-layer profile.
std::optional<LineProfile> line_profile_for(const NetworkRequest& request);

/// Loads or builds the network. `read_lines(path)` reads a line layer in the working CRS (with
/// its provenance path); `projector` projects OSM nodes. Throws core::InputError for a missing
/// source, a line layer without a profile, a class without speed.
LoadedRoadNetwork load_road_network(
    const NetworkRequest& request, core::Projector& projector,
    const std::function<core::Layer(const std::filesystem::path&)>& read_lines,
    core::Diagnostics& diagnostics, core::Progress* progress = nullptr);

}  // namespace caremap::routing
