#pragma once
// A dense travel-cost matrix between origins (patients, demand cells) and destinations
// (hospitals, clinics, candidate sites): what the drill's assignment, the planning models and
// team coverage read, whichever way the costs were measured. Every matrix says how it was
// measured (`basis`), so the result built on it can say so too.
//
// Two ways to fill one:
//  - road_costs: travel time and length over a road network (analysis::od_matrix, with the
//    current closures), unreachable pairs +inf;
//  - straight_line_costs: the straight line times a detour factor at a stated speed, for a
//    region without a road network; its basis says "straight line" in both languages.
//
// Memory: two doubles per pair (10,000 patients x 20 hospitals = 3.2 MB).

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "analysis/od_matrix.hpp"
#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "core/progress.hpp"
#include "core/units.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

inline constexpr double kUnreachableCost = std::numeric_limits<double>::infinity();

struct TravelCosts {
  std::size_t origins = 0;
  std::size_t destinations = 0;
  std::vector<double> time_s;    ///< origin-major, origins x destinations; +inf = unreachable
  std::vector<double> length_m;  ///< same layout; +inf = unreachable
  bool by_road = false;
  core::LocalText basis;  ///< how the costs were measured (core::ResultBasis::distance)

  double time(std::size_t origin, std::size_t destination) const {
    return time_s[origin * destinations + destination];
  }
  double length(std::size_t origin, std::size_t destination) const {
    return length_m[origin * destinations + destination];
  }
  bool reachable(std::size_t origin, std::size_t destination) const {
    return time(origin, destination) < kUnreachableCost;
  }
};

/// How a straight line becomes a travel time where there is no road network.
struct StraightLineMeasure {
  core::MetersPerSecond speed = core::from_km_per_hour(30.0);
  double detour_factor = 1.0;  ///< >= 1: length = straight distance x factor
};

/// Straight-line costs: length = distance x detour factor, time = length / speed. Throws
/// core::ArgumentError for a speed <= 0 or a detour factor < 1. O(origins x destinations).
TravelCosts straight_line_costs(std::span<const core::XY> origins,
                                std::span<const core::XY> destinations,
                                const StraightLineMeasure& measure);

/// Road costs from the full OD matrix (options.k_nearest must be unset); origins or
/// destinations that do not reach the network are unreachable. `diagnostics` receives the OD
/// matrix's (snap_too_far, ...). The basis is network_distance_basis(network).
TravelCosts road_costs(const routing::RoadNetwork& network, std::span<const core::XY> origins,
                       std::span<const core::XY> destinations, const OdOptions& options,
                       const routing::Overlay* overlay, core::Diagnostics& diagnostics,
                       core::Progress* progress = nullptr);

/// `basis` with the closures it was computed under: "…、通行止め：有向区間 12（flood.gpkg）" /
/// "…, closures: 12 directed road segments closed (flood.gpkg)". `where` names them (a file,
/// "closures drawn on the map").
core::LocalText with_closures(core::LocalText basis, std::size_t closed_arcs,
                              const core::LocalText& where);

/// "直線距離（迂回係数 1.3、時速 30 km）" / "straight line (detour factor 1.3, 30 km/h)".
core::LocalText straight_line_basis(const StraightLineMeasure& measure);

}  // namespace caremap::analysis
