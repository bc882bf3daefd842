#pragma once
// Access legs: how a place reaches the road network when the network does not reach its door.
//
// On a street network (OpenStreetMap) a house stands on a street and the snap to it costs
// nothing. On a trunk-only network (KSJ N01: expressway, national and prefectural roads) most
// places are hundreds of metres to kilometres from the nearest road, and the way there runs on
// streets the data does not hold. An access leg is the straight line from the place to the
// nearest point of a road, travelled at `speed_kmh` with its length multiplied by
// `detour_factor` (streets are not straight). The same measure gives the direct leg between an
// origin and a destination, used where it beats every route through the network.
//
// A speed of 0 means "no access legs": the snap is free, as it always was for OSM networks.

#include <algorithm>

#include "core/units.hpp"

namespace caremap::routing {

struct AccessModel {
  double speed_kmh = 0.0;      ///< 0 = access legs cost nothing (street networks)
  double detour_factor = 1.0;  ///< >= 1: leg length = straight distance x factor
  /// Places farther than this from every road are snapped all the same, and flagged.
  double flag_distance_m = 1000.0;
  /// The snap radius when access legs are costed (places farther are not placed at all).
  double max_distance_m = 500.0;
  /// Whether an origin may go straight to a destination when that is faster than the network.
  bool direct_legs = false;

  bool costed() const { return speed_kmh > 0.0; }
  /// The travelled length of a leg whose straight length is `straight_m`.
  double length_m(double straight_m) const { return straight_m * detour_factor; }
  /// The time of that leg in seconds (0 when not costed).
  double time_s(double straight_m) const {
    return costed() ? length_m(straight_m) / (speed_kmh / 3.6) : 0.0;
  }
  /// The straight distance a leg covers in `time_s` seconds.
  double reach_m(double time_s) const {
    return costed() ? std::max(0.0, time_s) * (speed_kmh / 3.6) / detour_factor : 0.0;
  }
  bool long_leg(double straight_m) const { return straight_m > flag_distance_m; }
};

}  // namespace caremap::routing
