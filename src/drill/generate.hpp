#pragma once
// Drill patients drawn by a stated rule, reproducibly by seed. Every generated patient is drill
// data (Scenario::drill_data); the front end says so in every output.
//
// Where: N draws, each picks a place with probability proportional to its weight (the census
// 75+ population of a mesh cell, a care facility's 定員, or a street's length where there is no
// census), then a point uniformly inside it: inside a polygon (rejection within its box), along
// a line, or within `jitter_m` of a point (a care facility's residents live there; the jitter
// keeps them apart on the map).
// Needs: each need independently with its stated share.
// Priority (the stated rule): 3 with a ventilator; 2 with dialysis or home oxygen; else 1.
// Shelter: a patient with no need asking for a service wants a shelter place instead of a bed
// with probability `shelter_share`.
// The random numbers are a 64-bit Mersenne twister mapped by our own arithmetic (not the
// standard distributions, which differ between standard libraries), so a seed gives the same
// patients everywhere.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/care_needs.hpp"
#include "core/geometry.hpp"
#include "drill/scenario.hpp"

namespace caremap::drill {

struct WeightedPlace {
  core::Geometry where;  ///< XY, LineString, Polygon or MultiPolygon (working CRS)
  double weight = 0.0;   ///< >= 0
};

struct NeedShare {
  core::CareNeed need = core::CareNeed::ventilator;
  double share = 0.0;  ///< 0..1
};

struct GenerateParams {
  std::size_t count = 100;
  std::uint64_t seed = 1;
  std::vector<NeedShare> needs;
  double shelter_share = 0.0;   ///< 0..1
  double jitter_m = 150.0;      ///< around point places
  std::string id_prefix = "D";  ///< ids D0001, D0002, ...
};

/// The generated patients. Throws core::ArgumentError when no place has a positive weight, a
/// share lies outside 0..1, or a weight is negative or not finite.
std::vector<Patient> generate_patients(std::span<const WeightedPlace> places,
                                       const GenerateParams& params);

/// The priority rule above.
int priority_for(core::CareNeeds needs);

}  // namespace caremap::drill
