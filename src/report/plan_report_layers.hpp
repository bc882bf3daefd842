#pragma once
// The map layers of the plan report (plan_report.hpp), built from the planning results and
// styled for print: census cells by a state (how many clinics reach them; gaps a new clinic
// closes; who loses cover when a clinic closes) and the sites as points. Pure: the states come
// from two plan::BackupCover of the same demand (before and after an edit), nothing is
// recomputed. Every layer carries the plan's provenance, so its credits reach the page footer.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"
#include "plan/backup_cover.hpp"
#include "plan/plan_layers.hpp"
#include "report/document.hpp"

namespace caremap::report {

/// The state of a cell on a plan map; kSkip leaves the cell off the map.
inline constexpr int kSkip = -1;

/// A cell's state after new sites were added: 0 still no site in reach, 1 newly within reach,
/// 2 exactly one site in reach (a primary but no backup), kSkip otherwise (or uninhabited).
std::vector<int> gap_states(const analysis::Demand& demand, const plan::BackupCover& before,
                            const plan::BackupCover& after);

/// A cell's state after sites were closed: 0 loses every site in reach, 1 loses its backup (2+
/// before, 1 after), 2 had no site in reach already, kSkip otherwise (or uninhabited).
std::vector<int> loss_states(const analysis::Demand& demand, const plan::BackupCover& before,
                             const plan::BackupCover& after);

/// A cell's number of sites in reach: 0, 1 or 2 (2 or more); kSkip for uninhabited cells.
std::vector<int> reach_states(const analysis::Demand& demand, const plan::BackupCover& cover);

/// The cells of `demand` whose state is not kSkip, as a map layer coloured by state
/// (`colours[state]`, legend `labels[state]`, three states) under `title`.
MapLayer cell_state_layer(const analysis::Demand& demand, std::span<const int> states,
                          const std::string& id, const std::string& title,
                          const std::vector<style::Rgba>& colours,
                          const std::vector<std::string>& labels, const std::string& crs,
                          const core::Provenance& provenance);

/// Points at `sites[indices]` of `category` (its symbol), under `title`; `colour` replaces
/// the symbol's fill when set. Field "name".
MapLayer site_points_layer(std::span<const plan::PlanSite> sites,
                           std::span<const std::uint32_t> indices, core::Category category,
                           const std::string& id, const std::string& title,
                           std::optional<style::Rgba> colour, const std::string& crs,
                           const core::Provenance& provenance);

}  // namespace caremap::report
