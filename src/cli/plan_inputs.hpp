#pragma once
// What the planning commands (`plan backup`, `plan n-1`, `plan locate`, `access`) share: the
// region, the demand (the census mesh population by default, or a point/polygon file with a
// count), the clinics (or other facilities) as sites, the distance measure (road travel on the
// region's network with its access legs, or --straight-line) and the reach, and the cost matrix
// from sites to demand points. Every result's provenance is built here, so each states the
// same demand, distance measure and parameters.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/travel_costs.hpp"
#include "cli/command.hpp"
#include "cli/network_loading.hpp"
#include "core/diagnostics.hpp"
#include "core/provenance.hpp"
#include "io/region.hpp"
#include "plan/plan_layers.hpp"
#include "plan/reach.hpp"

namespace caremap::cli {

struct PlanInputOptions {
  std::string region = "munakata-fukutsu";
  std::string demand;       ///< --demand FILE (points or polygons); default: census population
  std::string count_field;  ///< --count-field for --demand (empty: 1 per feature)
  std::string categories = "clinic";
  bool include_in_house = false;  ///< keep 施設内医務室 (nursing-home in-house clinics)
  bool straight_line = false;
  double speed_kmh = 30.0;  ///< --straight-line speed
  double detour = 1.0;      ///< --straight-line detour factor
  std::string reach = "20min";
  NetworkOptions network;
};

/// Adds --region, --demand, --count-field, --category, --include-in-house-clinics,
/// --straight-line, --speed, --detour, --reach (when `with_reach`) and the network options.
void add_plan_input_options(CLI::App& cmd, PlanInputOptions& o, bool with_reach = true);

/// "20min" (time: min, 分, s, h) or "16km" / "500m" (length); throws core::ArgumentError.
plan::ReachRule parse_reach(const std::string& text, std::string_view option);

struct PlanInputs {
  io::Region region;
  analysis::Demand demand;
  std::vector<core::LayerPtr> site_layers;  ///< the layers the sites came from
  std::vector<plan::PlanSite> sites;
  std::optional<LoadedNetwork> network;  ///< nullopt with --straight-line
  /// --closures on the network: every road cost (and what-if) goes round them; nullopt when
  /// none was given.
  std::optional<routing::Overlay> closures;
  std::string closures_file;  ///< the --closures file as given, for the basis and provenance
  plan::ReachRule reach;
  analysis::StraightLineMeasure straight;
  core::Diagnostics diagnostics;
  std::size_t in_house_left_out = 0;  ///< in-house clinics (施設内医務室) not used as sites
  std::vector<std::string> notes;     ///< printed above the results ("4 in-house clinics left out")
};

/// Loads everything but the costs. Throws core::InputError when the region has no population
/// and no --demand is given, or when no site of the requested categories exists.
PlanInputs load_plan_inputs(const PlanInputOptions& o, CommandContext& context);

/// Costs from `sites` (origins: a visit starts there) to every demand point, by road or straight
/// line as the inputs say. Snapping problems go to the inputs' diagnostics.
analysis::TravelCosts plan_costs(PlanInputs& in, std::span<const plan::PlanSite> sites,
                                 CommandContext& context);

/// Costs between the sites themselves (origins and destinations `sites`, same order), measured
/// as plan_costs measures them: who could stand in for whom (plan::nearest_other_sites).
analysis::TravelCosts site_to_site_costs(PlanInputs& in, std::span<const plan::PlanSite> sites,
                                         CommandContext& context);

/// The provenance of a planning result: operation, parameters (reach, categories, demand and
/// the given extras), inputs (the site layers and the population), basis (distance, demand).
core::Provenance plan_provenance(const PlanInputs& in, const std::string& operation,
                                 const core::LocalText& distance_basis,
                                 std::vector<std::pair<std::string, std::string>> extra = {});

/// "Demand: …; distance: …; reach: …; sites: 97 clinics" lines above a command's tables.
void print_plan_basis(const PlanInputs& in, const core::Provenance& p, std::ostream& out);
/// {"demand": {ja, en}, "distance": {ja, en}, "parameters": {...}}.
nlohmann::ordered_json plan_basis_json(const core::Provenance& p);

}  // namespace caremap::cli
