#pragma once
// How many people of a Demand live inside an area (the covered part of a city, a service-area
// band, a gap), per city: the people figure beside every area figure.
//
// A piece with a shape counts by the share of its area inside (uniform density inside the
// piece, as the apportionment that made it); a point counts wholly when inside. Cut pieces are
// clipped in batches (analysis/piece_overlay.hpp), so one PeopleLocator answers many areas
// cheaply: the default region's ~1,000 pieces against a coverage union in milliseconds.
//
// CRS: the demand and the areas in the same working CRS.

#include <memory>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/piece_overlay.hpp"
#include "analysis/population_demand.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

class PeopleLocator {
 public:
  /// Keeps a reference to `demand`, which must outlive the locator. O(n log n).
  explicit PeopleLocator(const Demand& demand);

  const Demand& demand() const { return m_demand; }

  /// Share (0..1) of each DemandPoint inside `area`, in order.
  std::vector<double> shares_inside(const core::MultiPolygon& area) const;

  /// People inside `area`, per city (index as Demand::cities; points outside every city are
  /// not counted).
  std::vector<PeopleCount> inside_by_city(const core::MultiPolygon& area) const;

  /// People inside `area`, all cities together (and points outside them).
  PeopleCount inside(const core::MultiPolygon& area) const;

 private:
  const Demand& m_demand;
  std::vector<core::MultiPolygon> m_shapes;  ///< pieces with an area
  std::vector<std::size_t> m_shape_point;    ///< their DemandPoint
  std::vector<std::size_t> m_point_points;   ///< DemandPoints without an area
  std::unique_ptr<PieceOverlay> m_overlay;
};

/// Adds the fields people, people_65plus and people_75plus (real; the age fields only when the
/// demand has age bands) to every polygon feature of `areas` (service areas, gaps): the people
/// inside each. Features without a polygon get nulls. O(features x cut pieces).
void add_people_fields(core::Layer& areas, const PeopleLocator& people);

/// People within one band of a service-area layer, whichever facility reaches them.
struct BandPeople {
  std::size_t feature = 0;  ///< the band's first feature in the layer (for its label)
  double band = 0.0;        ///< its band_min or band_m value
  PeopleCount people;
};

/// People per band of `areas` (numeric field band_min or band_m): the union of each band's
/// polygons, so that people reached by two facilities count once (overlap mode draws one
/// polygon per facility). Bands in the order first met; none when the layer has neither field.
std::vector<BandPeople> people_per_band(const core::Layer& areas, const PeopleLocator& people);

}  // namespace caremap::analysis
