#pragma once
// What a road closure does to access: runs nearest_by_time (k = 1) without and with a closure
// overlay (a flood zone, a cut bridge, a slowed area) and reports, for every demand point,
// whether its nearest facility changed, how much time was added, and whether it lost (or kept
// failing) access. Also draws the closed roads.
//
// CRS: the network's working CRS. Cost: two nearest_by_time runs.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "analysis/nearest_by_time.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

enum class ClosureStatus {
  unchanged,          ///< same facility, same time (within 1 ms)
  slower,             ///< same facility, more time
  faster,             ///< same facility, less time (a slowdown factor < 1)
  facility_changed,   ///< another facility is now the nearest
  newly_unreachable,  ///< reached a facility before, none now
  still_unreachable,  ///< reached none before either
  newly_reachable,    ///< reached none before, one now
};

/// "unchanged", "slower", ... (the status field's values).
const char* to_string(ClosureStatus s);

struct ClosureEffectRow {
  core::FeatureId demand;
  ClosureStatus status = ClosureStatus::unchanged;
  std::optional<std::uint32_t> before_facility;  ///< index into facilities
  std::optional<std::uint32_t> after_facility;
  double before_time_s = 0.0;  ///< kUnreachable if none
  double after_time_s = 0.0;
  double added_s = 0.0;  ///< after - before when both reached, else 0
};

struct ClosureEffectSummary {
  std::size_t demand_points = 0;  ///< with a position
  std::size_t unchanged = 0;
  std::size_t slower = 0;
  std::size_t faster = 0;
  std::size_t facility_changed = 0;
  std::size_t newly_unreachable = 0;
  std::size_t still_unreachable = 0;
  std::size_t newly_reachable = 0;
  double added_total_s = 0.0;  ///< sum of added_s over points reached before and after
  double added_max_s = 0.0;
  std::size_t closed_arcs = 0;
};

struct ClosureEffectResult {
  /// Category demand: one point per demand feature with a position, fields demand_fid,
  /// demand_name, status, before_facility, before_time_min, after_facility, after_time_min,
  /// added_min (null where not both reached).
  core::Layer points;
  /// Category closure: the closed road segments (LineString), fields way_id, length_m.
  core::Layer closed_roads;
  /// The routes after the closure (nearest_by_time's route layer), if params.build_routes.
  core::Layer routes_after;
  std::vector<ClosureEffectRow> rows;  ///< demand order
  std::vector<NetworkSite> facilities;
  ClosureEffectSummary summary;
  core::Diagnostics diagnostics;  ///< of the "after" run (the "before" one has the same snaps)
};

/// params.k is ignored (1). Throws as nearest_by_time.
ClosureEffectResult closure_effect(const routing::RoadNetwork& network, const core::Layer& demand,
                                   std::span<const core::LayerPtr> facility_layers,
                                   const NearestByTimeParams& params,
                                   const routing::Overlay& closure,
                                   core::Progress* progress = nullptr);

/// The closed parts of an overlay's segments as a closure layer (fields way_id, length_m: the
/// closed length): where a barrier lies, not the whole road between two junctions (a cut line,
/// closing a point, is drawn 10 m long).
core::Layer closed_roads_layer(const routing::RoadGraph& graph, const routing::Overlay& overlay);

}  // namespace caremap::analysis
