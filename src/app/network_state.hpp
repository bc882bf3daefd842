#pragma once
// The viewer's road-network state: which network is loaded (or why none is), the closures the
// planner drew or loaded, and the parameters and figures of the travel-time analyses (nearest
// facilities by road, service areas, what the closures change). Part of AppState; plain data.
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

#include "analysis/closure_effect.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::routing {
class RoadNetwork;
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
  std::filesystem::path source;
  bool from_cache = false;
  double seconds = 0.0;
  std::size_t nodes = 0;
  std::size_t segments = 0;
};

struct RouteRow {
  core::Category category = core::Category::other;
  std::uint32_t rank = 1;
  std::string name;
  double time_s = 0.0;
  double length_m = 0.0;
};

enum class ServiceAreaSource { clicked_point, selected_facility, category };

struct BandArea {
  double band_min = 0.0;
  double area_km2 = 0.0;  ///< summed over facilities (overlap mode counts overlaps twice)
  std::size_t polygons = 0;
};

/// What the closures change, as the panel shows it: the analysis's own summary and what the
/// demand was ("clicked point · 薬局", a layer title).
struct ClosureEffectFigures {
  analysis::ClosureEffectSummary summary;
  std::string demand;
};

struct NetworkState {
  // Where a network comes from.
  std::optional<std::filesystem::path> region_roads;  ///< the project's "roads", if any
  /// The project's "road_profile" (line-layer roads such as KSJ N01).
  std::optional<std::filesystem::path> region_road_profile;
  /// The region's boundary polygon parts: access and direct legs never cross the sea.
  std::vector<core::Polygon> region_land;
  std::filesystem::path requested;  ///< the OSM file loaded or loading
  TravelProfile profile = TravelProfile::car;
  std::array<std::optional<LoadedNetwork>, 2> loaded;  ///< by profile, for `requested`
  bool loading = false;
  std::string error;  ///< the last load failure
  core::Diagnostics diagnostics;
  /// Bumped when the network or the closures change: results of jobs started before are stale.
  std::uint64_t generation = 0;

  // Closures: drawn or loaded barriers (areas, lines, points, way ids) and slowdown areas, as
  // the layers the user sees and exports (category closure; slowdowns carry "factor").
  core::LayerPtr closures;      ///< barriers; null when none
  core::LayerPtr slowdowns;     ///< slowdown areas; null when none
  std::size_t closed_arcs = 0;  ///< of the current profile's network
  /// The overlay of `closures` + `slowdowns` on the current network, shared by the jobs of one
  /// generation (network_jobs.cpp, shared_overlay()); rebuilt when either changes.
  std::shared_ptr<SharedOverlay> overlay;
  std::uint64_t overlay_generation = 0;

  // Travel-time nearest from a clicked place.
  bool picking_route = false;
  int route_k = 3;
  std::optional<core::XY> route_origin;
  std::vector<RouteRow> route_rows;
  std::string route_note;  ///< why there are no rows (no facilities, unreachable)

  // Service areas.
  bool picking_service_area = false;
  ServiceAreaSource sa_source = ServiceAreaSource::clicked_point;
  core::Category sa_category = core::Category::hospital;
  std::optional<core::XY> sa_origin;
  std::string sa_bands = "5,10,15,30";  ///< minutes, the editable text
  int sa_mode = 0;                      ///< analysis::ServiceAreaMode: overlap, split, dissolve
  int sa_shape = 0;                     ///< analysis::BandShape: disks, rings
  bool sa_requested = false;            ///< recompute when the network or closures change
  std::vector<BandArea> sa_bands_result;
  std::string sa_note;

  // What the closures change for the demand (the clicked point or a demand layer).
  std::uint32_t effect_demand_uid = 0;  ///< 0 = the clicked route origin
  core::Category effect_category = core::Category::hospital;
  std::optional<ClosureEffectFigures> effect;
  std::string effect_note;
};

/// The network of the current profile, if loaded.
const LoadedNetwork* current_network(const NetworkState& n);

/// True when any closure or slowdown exists.
bool has_closures(const NetworkState& n);

}  // namespace caremap::app
