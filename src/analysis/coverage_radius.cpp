#include "analysis/coverage_radius.hpp"

#include <array>

namespace caremap::analysis {

namespace {

struct RadiusRule {
  core::Category category;
  double radius_m;
  std::string_view reason;
};

// The one table of defaults. Radii are straight-line distances from the facility, as the rules
// they come from are.
constexpr std::array<RadiusRule, 8> kRules{{
    // Medical fee rules (診療報酬, 留意事項通知 for C000 往診料 / C001 在宅患者訪問診療料): a home
    // visit to a patient more than 16 km from the clinic is not reimbursed unless no suitable
    // provider exists nearer (the "16 km rule", 疑義解釈 2007-04-20 問5). So 16 km is the reach of
    // home medical care from a clinic.
    {core::Category::clinic, 16'000.0,
     "16 km rule of the medical fee schedule for 往診 and 訪問診療 (C000, C001)"},
    // Hospitals doing home visits fall under the same 16 km rule.
    {core::Category::hospital, 16'000.0,
     "16 km rule of the medical fee schedule for 往診 and 訪問診療 (C000, C001)"},
    // A backup hospital (在宅療養後方支援病院) supports home-care patients of the same area; it is
    // a hospital and takes the hospital rule.
    {core::Category::backup_hospital, 16'000.0,
     "16 km rule of the medical fee schedule, as for hospitals"},
    // 在宅患者訪問薬剤管理指導料 is not payable beyond 16 km from the pharmacy (same rule).
    {core::Category::pharmacy, 16'000.0,
     "16 km rule for 在宅患者訪問薬剤管理指導料 (home pharmacy visits)"},
    // 歯科訪問診療料 (C000 of the dental schedule) has the same 16 km limit.
    {core::Category::dental, 16'000.0, "16 km rule for 歯科訪問診療料 (home dental visits)"},
    // 指定避難所 is where people stay after a disaster, reached on foot from home, usually the
    // elementary school of the district. 2 km is the walking catchment commonly used for
    // evacuation sites in Japanese urban disaster planning (the 2 km 誘致距離 of a 広域避難地) and
    // takes 35-65 minutes at the 0.5-1.0 m/s walking speeds evacuation plans assume for elderly
    // and ordinary evacuees: about the farthest a household can walk with belongings.
    {core::Category::shelter_evacuation, 2'000.0,
     "2 km walking catchment of an evacuation site (35-65 min at 0.5-1.0 m/s)"},
    // 指定緊急避難場所 is where people flee to at once (tsunami, flood, fire). The Fire and
    // Disaster Management Agency's tsunami evacuation guidance (津波避難対策推進マニュアル検討会
    // 報告書), taken over by prefectural guidelines, puts the limit of evacuation on foot at
    // "at most about 500 m", counting elderly and disabled evacuees.
    {core::Category::shelter_emergency, 500.0,
     "500 m limit of evacuation on foot (消防庁 津波避難対策推進マニュアル検討会報告書)"},
    // Care facilities (特養, 老健, 介護医療院, 定期巡回): 介護保険 sets no distance limit; each
    // service declares its own 通常の事業の実施地域. 16 km matches the medical rule so care and
    // medical layers are read on one scale; replace it with the declared area when known.
    {core::Category::care_facility, 16'000.0,
     "no statutory limit; 16 km as for home medical care, to compare on one scale"},
}};

const RadiusRule* find_rule(core::Category c) {
  for (const RadiusRule& r : kRules) {
    if (r.category == c) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<core::Meters> default_coverage_radius(core::Category c) {
  if (const RadiusRule* r = find_rule(c)) {
    return core::Meters{r->radius_m};
  }
  return std::nullopt;
}

std::string_view default_coverage_radius_reason(core::Category c) {
  const RadiusRule* r = find_rule(c);
  return r ? r->reason : std::string_view{};
}

}  // namespace caremap::analysis
