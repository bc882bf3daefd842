#pragma once
// Builders of analysis::Demand (demand.hpp): where people are, per city, from
//  - a population layer (category population: census mesh cells from io::read_estat_mesh, or
//    小地域 polygons read with a count field), whose fields pop_total, pop_65plus and pop_75plus
//    hold people;
//  - any point or polygon layer with a count field (a patient list, users of a service).
//
// Apportionment by area: a polygon cut by a city boundary or by the coast gives each city the
// share of its people that its area inside the city bears to its whole area (uniform density
// inside the polygon). The part of a coastal cell that lies in the sea therefore takes its share
// of the cell's people out of every city: the census counts them on land, so a city's total
// from the mesh is slightly below its census figure (ApportionReport::people_outside says how
// much of the cells that meet the cities lies outside them, at sea or in a neighbouring
// municipality). Points belong to the city whose polygon holds them.
//
// CRS: every layer in the same working CRS (metres). Cost: O(cells log cells) plus one overlay
// per group of cut cells and city (analysis/piece_overlay.hpp); the default region's 9,496
// cells against 宗像市 and 福津市 take a few tens of milliseconds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/demand.hpp"
#include "core/diagnostics.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

/// What the apportionment did, for reports.
struct ApportionReport {
  std::size_t features = 0;         ///< features of the input layer
  std::size_t features_used = 0;    ///< with people and meeting a city (all, without cities)
  std::size_t cut_features = 0;     ///< polygons cut by a city boundary or the coast
  std::size_t unknown_counts = 0;   ///< features whose count is null (taken as 0)
  std::size_t pieces = 0;           ///< DemandPoints made
  double people_in_features = 0.0;  ///< people of the features used
  double people_inside = 0.0;       ///< apportioned to the cities
  double people_outside = 0.0;      ///< share of those features outside every city
};

/// People, 65+ and 75+ of one city (or of all, or of a band).
struct PeopleCount {
  double people = 0.0;
  double people_65plus = 0.0;
  double people_75plus = 0.0;

  PeopleCount& operator+=(const PeopleCount& o) {
    people += o.people;
    people_65plus += o.people_65plus;
    people_75plus += o.people_75plus;
    return *this;
  }
};

/// Demand from a population layer: pop_total (required), pop_65plus and pop_75plus (both present:
/// has_age_bands). With a boundary layer, the DemandPoints are the pieces of each feature inside
/// each city (features outside every city are left out); without one (nullptr or no polygon
/// features), one DemandPoint per feature with city kNoCity. Labels are mesh_code where the layer
/// has it, else the display name. The basis is population_basis(population). Throws
/// core::InputError naming the layer when it has no pop_total field, core::ArgumentError for
/// layers in different CRSs. Problems with single features go to `diagnostics` (may be null).
Demand population_demand(const core::Layer& population, const core::Layer* boundary,
                         ApportionReport* report = nullptr,
                         core::Diagnostics* diagnostics = nullptr);

/// Demand from any point or polygon layer: `count_field` people per feature (empty: 1 each;
/// unparsable or null counts are 0 with a "unparsable_count" diagnostic), no age bands,
/// apportioned as above. Basis: {"<title>の人数", "counts of <title>"}. Throws core::InputError
/// naming the layer and listing its fields when `count_field` does not exist.
Demand counted_demand(const core::Layer& layer, std::string_view count_field,
                      const core::Layer* boundary, ApportionReport* report = nullptr,
                      core::Diagnostics* diagnostics = nullptr);

/// What a population layer's figures are, for core::ResultBasis::demand:
/// "2020年国勢調査 500mメッシュ人口（面積按分）" / "2020 census 500 m mesh population
/// (apportioned by area)" for an e-Stat file (year from the data date, mesh size from the
/// reader), "人口（<title>、面積按分）" / "population (<title>, apportioned by area)" otherwise.
core::LocalText population_basis(const core::Layer& population);

/// "面積のみ（人口データなし）" / "area only (no population data)": what results of a region
/// without population stand on.
core::LocalText area_only_basis();

/// People of each city (index as Demand::cities); DemandPoints outside every city are not
/// counted. O(points).
std::vector<PeopleCount> people_by_city(const Demand& demand);

/// The people of one DemandPoint as a PeopleCount.
inline PeopleCount people_of(const DemandPoint& p) {
  return {p.people, p.people_65plus, p.people_75plus};
}

}  // namespace caremap::analysis
