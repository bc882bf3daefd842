#include "plan/candidates.hpp"

#include <cmath>
#include <map>
#include <utility>

#include "core/error.hpp"

namespace caremap::plan {

std::vector<PlanSite> grid_candidates(const analysis::Demand& demand, core::Meters spacing) {
  if (!(spacing.value > 0.0)) {
    throw core::ArgumentError("grid spacing must be > 0");
  }
  // Ordered map: candidates come out in grid order, the same for every run.
  std::map<std::pair<long long, long long>, std::size_t> best;
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const analysis::DemandPoint& p = demand.points[i];
    if (!(p.people > 0.0)) {
      continue;
    }
    const std::pair<long long, long long> key{
        static_cast<long long>(std::floor(p.position.x / spacing.value)),
        static_cast<long long>(std::floor(p.position.y / spacing.value))};
    const auto [it, inserted] = best.emplace(key, i);
    if (!inserted && p.people > demand.points[it->second].people) {
      it->second = i;
    }
  }
  std::vector<PlanSite> out;
  for (const auto& [key, i] : best) {
    out.push_back({"grid " + demand.points[i].label, "candidate", demand.points[i].position});
  }
  return out;
}

std::optional<DemandWeight> parse_demand_weight(std::string_view t) {
  if (t == "people") {
    return DemandWeight::people;
  }
  if (t == "65plus") {
    return DemandWeight::people_65plus;
  }
  if (t == "75plus") {
    return DemandWeight::people_75plus;
  }
  if (t == "jmap-medical") {
    return DemandWeight::jmap_medical;
  }
  if (t == "jmap-care") {
    return DemandWeight::jmap_care;
  }
  return std::nullopt;
}

core::LocalText demand_weight_label(DemandWeight w) {
  switch (w) {
    case DemandWeight::people:
      return {"人口", "people"};
    case DemandWeight::people_65plus:
      return {"65歳以上人口", "people aged 65+"};
    case DemandWeight::people_75plus:
      return {"75歳以上人口", "people aged 75+"};
    case DemandWeight::jmap_medical:
      return {"JMAP 医療需要指数", "JMAP medical demand index"};
    case DemandWeight::jmap_care:
      return {"JMAP 介護需要指数", "JMAP care demand index"};
  }
  return {};
}

std::vector<double> demand_weights(const analysis::Demand& demand, DemandWeight w) {
  if (w == DemandWeight::jmap_medical || w == DemandWeight::jmap_care) {
    // JMAP: medical = 0-14 x0.6 + 15-39 x0.4 + 40-64 x1.0 + 65-74 x2.3 + 75+ x3.9;
    // care = 40-64 x1.0 + 65-74 x9.7 + 75+ x87.3. Demand carries all ages, 65+ and 75+ only.
    const bool medical = w == DemandWeight::jmap_medical;
    throw core::InputError(
        std::string(medical ? "the JMAP medical" : "the JMAP care") +
        " demand index needs the age " + (medical ? "bands 15-39 and 40-64" : "band 40-64") +
        " apart; this demand (" + demand.basis.en +
        ") has all ages, 65+ and 75+ only (the census 500 m mesh publishes 0-14, 15-64, 65+ and "
        "75+), so the index cannot be computed: use --weight people, 65plus or 75plus");
  }
  if (w != DemandWeight::people && !demand.has_age_bands) {
    throw core::InputError("--weight " + demand_weight_label(w).en + ": the demand (" +
                           demand.basis.en + ") has no age bands");
  }
  std::vector<double> out;
  out.reserve(demand.points.size());
  for (const analysis::DemandPoint& p : demand.points) {
    // Points outside every city are mapped but not planned for (when there are cities).
    const double v = w == DemandWeight::people          ? p.people
                     : w == DemandWeight::people_65plus ? p.people_65plus
                                                        : p.people_75plus;
    out.push_back(p.city == analysis::kNoCity && !demand.cities.empty() ? 0.0 : v);
  }
  return out;
}

}  // namespace caremap::plan
