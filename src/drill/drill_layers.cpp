#include "drill/drill_layers.hpp"

#include <cmath>
#include <cstdio>

namespace caremap::drill {

namespace {

std::string minutes(double time_s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", time_s / 60.0);
  return buf;
}

const char* kDrillMark = "訓練用データ / drill data";

std::string site_id(const Scenario& s, const Patient& p, std::int32_t site) {
  if (site == kNotPlaced) {
    return "";
  }
  const auto i = static_cast<std::size_t>(site);
  return p.wants_shelter ? s.shelters[i].id : s.hospitals[i].id;
}

std::string site_name(const Scenario& s, const Patient& p, std::int32_t site) {
  if (site == kNotPlaced) {
    return "";
  }
  const auto i = static_cast<std::size_t>(site);
  return p.wants_shelter ? s.shelters[i].name : s.hospitals[i].name;
}

core::Layer base_layer(const Scenario& scenario, const DrillResult& result, std::string id,
                       std::string title, core::Category category) {
  core::Layer l;
  l.id = std::move(id);
  l.title = std::move(title);
  l.category = category;
  l.crs = scenario.crs;
  l.provenance = result.provenance;
  return l;
}

core::FieldValue time_min(double time_s) {
  return std::isfinite(time_s) ? core::FieldValue{std::round(time_s / 6.0) / 10.0}
                               : core::FieldValue{};
}

}  // namespace

std::string why_text(const Scenario& scenario, const PatientOutcome& o, core::Lang lang) {
  const bool ja = lang == core::Lang::ja;
  std::string s;
  for (const NearerHospital& n : o.nearer) {
    std::string reason = describe(n.reason).in(lang);
    if (!n.missing.empty()) {
      reason += (ja ? "：" : ": ") + core::describe(n.missing, lang);
    }
    const double t = std::isfinite(n.time_s) ? n.time_s : n.open_time_s;
    s += (s.empty() ? "" : (ja ? "、" : "; ")) + scenario.hospitals[n.hospital].name +
         (ja ? "（" : " (") + reason + (ja ? "、" : ", ") +
         (std::isfinite(n.time_s) ? "" : (ja ? "通常" : "normally ")) + minutes(t) +
         (ja ? "分）" : " min)");
  }
  return s;
}

core::Layer assignment_layer(const Scenario& scenario, const DrillResult& result, core::Lang lang) {
  core::Layer l = base_layer(scenario, result, "drill_assignment", "訓練 搬送先 / drill assignment",
                             core::Category::demand);
  l.fields = {{"inject_t_min", core::FieldType::real},
              {"inject", core::FieldType::text},
              {"patient_id", core::FieldType::text},
              {"priority", core::FieldType::integer},
              {"needs", core::FieldType::text},
              {"wants", core::FieldType::text},
              {"placed", core::FieldType::integer},
              {"site_id", core::FieldType::text},
              {"site_name", core::FieldType::text},
              {"time_min", core::FieldType::real},
              {"length_m", core::FieldType::real},
              {"not_placed_reason", core::FieldType::text},
              {"why_not_nearer", core::FieldType::text},
              {"moved", core::FieldType::integer},
              {"time_added_min", core::FieldType::real},
              {"times_by", core::FieldType::text},
              {"data", core::FieldType::text}};
  l.name_field = 2;
  for (const InjectResult& r : result.injects) {
    std::vector<const Move*> move_of(scenario.patients.size(), nullptr);
    for (const Move& m : r.change.moved) {
      move_of[m.patient] = &m;
    }
    for (std::size_t i = 0; i < scenario.patients.size(); ++i) {
      const Patient& p = scenario.patients[i];
      const PatientOutcome& o = r.patients[i];
      core::Feature f;
      f.geometry = p.position;
      f.category = core::Category::demand;
      f.source_row = p.source_row;
      f.values = {
          r.state.t_min,
          r.state.title,
          p.id,
          std::int64_t{p.priority},
          core::to_text(p.needs),
          std::string(p.wants_shelter ? "shelter" : "bed"),
          std::int64_t{o.placed() ? 1 : 0},
          site_id(scenario, p, o.site),
          site_name(scenario, p, o.site),
          time_min(o.time_s),
          o.placed() ? core::FieldValue{std::round(o.length_m)} : core::FieldValue{},
          o.not_placed ? core::FieldValue{describe(*o.not_placed).in(lang)} : core::FieldValue{},
          why_text(scenario, o, lang),
          std::int64_t{move_of[i] != nullptr ? 1 : 0},
          move_of[i] != nullptr ? time_min(move_of[i]->time_added_s) : core::FieldValue{},
          result.basis.in(lang),
          std::string(scenario.drill_data ? kDrillMark : "")};
      l.features.push_back(std::move(f));
    }
  }
  return l;
}

core::Layer routes_layer(const Scenario& scenario, const DrillResult& result,
                         const std::vector<std::vector<PatientRoute>>& routes) {
  core::Layer l = base_layer(scenario, result, "drill_routes", "訓練 搬送経路 / drill routes",
                             core::Category::route);
  l.fields = {{"inject_t_min", core::FieldType::real}, {"patient_id", core::FieldType::text},
              {"site_id", core::FieldType::text},      {"site_name", core::FieldType::text},
              {"time_min", core::FieldType::real},     {"times_by", core::FieldType::text},
              {"data", core::FieldType::text}};
  l.name_field = 1;
  for (std::size_t k = 0; k < result.injects.size(); ++k) {
    const InjectResult& r = result.injects[k];
    for (std::size_t i = 0; i < scenario.patients.size(); ++i) {
      if (!r.patients[i].placed() || k >= routes.size() || routes[k][i].empty()) {
        continue;
      }
      const Patient& p = scenario.patients[i];
      core::Feature f;
      f.geometry = routes[k][i].line;
      f.category = core::Category::route;
      f.values = {r.state.t_min,
                  p.id,
                  site_id(scenario, p, r.patients[i].site),
                  site_name(scenario, p, r.patients[i].site),
                  time_min(r.patients[i].time_s),
                  result.basis.ja,
                  std::string(scenario.drill_data ? kDrillMark : "")};
      l.features.push_back(std::move(f));
    }
  }
  return l;
}

core::Layer hospital_load_layer(const Scenario& scenario, const DrillResult& result) {
  core::Layer l = base_layer(scenario, result, "drill_hospital_load",
                             "訓練 病院の受入 / drill hospital load", core::Category::hospital);
  l.fields = {{"inject_t_min", core::FieldType::real},  {"hospital_id", core::FieldType::text},
              {"hospital_name", core::FieldType::text}, {"load", core::FieldType::integer},
              {"free_beds", core::FieldType::integer},  {"backup_beds", core::FieldType::integer},
              {"capacity", core::FieldType::integer},   {"backup_in_use", core::FieldType::integer},
              {"load_percent", core::FieldType::real},  {"status", core::FieldType::text},
              {"data", core::FieldType::text}};
  l.name_field = 2;
  for (const InjectResult& r : result.injects) {
    for (std::size_t h = 0; h < scenario.hospitals.size(); ++h) {
      const HospitalLoad& load = r.hospitals[h];
      std::string status = load.damaged    ? "被災 / damaged"
                           : load.no_power ? "停電 / no power"
                           : load.full()   ? "満床 / full"
                                           : "";
      core::Feature f;
      f.geometry = scenario.hospitals[h].position;
      f.category = core::Category::hospital;
      f.values = {r.state.t_min,
                  scenario.hospitals[h].id,
                  scenario.hospitals[h].name,
                  std::int64_t{load.load},
                  std::int64_t{load.free_beds},
                  std::int64_t{load.backup_beds},
                  std::int64_t{load.capacity()},
                  std::int64_t{load.backup_in_use()},
                  load.capacity() > 0 ? core::FieldValue{std::round(load.share() * 1000.0) / 10.0}
                                      : core::FieldValue{},
                  status,
                  std::string(scenario.drill_data ? kDrillMark : "")};
      l.features.push_back(std::move(f));
    }
  }
  return l;
}

}  // namespace caremap::drill
