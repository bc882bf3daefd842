#pragma once
// The planning results as layers (for the writers, the viewer and --json), each with the
// provenance the caller built: operation, parameters, and the basis (distance measure and
// demand) every figure stands on. One feature per demand point (with its shape) or per site.

#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"
#include "plan/accessibility.hpp"
#include "plan/backup_cover.hpp"
#include "plan/cover_loss.hpp"
#include "plan/location_problem.hpp"

namespace caremap::plan {

/// A site as the layers name and place it.
struct PlanSite {
  std::string name;
  std::string layer;  ///< the layer it came from ("clinics"), or "candidate"
  core::XY position;  ///< working CRS
};

/// Category mesh, one feature per demand point: city, label, people, people_65plus,
/// people_75plus, in_reach, cover ("0", "1", "2+"), primary, primary_cost, backup, backup_cost
/// (costs in the reach measure's unit: min or km as the field name says; null when none).
core::Layer backup_cells_layer(const analysis::Demand& demand, const BackupCover& cover,
                               std::span<const PlanSite> sites, const ReachRule& rule,
                               const std::string& crs, const core::Provenance& provenance);

/// No geometry; one row per city and one for all: city, units, people(_65plus, _75plus), then
/// none_, one_, two_plus_ people / 75+ and their shares.
core::Layer cover_city_table(const analysis::Demand& demand, const BackupCover& cover,
                             const core::Provenance& provenance);

/// Points at the sites: site, layer, partner, people_in_reach, people_shared, shared_share,
/// mutual (0/1); partner null for a site with none.
core::Layer partner_layer(const BackupCover& cover, std::span<const PlanSite> sites,
                          const std::string& crs, const core::Provenance& provenance);

/// Points at the removed site (the first of a set), in the order given: rank, site, layer,
/// lost_cover, lost_cover_65plus, lost_cover_75plus, lost_backup, lost_backup_75plus, then per
/// city lost_cover_<n> (n = city index + 1; the titles are in the provenance parameters).
core::Layer cover_loss_layer(const analysis::Demand& demand, std::span<const CoverLoss> losses,
                             std::span<const PlanSite> sites, const std::string& crs,
                             const core::Provenance& provenance);

/// Points at the chosen candidates: rank (order of the list), site, people_newly_covered
/// (mclp/lscp: people within reach of this site and of no existing one).
core::Layer chosen_sites_layer(const LocationProblem& problem, const LocationSolution& solution,
                               std::span<const PlanSite> candidates, const std::string& crs,
                               const core::Provenance& provenance);

/// Category mesh, one feature per demand point: city, label, people, people_75plus,
/// access_per_1000 (supply per 1,000 people).
core::Layer access_cells_layer(const analysis::Demand& demand, const AccessResult& access,
                               const std::string& crs, const core::Provenance& provenance);

}  // namespace caremap::plan
