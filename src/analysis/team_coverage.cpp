#include "analysis/team_coverage.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "analysis/coverage_radius.hpp"
#include "analysis/network_sites.hpp"
#include "analysis/od_matrix.hpp"
#include "core/error.hpp"
#include "index/point_index.hpp"

namespace caremap::analysis {

namespace {

TeamMember member(std::string id, core::LocalText name, core::Category category, bool required) {
  TeamMember m;
  m.id = std::move(id);
  m.name = std::move(name);
  m.categories = {category};
  m.reach = default_coverage_radius(category).value_or(core::Meters{0.0});
  m.reach_time = default_reach_time(category);
  m.reach_reason = std::string(default_coverage_radius_reason(category));
  m.required = required;
  return m;
}

void check(const TeamParams& params) {
  if (params.members.empty()) {
    throw core::ArgumentError("team coverage needs at least one team member");
  }
  std::set<std::string> ids;
  for (const TeamMember& m : params.members) {
    if (m.categories.empty()) {
      throw core::ArgumentError("team member '" + m.id + "' has no facility category");
    }
    if (!(m.reach.value > 0.0)) {
      throw core::ArgumentError("team member '" + m.id + "' needs a positive reach");
    }
    if (m.reach_time && !(m.reach_time->value > 0.0)) {
      throw core::ArgumentError("team member '" + m.id + "' needs a positive reach time");
    }
    if (!ids.insert(m.id).second) {
      throw core::ArgumentError("team member '" + m.id + "' is listed twice");
    }
  }
  if (std::none_of(params.members.begin(), params.members.end(),
                   [](const TeamMember& m) { return m.required; })) {
    throw core::ArgumentError("team coverage needs at least one required member");
  }
}

bool serves(const TeamMember& m, core::Category c) {
  return std::any_of(m.categories.begin(), m.categories.end(),
                     [&](core::Category wanted) { return core::satisfies(c, wanted); });
}

// One R-tree per member over the points of every facility that fills the role.
struct MemberSites {
  index::PointIndex index;
  std::vector<core::XY> points;
  std::size_t count = 0;
};

MemberSites sites_of(const TeamMember& m, std::span<const core::Layer* const> layers) {
  std::vector<index::PointIndex::Value> points;
  for (const core::Layer* layer : layers) {
    for (const core::Feature& f : layer->features) {
      if (const auto* p = std::get_if<core::XY>(&f.geometry);
          p != nullptr && serves(m, f.category)) {
        points.emplace_back(*p, core::FeatureId{static_cast<std::uint32_t>(points.size())});
      }
    }
  }
  MemberSites out;
  out.count = points.size();
  for (const auto& v : points) {
    out.points.push_back(v.first);
  }
  out.index = index::PointIndex(std::move(points));
  return out;
}

bool by_road(const TeamMember& m, const TeamParams& params) {
  return params.network != nullptr && m.reach_time.has_value();
}

// Road time from every demand unit to the member's nearest office within its reach time (+inf
// beyond it, or where the unit or every office is cut off): one Dijkstra per unit that stops at
// the first office found.
std::vector<double> road_times(const TeamMember& m, const MemberSites& sites, const Demand& demand,
                               const TeamParams& params, core::Diagnostics& diagnostics,
                               core::Progress* progress) {
  std::vector<double> time_s(demand.points.size(), std::numeric_limits<double>::infinity());
  if (sites.points.empty()) {
    return time_s;
  }
  std::vector<core::XY> origins;
  origins.reserve(demand.points.size());
  for (const DemandPoint& p : demand.points) {
    origins.push_back(p.position);
  }
  OdOptions options;
  options.k_nearest = 1;
  options.max_time = m.reach_time;
  options.threads = 0;
  OdMatrixResult od =
      od_matrix(*params.network, origins, sites.points, options, params.overlay, progress);
  for (const OdRow& row : od.rows) {
    if (row.reachable) {
      time_s[row.origin] = std::min(time_s[row.origin], row.time_s);
    }
  }
  diagnostics.append(od.diagnostics);
  return time_s;
}

void add_people(PeopleCount& to, const DemandPoint& p) {
  to += people_of(p);
}

// The required member out of reach for the most people (by `value`), first listed on ties.
std::optional<std::size_t> most_missing(const TeamCityRow& row,
                                        const std::vector<TeamMember>& members,
                                        double PeopleCount::*value) {
  std::optional<std::size_t> best;
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (!members[m].required || !(row.without[m].*value > 0.0)) {
      continue;
    }
    if (!best || row.without[m].*value > row.without[*best].*value) {
      best = m;
    }
  }
  return best;
}

core::Provenance provenance_of(const TeamParams& params, const Demand& demand,
                               std::span<const core::Layer* const> layers) {
  core::Provenance p;
  p.operation = "team_coverage";
  for (const TeamMember& m : params.members) {
    std::string cats;
    for (core::Category c : m.categories) {
      cats += (cats.empty() ? "" : "+") + std::string(core::to_string(c));
    }
    const std::string reach =
        by_road(m, params)
            ? std::to_string(static_cast<long long>(core::to_minutes(*m.reach_time))) +
                  " min by road"
            : std::to_string(static_cast<long long>(m.reach.value)) + " m";
    p.param(m.id, cats + " within " + reach + (m.required ? "" : " (optional)"));
  }
  for (const core::Layer* l : layers) {
    p.inputs_from(l->provenance);
  }
  core::Provenance people;
  people.inputs = demand.sources;
  p.inputs_from(people);
  if (params.network != nullptr) {
    add_network_provenance(p, *params.network, routing::Metric::time, params.overlay);
    p.basis.distance = team_distance_basis(params.members, *params.network);
  } else {
    p.basis.distance = team_distance_basis();
  }
  p.basis.demand = demand.basis;
  return p;
}

}  // namespace

std::vector<TeamMember> default_team(bool home_help_required) {
  using core::Category;
  return {
      member("clinic", {"診療所", "clinic"}, Category::clinic, true),
      member("visiting_nurse", {"訪問看護", "visiting nurse"}, Category::visiting_nurse_station,
             true),
      member("pharmacy", {"薬局", "pharmacy"}, Category::pharmacy, true),
      member("care_manager", {"ケアマネジャー", "care manager"}, Category::care_manager_office,
             true),
      member("home_help", {"訪問介護", "home help"}, Category::home_help_office,
             home_help_required),
  };
}

std::size_t missing_code(std::span<const std::size_t> missing, std::size_t members) {
  if (missing.empty()) {
    return 0;
  }
  return missing.size() == 1 ? missing.front() + 1 : members + 1;
}

core::LocalText team_distance_basis() {
  return {"直線距離（メッシュ片の重心から最寄りの事業所まで）",
          "straight line (from each cell piece's centroid to the nearest office)"};
}

core::LocalText team_distance_basis(const std::vector<TeamMember>& members,
                                    const routing::RoadNetwork& network) {
  core::LocalText timed;
  core::LocalText straight;
  for (const TeamMember& m : members) {
    core::LocalText& to = m.reach_time ? timed : straight;
    to.ja += (to.ja.empty() ? "" : "・") + m.name.ja;
    to.en += (to.en.empty() ? "" : ", ") + m.name.en;
  }
  const core::LocalText road = network_distance_basis(network);
  core::LocalText out;
  if (!timed.empty()) {
    out.ja = "道路の所要時間（" + timed.ja + "、" + road.ja + "）";
    out.en = "road time (" + timed.en + "; " + road.en + ")";
  }
  if (!straight.empty()) {
    out.ja += (out.ja.empty() ? "" : "、") + std::string("直線距離（") + straight.ja + "）";
    out.en += (out.en.empty() ? "" : ", ") + std::string("straight line (") + straight.en + ")";
  }
  return out;
}

TeamResult team_coverage(const Demand& demand, std::span<const core::Layer* const> facility_layers,
                         const TeamParams& params, const std::string& crs,
                         core::Progress* progress) {
  check(params);
  TeamResult r;
  r.members = params.members;
  const std::size_t n_members = params.members.size();

  std::vector<MemberSites> sites;
  for (const TeamMember& m : params.members) {
    sites.push_back(sites_of(m, facility_layers));
    r.member_sites.push_back(sites.back().count);
    if (sites.back().count == 0) {
      r.diagnostics.add(core::Diagnostic{
          core::Severity::warning,
          "team_member_without_facilities",
          {},
          std::nullopt,
          m.id,
          "no facility fills the role " + m.name.en + " (" + m.name.ja +
              "): the region has no such layer, so nobody has this member in reach"});
    }
  }

  core::Layer& cells = r.cells;
  cells.id = "team_coverage";
  cells.title = "在宅医療チームの到達 / home-care team in reach";
  cells.category = core::Category::mesh;
  cells.crs = crs;
  const std::size_t f_city = cells.add_field("city", core::FieldType::text);
  const std::size_t f_label = cells.add_field("label", core::FieldType::text);
  const std::size_t f_people = cells.add_field("people", core::FieldType::real);
  const std::size_t f_65 = cells.add_field("people_65plus", core::FieldType::real);
  const std::size_t f_75 = cells.add_field("people_75plus", core::FieldType::real);
  std::vector<std::size_t> f_dist;
  std::vector<std::optional<std::size_t>> f_min;
  std::vector<std::size_t> f_in;
  std::vector<std::vector<double>> times(n_members);
  for (std::size_t m = 0; m < n_members; ++m) {
    const TeamMember& member = params.members[m];
    f_dist.push_back(cells.add_field(member.id + "_m", core::FieldType::real));
    f_min.emplace_back();
    if (by_road(member, params)) {
      f_min.back() = cells.add_field(member.id + "_min", core::FieldType::real);
      times[m] = road_times(member, sites[m], demand, params, r.diagnostics, progress);
    }
    f_in.push_back(cells.add_field(member.id, core::FieldType::integer));
  }
  const std::size_t f_missing = cells.add_field("missing", core::FieldType::text);
  const std::size_t f_missing_ja = cells.add_field("missing_ja", core::FieldType::text);
  const std::size_t f_members = cells.add_field("missing_members", core::FieldType::text);
  const std::size_t f_count = cells.add_field("missing_count", core::FieldType::integer);
  const std::size_t f_code = cells.add_field("missing_code", core::FieldType::integer);
  cells.name_field = f_label;

  auto empty_row = [&](std::string name) {
    TeamCityRow row;
    row.city = std::move(name);
    row.without.assign(n_members, PeopleCount{});
    return row;
  };
  for (const std::string& city : demand.cities) {
    r.cities.push_back(empty_row(city));
  }
  r.total = empty_row("計 / all");

  cells.features.reserve(demand.points.size());
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    if (i % 1024 == 0) {
      core::report_progress(
          progress, static_cast<double>(i) /
                        static_cast<double>(std::max<std::size_t>(demand.points.size(), 1)));
    }
    const DemandPoint& p = demand.points[i];
    core::Feature f;
    f.geometry = p.shape;
    f.category = core::Category::mesh;
    f.values.resize(cells.fields.size());
    const bool in_city = p.city != kNoCity && p.city < r.cities.size();
    f.values[f_city] = in_city ? demand.cities[p.city] : std::string();
    f.values[f_label] = p.label;
    f.values[f_people] = p.people;
    f.values[f_65] = p.people_65plus;
    f.values[f_75] = p.people_75plus;
    std::vector<std::size_t> missing;
    std::vector<bool> reached(n_members, false);
    for (std::size_t m = 0; m < n_members; ++m) {
      if (const auto hit = sites[m].index.nearest_one(p.position)) {
        f.values[f_dist[m]] = hit->distance.value;
        reached[m] = hit->distance.value <= params.members[m].reach.value;
      }
      if (f_min[m]) {
        const double t = times[m][i];
        reached[m] = t <= params.members[m].reach_time->value;
        if (reached[m]) {
          f.values[*f_min[m]] = t / 60.0;
        }
      }
      f.values[f_in[m]] = std::int64_t{reached[m] ? 1 : 0};
      if (!reached[m] && params.members[m].required) {
        missing.push_back(m);
      }
    }
    std::string ids;
    for (std::size_t m : missing) {
      ids += (ids.empty() ? "" : ",") + params.members[m].id;
    }
    f.values[f_missing] = missing.empty()       ? std::string("none")
                          : missing.size() == 1 ? params.members[missing[0]].id
                                                : std::string("several");
    f.values[f_missing_ja] = missing.empty()       ? std::string("なし")
                             : missing.size() == 1 ? params.members[missing[0]].name.ja
                                                   : std::string("複数");
    f.values[f_members] = ids;
    f.values[f_count] = static_cast<std::int64_t>(missing.size());
    f.values[f_code] = static_cast<std::int64_t>(missing_code(missing, n_members));
    cells.features.push_back(std::move(f));

    if (!in_city) {
      continue;
    }
    for (TeamCityRow* row : {&r.cities[p.city], &r.total}) {
      ++row->units;
      add_people(row->people, p);
      if (missing.empty()) {
        add_people(row->whole_team, p);
      }
      for (std::size_t m = 0; m < n_members; ++m) {
        if (!reached[m]) {
          add_people(row->without[m], p);
        }
      }
    }
  }
  auto decide = [&](TeamCityRow& row) {
    row.most_missing = most_missing(row, r.members, &PeopleCount::people);
    row.most_missing_75plus = most_missing(row, r.members, &PeopleCount::people_75plus);
  };
  std::for_each(r.cities.begin(), r.cities.end(), decide);
  decide(r.total);
  cells.provenance = provenance_of(params, demand, facility_layers);
  core::report_progress(progress, 1.0);
  return r;
}

core::Layer team_city_table(const TeamResult& result) {
  core::Layer t;
  t.id = "team_by_city";
  t.title = "在宅医療チームの到達（市町村別） / home-care team in reach by city";
  t.category = core::Category::other;
  t.provenance = result.cells.provenance;
  const auto real = core::FieldType::real;
  const std::size_t f_city = t.add_field("city", core::FieldType::text);
  const std::size_t f_units = t.add_field("units", core::FieldType::integer);
  const std::size_t f_people = t.add_field("people", real);
  const std::size_t f_65 = t.add_field("people_65plus", real);
  const std::size_t f_75 = t.add_field("people_75plus", real);
  const std::size_t f_whole = t.add_field("whole_team", real);
  const std::size_t f_whole65 = t.add_field("whole_team_65plus", real);
  const std::size_t f_whole75 = t.add_field("whole_team_75plus", real);
  const std::size_t f_share = t.add_field("whole_team_share", real);
  const std::size_t f_share75 = t.add_field("whole_team_75plus_share", real);
  std::vector<std::size_t> f_without;
  std::vector<std::size_t> f_without75;
  for (const TeamMember& m : result.members) {
    f_without.push_back(t.add_field("without_" + m.id, real));
    f_without75.push_back(t.add_field("without_" + m.id + "_75plus", real));
  }
  const std::size_t f_most = t.add_field("most_missing", core::FieldType::text);
  const std::size_t f_most75 = t.add_field("most_missing_75plus", core::FieldType::text);
  t.name_field = f_city;
  auto share = [](double part, double whole) -> core::FieldValue {
    if (!(whole > 0.0)) {
      return std::monostate{};
    }
    return part / whole;
  };
  auto name_of = [&](const std::optional<std::size_t>& m) -> core::FieldValue {
    return m ? core::FieldValue(result.members[*m].id) : core::FieldValue(std::string("none"));
  };
  std::vector<const TeamCityRow*> rows;
  for (const TeamCityRow& row : result.cities) {
    rows.push_back(&row);
  }
  rows.push_back(&result.total);
  for (const TeamCityRow* row : rows) {
    core::Feature f;
    f.values.resize(t.fields.size());
    f.values[f_city] = row->city;
    f.values[f_units] = static_cast<std::int64_t>(row->units);
    f.values[f_people] = row->people.people;
    f.values[f_65] = row->people.people_65plus;
    f.values[f_75] = row->people.people_75plus;
    f.values[f_whole] = row->whole_team.people;
    f.values[f_whole65] = row->whole_team.people_65plus;
    f.values[f_whole75] = row->whole_team.people_75plus;
    f.values[f_share] = share(row->whole_team.people, row->people.people);
    f.values[f_share75] = share(row->whole_team.people_75plus, row->people.people_75plus);
    for (std::size_t m = 0; m < result.members.size(); ++m) {
      f.values[f_without[m]] = row->without[m].people;
      f.values[f_without75[m]] = row->without[m].people_75plus;
    }
    f.values[f_most] = name_of(row->most_missing);
    f.values[f_most75] = name_of(row->most_missing_75plus);
    t.features.push_back(std::move(f));
  }
  return t;
}

}  // namespace caremap::analysis
