#pragma once
// Candidate sites for the location models and the demand weight they serve.
//  - grid_candidates: one candidate per square of a grid over the demand, at the demand point
//    (census cell piece) with the most people in that square, so that every candidate stands
//    where people live rather than at sea or on a mountain top;
//  - demand_weights: people, 65+ or 75+ per demand point; the JMAP indices where the age bands
//    they need exist (the census mesh has 0-14, 15-64, 65+ and 75+: 65-74 follows, but not the
//    15-39 / 40-64 split they weight, so for it they are refused with that reason).

#include <string_view>
#include <vector>

#include "analysis/demand.hpp"
#include "core/units.hpp"
#include "plan/plan_layers.hpp"

namespace caremap::plan {

/// Throws core::ArgumentError for a spacing that is not > 0. O(points log points).
std::vector<PlanSite> grid_candidates(const analysis::Demand& demand, core::Meters spacing);

enum class DemandWeight { people, people_65plus, people_75plus, jmap_medical, jmap_care };

/// "people", "65plus", "75plus", "jmap-medical", "jmap-care"; nullopt otherwise.
std::optional<DemandWeight> parse_demand_weight(std::string_view text);
/// {"人口", "people"}, {"65歳以上人口", "people aged 65+"}, ...
core::LocalText demand_weight_label(DemandWeight w);

/// The weight of every demand point. Throws core::InputError for 65+/75+ when the demand has no
/// age bands, and for the JMAP indices, naming the bands they need and the ones there are.
std::vector<double> demand_weights(const analysis::Demand& demand, DemandWeight w);

}  // namespace caremap::plan
