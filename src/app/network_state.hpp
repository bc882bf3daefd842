#pragma once
// The viewer's road-network state: which network is loaded (or why none is) and the closures the
// planner drew or loaded, with their overlay: what every travel-time module (app/modules/routes,
// service_areas, closures) routes on. The modules' own parameters and figures are theirs. Part of
// AppState; plain data, UI thread only.
//
// Travel times are never replaced by straight lines: without a network every travel-time action
// is disabled and the panel says why and how to get one.

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::routing {
class RoadNetwork;
}

namespace caremap::index {
class LayerIndex;
}

namespace caremap::app {

class SharedOverlay;

enum class TravelProfile { car, walking };

/// "car" / "walking" (the routing profile names).
const char* to_string(TravelProfile p);

/// A road graph loaded for one profile.
struct LoadedNetwork {
  std::shared_ptr<const routing::RoadNetwork> network;
  core::LayerPtr roads;  ///< its road segments as a layer, built once by the loading job
  std::shared_ptr<const index::LayerIndex> roads_index;  ///< their R-tree, built with them
  std::filesystem::path source;
  bool from_cache = false;
  double seconds = 0.0;
  std::size_t nodes = 0;
  std::size_t segments = 0;
  std::size_t components = 0;  ///< connected pieces (routing::graph_stats), built by the job
  std::size_t dead_ends = 0;
  bool line_layer = false;  ///< joined from a line layer: its LineGraphStats say how
};

struct NetworkState {
  // Where a network comes from.
  std::optional<std::filesystem::path> region_roads;  ///< the project's "roads", if any
  /// How provenance names the project's roads (io::road_source: relative path, data date).
  core::SourceRef region_roads_source;
  /// The project's "road_profile" (line-layer roads such as KSJ N01).
  std::optional<std::filesystem::path> region_road_profile;
  /// The region's boundary polygon parts: access and direct legs never cross the sea.
  std::vector<core::Polygon> region_land;
  std::filesystem::path requested;  ///< the OSM file loaded or loading
  TravelProfile profile = TravelProfile::car;
  std::array<std::optional<LoadedNetwork>, 2> loaded;  ///< by profile, for `requested`
  bool loading = false;  ///< cleared by the load job's outcome handler, however it ends
  std::string error;     ///< the last load failure
  core::Diagnostics diagnostics;
  /// Bumped when the network or the closures change: results of jobs started before are stale.
  std::uint64_t generation = 0;

  // Closures: drawn or loaded barriers (areas, lines, points, way ids) and slowdown areas, as
  // the layers the user sees and exports (category closure; slowdowns carry "factor").
  core::LayerPtr closures;   ///< barriers; null when none
  core::LayerPtr slowdowns;  ///< slowdown areas; null when none
  /// The closure files read into `closures` / `slowdowns` (the autosave reads them again).
  std::vector<std::filesystem::path> closure_files;
  /// The overlay of `closures` + `slowdowns` on the current network, shared by the jobs of one
  /// generation (network_jobs.hpp, current_overlay()); rebuilt when either changes.
  std::shared_ptr<SharedOverlay> overlay;
  std::uint64_t overlay_generation = 0;
};

/// The network of the current profile, if loaded.
const LoadedNetwork* current_network(const NetworkState& n);

/// True when any closure or slowdown exists.
bool has_closures(const NetworkState& n);

}  // namespace caremap::app
