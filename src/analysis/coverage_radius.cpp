#include "analysis/coverage_radius.hpp"

#include <array>

namespace caremap::analysis {

namespace {

struct RadiusRule {
  core::Category category;
  double radius_m;
  std::string_view reason;
  double travel_time_s = 0.0;  ///< the same reach by road time; 0: the rule is a distance only
};

// The one table of defaults. Radii are straight-line distances from the facility, as the rules
// they come from are.
constexpr std::array<RadiusRule, 11> kRules{{
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
    // The home-care team. 介護保険 sets no distance for these services: each office declares its
    // 通常の事業の実施地域 (usually its own city and some neighbours), and the fee schedule pays
    // extra only for serving people outside it (中山間地域等に居住する者へのサービス提供加算).
    // The reaches below are therefore planning assumptions, from how often staff travel to one
    // home, and are stated as such in every result. Straight line, as the medical 16 km rule.
    //
    // A visiting nurse comes once to several times a week, an hour each, and an urgent call
    // (緊急時訪問看護) must be answered within the day: 8 km is about 20 minutes by car on local
    // roads (30 km/h on local roads, with roads about 1.3 times the straight line).
    {core::Category::visiting_nurse_station, 8'000.0,
     "planning reach: no statutory limit (実施地域 declared by each station); 8 km, about 20 min "
     "by car, for regular visits and urgent calls",
     20 * 60.0},
    // A care manager visits each client's home at least once a month (モニタリング, 居宅介護支援の
    // 運営基準 第13条) and organises the team from the office: 10 km, about 25 minutes by car.
    {core::Category::care_manager_office, 10'000.0,
     "planning reach: no statutory limit (実施地域 declared by each office); 10 km, about 25 min "
     "by car, for the monthly home visit",
     25 * 60.0},
    // A home helper comes daily, often several times a day for 20-60 minute visits, and the
    // office bears the travel between homes: 5 km, about 15 minutes by car.
    {core::Category::home_help_office, 5'000.0,
     "planning reach: no statutory limit (実施地域 declared by each office); 5 km, about 15 min "
     "by car, for daily short visits",
     15 * 60.0},
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

std::optional<core::Seconds> default_reach_time(core::Category c) {
  const RadiusRule* r = find_rule(c);
  if (r == nullptr || r->travel_time_s <= 0.0) {
    return std::nullopt;
  }
  return core::Seconds{r->travel_time_s};
}

std::string_view default_coverage_radius_reason(core::Category c) {
  const RadiusRule* r = find_rule(c);
  return r ? r->reason : std::string_view{};
}

}  // namespace caremap::analysis
