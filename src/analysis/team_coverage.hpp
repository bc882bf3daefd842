#pragma once
// Team coverage: home care is a team (a physician, a visiting nurse, a pharmacist, a care
// manager, a home helper), and a person can be cared for at home only where every member of it
// can reach them. For each demand unit (a census mesh cell piece inside one city, analysis/
// demand.hpp) this says which members are within their reach, and per city how many people,
// and how many aged 75+, have the whole team, and which member is missing most often for the
// rest.
//
// Distance: straight line in the working CRS, from the demand unit's position (the centroid of
// the cell piece) to the nearest facility of each member. With a road network, the members that
// have a travel-time reach (visiting nurse 20 min, care manager 25 min, home help 15 min) are
// measured by road time instead (access and direct legs included, closures respected); the
// clinic and the pharmacy keep their 16 km straight line, because that rule of home medical
// care is a distance. Every result says which in its provenance (basis.distance), beside what
// the people figures stand on (basis.demand).
//
// Cost: one R-tree per member, one nearest query per member and demand unit:
// O((points + sites) log sites); by road, one Dijkstra per demand unit and timed member that
// stops at the nearest office or at the reach (analysis::od_matrix with k = 1).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/population_demand.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/units.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

/// One member of the home-care team: the facilities that fill the role and how far they reach.
struct TeamMember {
  std::string id;                          ///< "visiting_nurse": field names, CLI, JSON
  core::LocalText name;                    ///< {"訪問看護", "visiting nurse"}
  std::vector<core::Category> categories;  ///< facilities that fill it (core::satisfies)
  core::Meters reach{0.0};                 ///< straight line
  /// The same reach as road travel time, used when a road network is given; nullopt: this
  /// member stays a straight-line distance even then (the 16 km rule of clinics, pharmacies).
  std::optional<core::Seconds> reach_time;
  std::string reach_reason;  ///< why this reach (coverage_radius.cpp), for reports
  /// false: reported per cell and per city, but not needed for "the whole team" (home help,
  /// which many families replace by their own care).
  bool required = true;
};

/// The team the issue names, with the categories' planning reaches (default_coverage_radius):
/// clinic (診療所, 16 km), visiting nurse (訪問看護ステーション, 8 km), pharmacy (薬局, 16 km),
/// care manager (居宅介護支援事業所, 10 km), and home help (訪問介護事業所, 5 km), optional
/// unless `home_help_required`.
std::vector<TeamMember> default_team(bool home_help_required = false);

struct TeamParams {
  std::vector<TeamMember> members = default_team();
  /// The road network the timed members are measured on (nullptr: every member in a straight
  /// line), with the closures in force (may be null). Both must outlive the call.
  const routing::RoadNetwork* network = nullptr;
  const routing::Overlay* overlay = nullptr;
};

/// People with and without members of the team, for one city (or all).
struct TeamCityRow {
  std::string city;
  std::size_t units = 0;             ///< demand units (cell pieces) of the city
  PeopleCount people;                ///< everyone
  PeopleCount whole_team;            ///< every required member in reach
  std::vector<PeopleCount> without;  ///< per member (TeamResult::members order): not in reach
  /// The required member out of reach for most people / most people aged 75+; nullopt when
  /// everyone has the whole team. Ties go to the member listed first.
  std::optional<std::size_t> most_missing;
  std::optional<std::size_t> most_missing_75plus;
};

struct TeamResult {
  std::vector<TeamMember> members;
  std::vector<std::size_t> member_sites;  ///< facilities found per member
  /// One feature per DemandPoint, in order, with its shape: city, label, people, people_65plus,
  /// people_75plus; per member "<id>_m" (straight-line metres to the nearest, null when there is
  /// none), for members measured by road "<id>_min" (road minutes to the nearest within the
  /// reach, null beyond it or cut off) and "<id>" (1 in reach, 0 not); "missing" (the one required
  /// member out of reach, "several", or "none"), "missing_ja" (its Japanese name, 複数, なし),
  /// "missing_members" (comma-separated ids), "missing_count" and "missing_code" (missing_code(): a
  /// number per class, for a map coloured by what is missing). Category mesh; provenance as
  /// described above.
  core::Layer cells;
  std::vector<TeamCityRow> cities;  ///< Demand::cities order
  TeamCityRow total;                ///< every city together (units outside cities excluded)
  core::Diagnostics diagnostics;
};

/// Team coverage of `demand` by the facilities of `facility_layers` (working CRS, points; the
/// feature's own category decides which member it serves). A member without any facility is
/// kept, out of reach everywhere, with a warning "team_member_without_facilities" (the region
/// lacks that data: say so rather than drop the member). Throws core::ArgumentError for an
/// empty team, a member without categories, a non-positive reach or duplicate ids; throws
/// core::Cancelled through `progress`.
TeamResult team_coverage(const Demand& demand, std::span<const core::Layer* const> facility_layers,
                         const TeamParams& params, const std::string& crs,
                         core::Progress* progress = nullptr);

/// The per-city rows as an attribute table (no geometry), one row per city and one for all:
/// city, units, people, people_65plus, people_75plus, whole_team(_65plus/_75plus),
/// whole_team_share, whole_team_75plus_share, per member without_<id> and without_<id>_75plus,
/// most_missing, most_missing_75plus. Same provenance as the cells.
core::Layer team_city_table(const TeamResult& result);

/// The "missing_code" of a cell whose required members `missing` (indices into the members) are
/// out of reach: 0 for none, m + 1 for member m alone, `members` + 1 for several. One number per
/// class of the missing-member map.
std::size_t missing_code(std::span<const std::size_t> missing, std::size_t members);

/// {"直線距離（メッシュ片の重心から最寄りの事業所まで）", "straight line (from each cell
/// piece's centroid to the nearest office)"}.
core::LocalText team_distance_basis();

/// With a network: which members go by road time on which network and which stay straight
/// line, e.g. "道路の所要時間（訪問看護・ケアマネジャー、<network>）、直線距離（診療所・薬局）".
core::LocalText team_distance_basis(const std::vector<TeamMember>& members,
                                    const routing::RoadNetwork& network);

}  // namespace caremap::analysis
