#pragma once
// Demand for the planning analyses (coverage in people, team coverage, the drill generator,
// backup physicians, location models, accessibility): where people are and how many, the city
// each place belongs to, and what the figures stand on.
//
// One DemandPoint per demand unit: a census mesh cell piece inside one city (the cell's people
// apportioned by area when a city boundary or the coast cuts it), a point with a count (a
// patient list), or a polygon with a count (小地域). Positions and shapes are in the working CRS.
//
// Field conventions of a population layer (Category::population, see the census reader):
// `mesh_code`, `pop_total`, `pop_65plus`, `pop_75plus` (people; null where unknown), plus the
// other bands the source has. Results that map demand (team coverage, accessibility) return
// one feature per DemandPoint, in order, with `shape` as geometry.
//
// This header is the shared contract; the builder from a population or point layer lives beside
// the census work (analysis/population_*.hpp).

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "core/provenance.hpp"

namespace caremap::analysis {

inline constexpr std::uint32_t kNoCity = std::numeric_limits<std::uint32_t>::max();

struct DemandPoint {
  core::XY position;             ///< where travel starts: the piece's centroid, or the point itself
  core::Geometry shape;          ///< the cell piece (Polygon/MultiPolygon) or the point; for maps
  std::uint32_t city = kNoCity;  ///< index into Demand::cities; kNoCity outside every city
  double people = 0.0;           ///< all ages (or the count of a point/polygon layer)
  double people_65plus = 0.0;    ///< 0 when !Demand::has_age_bands
  double people_75plus = 0.0;    ///< 0 when !Demand::has_age_bands
  std::string label;             ///< mesh code ("503040123") or the feature's name
};

struct Demand {
  std::vector<DemandPoint> points;
  std::vector<std::string> cities;  ///< display names, boundary order
  bool has_age_bands = false;       ///< people_65plus / people_75plus are known
  /// What the figures are (core::ResultBasis::demand): "2020年国勢調査
  /// 500mメッシュ人口（面積按分）" / "2020 census 500 m mesh population (apportioned by area)".
  core::LocalText basis;
  /// Where the people come from (the population layer's inputs: file, date, credit), for the
  /// provenance and the credit lines of every result that counts them.
  std::vector<core::SourceRef> sources;
};

}  // namespace caremap::analysis
