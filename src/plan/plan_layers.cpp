#include "plan/plan_layers.hpp"

#include <cmath>
#include <string>

namespace caremap::plan {

namespace {

constexpr auto kReal = core::FieldType::real;
constexpr auto kText = core::FieldType::text;
constexpr auto kInt = core::FieldType::integer;

core::Layer new_layer(std::string id, std::string title, core::Category category,
                      const std::string& crs, const core::Provenance& provenance) {
  core::Layer l;
  l.id = std::move(id);
  l.title = std::move(title);
  l.category = category;
  l.crs = crs;
  l.provenance = provenance;
  return l;
}

core::Feature new_feature(const core::Layer& l, core::Geometry geometry) {
  core::Feature f;
  f.geometry = std::move(geometry);
  f.category = l.category;
  f.values.resize(l.fields.size());
  return f;
}

// Costs in the unit a planner reads: minutes for time, kilometres for length.
core::FieldValue cost_value(double cost, const ReachRule& rule) {
  if (!std::isfinite(cost)) {
    return std::monostate{};
  }
  return rule.measure == ReachMeasure::time ? cost / 60.0 : cost / 1000.0;
}

core::FieldValue share(double part, double whole) {
  return whole > 0.0 ? core::FieldValue(part / whole) : core::FieldValue(std::monostate{});
}

}  // namespace

core::Layer backup_cells_layer(const analysis::Demand& demand, const BackupCover& cover,
                               std::span<const PlanSite> sites, const ReachRule& rule,
                               const std::string& crs, const core::Provenance& provenance) {
  core::Layer l = new_layer("backup_cover", "主治医・副主治医（在宅医療の二重の備え）",
                            core::Category::mesh, crs, provenance);
  const std::string unit = rule.measure == ReachMeasure::time ? "_min" : "_km";
  const std::size_t f_city = l.add_field("city", kText);
  const std::size_t f_label = l.add_field("label", kText);
  const std::size_t f_people = l.add_field("people", kReal);
  const std::size_t f_65 = l.add_field("people_65plus", kReal);
  const std::size_t f_75 = l.add_field("people_75plus", kReal);
  const std::size_t f_n = l.add_field("in_reach", kInt);
  const std::size_t f_cover = l.add_field("cover", kText);
  const std::size_t f_primary = l.add_field("primary", kText);
  const std::size_t f_primary_cost = l.add_field("primary" + unit, kReal);
  const std::size_t f_backup = l.add_field("backup", kText);
  const std::size_t f_backup_cost = l.add_field("backup" + unit, kReal);
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const analysis::DemandPoint& p = demand.points[i];
    const DemandCover& c = cover.points[i];
    core::Feature f = new_feature(l, p.shape);
    f.values[f_city] = p.city == analysis::kNoCity ? std::string() : demand.cities[p.city];
    f.values[f_label] = p.label;
    f.values[f_people] = p.people;
    f.values[f_65] = p.people_65plus;
    f.values[f_75] = p.people_75plus;
    f.values[f_n] = std::int64_t{c.in_reach};
    f.values[f_cover] = std::string(c.in_reach == 0 ? "0" : c.in_reach == 1 ? "1" : "2+");
    if (c.primary) {
      f.values[f_primary] = sites[*c.primary].name;
      f.values[f_primary_cost] = cost_value(c.primary_cost, rule);
    }
    if (c.backup) {
      f.values[f_backup] = sites[*c.backup].name;
      f.values[f_backup_cost] = cost_value(c.backup_cost, rule);
    }
    l.features.push_back(std::move(f));
  }
  return l;
}

core::Layer cover_city_table(const analysis::Demand& demand, const BackupCover& cover,
                             const core::Provenance& provenance) {
  core::Layer l = new_layer("backup_cover_by_city", "主治医・副主治医（市別）",
                            core::Category::other, "", provenance);
  const std::size_t f_city = l.add_field("city", kText);
  const std::size_t f_units = l.add_field("units", kInt);
  const std::size_t f_people = l.add_field("people", kReal);
  const std::size_t f_65 = l.add_field("people_65plus", kReal);
  const std::size_t f_75 = l.add_field("people_75plus", kReal);
  struct Group {
    const char* name;
    analysis::PeopleCount CoverCounts::*member;
  };
  const Group groups[] = {{"none", &CoverCounts::none},
                          {"one", &CoverCounts::one},
                          {"two_plus", &CoverCounts::two_plus}};
  std::vector<std::size_t> f_group;
  for (const Group& g : groups) {
    const std::string n = g.name;
    f_group.push_back(l.add_field(n, kReal));
    l.add_field(n + "_75plus", kReal);
    l.add_field(n + "_share", kReal);
    l.add_field(n + "_75plus_share", kReal);
  }
  auto add = [&](const std::string& city, const CoverCounts& c) {
    core::Feature f = new_feature(l, core::Geometry{});
    f.values[f_city] = city;
    f.values[f_units] = static_cast<std::int64_t>(c.units);
    f.values[f_people] = c.people.people;
    f.values[f_65] = c.people.people_65plus;
    f.values[f_75] = c.people.people_75plus;
    for (std::size_t g = 0; g < f_group.size(); ++g) {
      const analysis::PeopleCount& v = c.*(groups[g].member);
      f.values[f_group[g]] = v.people;
      f.values[f_group[g] + 1] = v.people_75plus;
      f.values[f_group[g] + 2] = share(v.people, c.people.people);
      f.values[f_group[g] + 3] = share(v.people_75plus, c.people.people_75plus);
    }
    l.features.push_back(std::move(f));
  };
  for (std::size_t c = 0; c < demand.cities.size(); ++c) {
    add(demand.cities[c], cover.cities[c]);
  }
  add("計 (all)", cover.total);
  return l;
}

core::Layer partner_layer(const BackupCover& cover, std::span<const PlanSite> sites,
                          const std::string& crs, const core::Provenance& provenance) {
  core::Layer l = new_layer("backup_partners", "副主治医の候補（各診療所の相方）",
                            core::Category::other, crs, provenance);
  const std::size_t f_site = l.add_field("site", kText);
  const std::size_t f_layer = l.add_field("layer", kText);
  const std::size_t f_partner = l.add_field("partner", kText);
  const std::size_t f_reach = l.add_field("people_in_reach", kReal);
  const std::size_t f_shared = l.add_field("people_shared", kReal);
  const std::size_t f_share = l.add_field("shared_share", kReal);
  const std::size_t f_mutual = l.add_field("mutual", kInt);
  l.name_field = f_site;
  for (const PartnerRow& r : cover.partners) {
    core::Feature f = new_feature(l, sites[r.site].position);
    f.values[f_site] = sites[r.site].name;
    f.values[f_layer] = sites[r.site].layer;
    if (r.partner) {
      f.values[f_partner] = sites[*r.partner].name;
    }
    f.values[f_reach] = r.people_in_reach;
    f.values[f_shared] = r.people_shared;
    f.values[f_share] = share(r.people_shared, r.people_in_reach);
    f.values[f_mutual] = std::int64_t{r.mutual ? 1 : 0};
    l.features.push_back(std::move(f));
  }
  return l;
}

core::Layer cover_loss_layer(const analysis::Demand& demand, std::span<const CoverLoss> losses,
                             std::span<const PlanSite> sites, const std::string& crs,
                             const core::Provenance& provenance) {
  core::Layer l = new_layer("n_minus_one", "診療所が1か所欠けたとき（N-1）", core::Category::other,
                            crs, provenance);
  const std::size_t f_rank = l.add_field("rank", kInt);
  const std::size_t f_site = l.add_field("site", kText);
  const std::size_t f_layer = l.add_field("layer", kText);
  const std::size_t f_lost = l.add_field("lost_cover", kReal);
  const std::size_t f_lost65 = l.add_field("lost_cover_65plus", kReal);
  const std::size_t f_lost75 = l.add_field("lost_cover_75plus", kReal);
  const std::size_t f_backup = l.add_field("lost_backup", kReal);
  const std::size_t f_backup75 = l.add_field("lost_backup_75plus", kReal);
  std::vector<std::size_t> f_city;
  for (std::size_t c = 0; c < demand.cities.size(); ++c) {
    f_city.push_back(l.add_field("lost_cover_" + std::to_string(c + 1), kReal));
  }
  l.name_field = f_site;
  for (std::size_t k = 0; k < losses.size(); ++k) {
    const CoverLoss& loss = losses[k];
    std::string names;
    for (std::uint32_t s : loss.removed) {
      names += (names.empty() ? "" : ", ") + sites[s].name;
    }
    core::Feature f =
        new_feature(l, loss.removed.empty() ? core::Geometry{}
                                            : core::Geometry{sites[loss.removed[0]].position});
    f.values[f_rank] = static_cast<std::int64_t>(k + 1);
    f.values[f_site] = names;
    if (!loss.removed.empty()) {
      f.values[f_layer] = sites[loss.removed[0]].layer;
    }
    f.values[f_lost] = loss.lost_cover.people;
    f.values[f_lost65] = loss.lost_cover.people_65plus;
    f.values[f_lost75] = loss.lost_cover.people_75plus;
    f.values[f_backup] = loss.lost_backup.people;
    f.values[f_backup75] = loss.lost_backup.people_75plus;
    for (std::size_t c = 0; c < f_city.size(); ++c) {
      f.values[f_city[c]] = loss.lost_cover_by_city[c].people;
    }
    l.features.push_back(std::move(f));
  }
  return l;
}

core::Layer chosen_sites_layer(const LocationProblem& pr, const LocationSolution& solution,
                               std::span<const PlanSite> candidates, const std::string& crs,
                               const core::Provenance& provenance) {
  core::Layer l = new_layer("locate_" + std::string(to_string(solution.model)), "新設候補地",
                            core::Category::proposed_site, crs, provenance);
  const std::size_t f_rank = l.add_field("rank", kInt);
  const std::size_t f_site = l.add_field("site", kText);
  const std::size_t f_new = l.add_field("people_newly_covered", kReal);
  l.name_field = f_site;
  const std::vector<double> before = existing_best(pr);
  for (std::size_t k = 0; k < solution.chosen.size(); ++k) {
    const std::uint32_t c = solution.chosen[k];
    double fresh = 0.0;
    for (std::size_t i = 0; i < pr.demand; ++i) {
      if (!(before[i] <= pr.reach.limit) && pr.at(pr.existing + c, i) <= pr.reach.limit) {
        fresh += pr.weight[i];
      }
    }
    core::Feature f = new_feature(l, candidates[c].position);
    f.values[f_rank] = static_cast<std::int64_t>(k + 1);
    f.values[f_site] = candidates[c].name;
    f.values[f_new] = fresh;
    l.features.push_back(std::move(f));
  }
  return l;
}

core::Layer access_cells_layer(const analysis::Demand& demand, const AccessResult& access,
                               const std::string& crs, const core::Provenance& provenance) {
  core::Layer l = new_layer("accessibility", "医療アクセス指標（2SFCA）", core::Category::mesh, crs,
                            provenance);
  const std::size_t f_city = l.add_field("city", kText);
  const std::size_t f_label = l.add_field("label", kText);
  const std::size_t f_people = l.add_field("people", kReal);
  const std::size_t f_75 = l.add_field("people_75plus", kReal);
  const std::size_t f_access = l.add_field("access_per_1000", kReal);
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const analysis::DemandPoint& p = demand.points[i];
    core::Feature f = new_feature(l, p.shape);
    f.values[f_city] = p.city == analysis::kNoCity ? std::string() : demand.cities[p.city];
    f.values[f_label] = p.label;
    f.values[f_people] = p.people;
    f.values[f_75] = p.people_75plus;
    f.values[f_access] = access.access[i] * 1000.0;
    l.features.push_back(std::move(f));
  }
  return l;
}

}  // namespace caremap::plan
