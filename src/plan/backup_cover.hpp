#pragma once
// Backup cover (主治医・副主治医制): a home-care patient needs a primary physician and a second
// one who can stand in (nights, holidays, the primary's absence). For each demand point this
// says which clinic is the first and which the second in reach (nearest first); per city, how
// many people (and 65+, 75+) have 0, 1 and 2 or more clinics in reach; and for each clinic its
// natural backup partner: the other clinic that reaches the largest number of the people the
// clinic itself reaches (the one best placed to stand in for it), with the share of those people
// it reaches. A clinic with no partner reaches no one that another clinic also reaches.
//
// Input: analysis::Demand (people per cell piece and city) and a plan::Reach over the same demand
// points. Cost: O(sum over demand points of (sites in reach)^2) for the partners, O(sites^2)
// memory; O(in-reach pairs) for the rest.

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/population_demand.hpp"
#include "plan/reach.hpp"

namespace caremap::plan {

struct DemandCover {
  std::optional<std::uint32_t> primary;  ///< nearest site in reach
  std::optional<std::uint32_t> backup;   ///< second nearest in reach
  double primary_cost = analysis::kUnreachableCost;
  double backup_cost = analysis::kUnreachableCost;
  std::uint32_t in_reach = 0;
};

/// People by how many sites reach them.
struct CoverCounts {
  std::size_t units = 0;
  analysis::PeopleCount people;    ///< everyone
  analysis::PeopleCount none;      ///< 0 in reach
  analysis::PeopleCount one;       ///< exactly 1: a primary but no backup
  analysis::PeopleCount two_plus;  ///< 2 or more

  CoverCounts& add(const analysis::DemandPoint& p, std::uint32_t in_reach);
};

struct PartnerRow {
  std::uint32_t site = 0;
  std::optional<std::uint32_t> partner;  ///< nullopt: no one it reaches is reached by another
  double people_in_reach = 0.0;          ///< people the site reaches
  double people_shared = 0.0;            ///< of those, reached by the partner too
  /// The partner's own partner is this site: a mutual pair (suggest them as each other's backup).
  bool mutual = false;
};

struct BackupCover {
  std::vector<DemandCover> points;   ///< Demand::points order
  std::vector<CoverCounts> cities;   ///< Demand::cities order
  CoverCounts total;                 ///< every city (points outside the cities excluded)
  std::vector<PartnerRow> partners;  ///< one per site, site order
};

/// Throws core::ArgumentError when `reach` and `demand` differ in their number of points.
BackupCover backup_cover(const analysis::Demand& demand, const Reach& reach);

/// The difference of a what-if against its baseline, per city and in all: people who gained or
/// lost any cover, and who gained or lost a backup (from 2+ to 1, or 1 to 2+).
struct CoverChange {
  analysis::PeopleCount gained_cover;   ///< 0 -> 1+
  analysis::PeopleCount lost_cover;     ///< 1+ -> 0
  analysis::PeopleCount gained_backup;  ///< <2 -> 2+
  analysis::PeopleCount lost_backup;    ///< 2+ -> <2
};
struct CoverComparison {
  std::vector<CoverChange> cities;
  CoverChange total;
};
/// Throws core::ArgumentError when the two covers have different numbers of points.
CoverComparison compare_cover(const analysis::Demand& demand, const BackupCover& baseline,
                              const BackupCover& scenario);

}  // namespace caremap::plan
