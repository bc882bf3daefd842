#pragma once
// Nearest facilities by travel over the road network: for every demand point (patients,
// households, shelters' users) the k facilities of the requested categories that are quickest
// to reach (or shortest by road with Metric::distance), with time, length and the route as a
// line that follows the roads; and, for maps, the nearest facility of every road node.
//
// Method: demand points and facilities are snapped to the nearest road (routing::SegmentIndex,
// within snap_distance; farther ones are "snap_too_far" diagnostics). Per demand point one
// routing::TargetSearch runs from its snapped position and stops as soon as the k best
// facilities are certain (or at the cutoff). TravelDirection::to_facility measures demand ->
// facility, from_facility facility -> demand (different on one-way streets); both take one
// search per demand point. Demand points are spread over `threads` workers, each with its own
// search object; the result does not depend on the thread count.
//
// Access and direct legs (networks whose profile costs them, routing/access.hpp): every time
// includes the access legs of both ends; where the straight leg from demand to facility at the
// access measure is faster than the network (and crosses no closure and no sea) it is the
// answer and the row says direct = 1. Sites on islands no road reaches are left out
// ("not_connected_by_road").
//
// The per-node field uses one multi-source Dijkstra from all facilities at once and records
// which facility won each node.
//
// CRS: the network's working CRS (metres). Complexity: one partial Dijkstra per demand point.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/network_sites.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

struct NearestByTimeParams {
  std::vector<core::Category> categories;          ///< requested; empty = every feature
  std::size_t k = 1;                               ///< facilities per demand point, >= 1
  routing::Metric metric = routing::Metric::time;  ///< rank by time or by road length
  std::optional<core::Seconds> max_time;           ///< farther facilities are ignored
  std::optional<core::Meters> max_length;          ///< farther facilities are ignored
  TravelDirection direction = TravelDirection::to_facility;
  core::Meters snap_distance = routing::kDefaultSnapDistance;
  bool build_routes = true;  ///< LineString routes in the layer (else the layer has no geometry)
  unsigned threads = 1;      ///< 0 = all cores
};

struct NearestByTimeRow {
  core::FeatureId demand;
  std::uint32_t rank = 1;      ///< 1 = nearest
  std::uint32_t facility = 0;  ///< index into NearestByTimeResult::facilities
  double time_s = 0.0;
  double length_m = 0.0;
  /// The direct leg (access measure, straight line) beat every route through the network.
  bool direct = false;
};

struct NearestByTimeResult {
  /// Category route: one feature per row, fields demand_fid, demand_name, rank, facility_layer,
  /// facility_fid, facility_name, facility_category, time_s, time_min, length_m, access_m,
  /// access_s (both ends' access legs, or the whole direct leg), road_s (the road part), direct
  /// (1 = the direct leg was faster than the network), long_access (1 = an access leg longer
  /// than the profile's flag distance); geometry the
  /// route from the demand's road position to the facility's (or reverse for from_facility).
  core::Layer routes;
  std::vector<NearestByTimeRow> rows;  ///< by demand feature, then rank
  std::vector<NetworkSite> facilities;
  /// Demand features with a position but no facility within reach (not snapped, cut off, or
  /// on a part of the network that reaches none); each also a "no_facility_within_reach"
  /// warning.
  std::vector<core::FeatureId> unreachable;
  /// "snap_too_far", "no_facility_within_reach", "demand_without_geometry",
  /// "facility_without_geometry", "no_facilities" (error).
  core::Diagnostics diagnostics;
};

/// Throws core::ArgumentError for k = 0, negative limits or snap distance, null or mixed-CRS
/// layers. `overlay` closes or slows roads (may be null). Progress as in core::Progress.
NearestByTimeResult nearest_by_time(const routing::RoadNetwork& network, const core::Layer& demand,
                                    std::span<const core::LayerPtr> facility_layers,
                                    const NearestByTimeParams& params,
                                    const routing::Overlay* overlay = nullptr,
                                    core::Progress* progress = nullptr);

/// The nearest facility of every road node: one multi-source search.
struct NodeNearestResult {
  std::vector<std::uint32_t> facility;  ///< per node: index into facilities, or routing::kNone
  std::vector<double> time_s;           ///< per node (kUnreachable if none)
  std::vector<double> length_m;
  std::vector<NetworkSite> facilities;
  /// Category other: one point per reached node, fields node_osm_id, facility_layer,
  /// facility_fid, facility_name, time_s, time_min, length_m.
  core::Layer nodes;
  core::Diagnostics diagnostics;
};

NodeNearestResult nearest_facility_per_node(const routing::RoadNetwork& network,
                                            std::span<const core::LayerPtr> facility_layers,
                                            const NearestByTimeParams& params,
                                            const routing::Overlay* overlay = nullptr,
                                            core::Progress* progress = nullptr);

}  // namespace caremap::analysis
