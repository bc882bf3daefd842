#pragma once
// Origin-destination matrix over the road network: travel time and road length from every
// origin to every destination (or only to each origin's k nearest), ready for CSV.
//
// Method: origins and destinations are snapped (routing::SegmentIndex; farther than
// snap_distance = "snap_too_far" diagnostics, their rows unreachable). One routing::TargetSearch
// per origin: a one-to-all Dijkstra up to the cutoff (full matrix) or one that stops once the k
// nearest destinations are certain. Origins run in parallel on `threads` std::threads, each with
// its own search object; rows are written to fixed slots, so the result is identical for any
// thread count. Times come from the same arrays and the same arithmetic as one-to-one routes.
//
// Rows: full matrix = origins x destinations rows, origin-major, unreachable ones marked
// (reachable = false, time and length +inf); k nearest = up to k rows per origin, nearest first.
//
// Complexity: O(M x (V + E) log V) for M origins (less with a cutoff or k). Monaco car graph,
// 1000 x 1000, 2 threads: see bench/routing.

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

struct OdOptions {
  routing::Metric metric = routing::Metric::time;  ///< what "nearest" and the cutoff measure
  std::optional<core::Seconds> max_time;           ///< pairs beyond are unreachable
  std::optional<core::Meters> max_length;          ///< pairs beyond are unreachable
  std::optional<std::size_t> k_nearest;            ///< only the k nearest destinations, k >= 1
  core::Meters snap_distance = routing::kDefaultSnapDistance;
  unsigned threads = 1;  ///< 0 = all cores
  /// Full matrix only: one backward search per destination (the same travel direction, origin
  /// to destination) instead of one forward search per origin. For many origins and few
  /// destinations (1,000 patients, 20 hospitals: 20 searches instead of 1,000). Times equal
  /// the forward ones up to the order of floating-point sums.
  bool search_from_destinations = false;
};

struct OdRow {
  std::uint32_t origin = 0;       ///< index into OdMatrixResult::origin_sites
  std::uint32_t destination = 0;  ///< index into OdMatrixResult::destination_sites
  double time_s = 0.0;            ///< +inf if unreachable
  double length_m = 0.0;          ///< +inf if unreachable
  bool reachable = false;
  /// The direct leg (straight line at the access measure) beat the network: the pair's time is
  /// that leg's. Only on networks whose profile allows direct legs.
  bool direct = false;
};

struct OdMatrixResult {
  std::size_t origins = 0;
  std::size_t destinations = 0;
  std::vector<OdRow> rows;
  std::vector<NetworkSite> origin_sites;
  std::vector<NetworkSite> destination_sites;
  /// "snap_too_far", "demand_without_geometry".
  core::Diagnostics diagnostics;
  core::Provenance provenance;
};

/// The matrix between plain points (working CRS). Throws core::ArgumentError for k = 0,
/// negative limits or search_from_destinations with k_nearest.
OdMatrixResult od_matrix(const routing::RoadNetwork& network, std::span<const core::XY> origins,
                         std::span<const core::XY> destinations, const OdOptions& options,
                         const routing::Overlay* overlay = nullptr,
                         core::Progress* progress = nullptr);

/// The matrix between the features of two layers (representative points; features without a
/// geometry are left out with a diagnostic).
OdMatrixResult od_matrix(const routing::RoadNetwork& network, const core::Layer& origins,
                         const core::Layer& destinations, const OdOptions& options,
                         const routing::Overlay* overlay = nullptr,
                         core::Progress* progress = nullptr);

/// The rows as an attribute table (no geometry): origin_layer, origin_fid, origin_name,
/// destination_layer, destination_fid, destination_name, reachable (0/1), time_s, time_min,
/// length_m (null when unreachable), direct (0/1). Meant for export; for very large matrices write
/// the rows directly.
core::Layer od_table(const OdMatrixResult& result);

}  // namespace caremap::analysis
