#include "app/project_state.hpp"

#include <nlohmann/json.hpp>

#include "core/category.hpp"
#include "core/error.hpp"

namespace caremap::app {

using nlohmann::ordered_json;

namespace {

ordered_json lonlat_json(core::LonLat p) {
  return ordered_json::array({p.lon, p.lat});
}

ordered_json lonlat_list_json(const std::vector<core::LonLat>& points) {
  ordered_json list = ordered_json::array();
  for (const core::LonLat& p : points) {
    list.push_back(lonlat_json(p));
  }
  return list;
}

core::LonLat lonlat_from(const ordered_json& j) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number()) {
    throw core::InputError("a place must be [longitude, latitude]");
  }
  return core::LonLat{j[0].get<double>(), j[1].get<double>()};
}

std::vector<core::LonLat> lonlat_list_from(const ordered_json& j) {
  std::vector<core::LonLat> out;
  for (const ordered_json& p : j) {
    out.push_back(lonlat_from(p));
  }
  return out;
}

template <class T>
void read_optional(const ordered_json& j, const char* key, std::optional<T>& out) {
  if (j.contains(key) && !j[key].is_null()) {
    out = j[key].get<T>();
  }
}

template <class T>
void read_value(const ordered_json& j, const char* key, T& out) {
  if (j.contains(key) && !j[key].is_null()) {
    out = j[key].get<T>();
  }
}

void read_place(const ordered_json& j, const char* key, std::optional<core::LonLat>& out) {
  if (j.contains(key) && !j[key].is_null()) {
    out = lonlat_from(j[key]);
  }
}

}  // namespace

std::string project_state_json(const ProjectState& s) {
  ordered_json j;
  j["region"] = s.region;
  j["files"] = s.files;
  if (s.view) {
    j["view"] = {{"center", lonlat_json(s.view->center)}, {"zoom", s.view->zoom}};
  }
  j["layer_visible"] = s.layer_visible;
  j["lang"] = s.lang;
  j["nearest_k"] = s.nearest_k;
  if (s.nearest) {
    j["nearest"] = lonlat_json(*s.nearest);
  }
  if (s.coverage) {
    ordered_json c = {{"category", std::string(core::to_string(s.coverage->category))}};
    if (s.coverage->radius_m) {
      c["radius_m"] = *s.coverage->radius_m;
    }
    j["coverage"] = c;
  }
  j["team"] = {{"on", s.team}, {"home_help", s.team_home_help}, {"by_road", s.team_by_road}};
  if (s.osm) {
    j["osm"] = *s.osm;
  }
  j["profile"] = s.profile;
  if (s.route) {
    j["route"] = lonlat_json(*s.route);
  }
  if (s.service_area) {
    j["service_area"] = lonlat_json(*s.service_area);
  }
  j["bands"] = s.bands;
  j["sa_mode"] = s.sa_mode;
  j["sa_shape"] = s.sa_shape;
  ordered_json closures = ordered_json::array();
  for (const ClosureOption& c : s.closures) {
    closures.push_back(
        {{"kind", c.kind}, {"factor", c.factor}, {"points", lonlat_list_json(c.points)}});
  }
  j["closures"] = closures;
  j["closure_files"] = s.closure_files;
  j["plan"] = {{"on", s.plan},
               {"reach_min", s.plan_reach_min},
               {"add", lonlat_list_json(s.plan_add)},
               {"remove", lonlat_list_json(s.plan_remove)}};
  if (s.drill) {
    j["drill"] = {{"file", *s.drill}};
    if (s.drill_t_min) {
      j["drill"]["t_min"] = *s.drill_t_min;
    }
    ordered_json edits = ordered_json::array();
    for (const BedEditOption& e : s.drill_bed_edits) {
      edits.push_back({{"inject", e.inject},
                       {"t_min", e.inject_t_min},
                       {"hospital", e.hospital_id},
                       {"free_beds", e.free_beds}});
    }
    j["drill"]["bed_edits"] = edits;
  }
  if (s.views) {
    // The project file's own form, so both read views with the same checks.
    j["views"] = ordered_json::parse(io::saved_views_json(*s.views));
  }
  return j.dump(2);
}

ProjectState parse_project_state(std::string_view text) {
  ProjectState s;
  try {
    const ordered_json j = ordered_json::parse(text);
    if (!j.is_object()) {
      throw core::InputError("the project state is not a JSON object");
    }
    read_value(j, "region", s.region);
    read_value(j, "files", s.files);
    if (j.contains("view")) {
      s.view = ViewOption{lonlat_from(j["view"].at("center")), j["view"].at("zoom").get<double>()};
    }
    read_value(j, "layer_visible", s.layer_visible);
    read_value(j, "lang", s.lang);
    read_value(j, "nearest_k", s.nearest_k);
    read_place(j, "nearest", s.nearest);
    if (j.contains("coverage")) {
      const ordered_json& c = j["coverage"];
      const auto category = core::parse_category(c.at("category").get<std::string>());
      if (!category) {
        throw core::InputError("unknown coverage category " + c["category"].dump());
      }
      CoverageOption coverage;
      coverage.category = *category;
      read_optional(c, "radius_m", coverage.radius_m);
      s.coverage = coverage;
    }
    if (j.contains("team")) {
      read_value(j["team"], "on", s.team);
      read_value(j["team"], "home_help", s.team_home_help);
      read_value(j["team"], "by_road", s.team_by_road);
    }
    read_optional(j, "osm", s.osm);
    read_value(j, "profile", s.profile);
    read_place(j, "route", s.route);
    read_place(j, "service_area", s.service_area);
    read_value(j, "bands", s.bands);
    read_value(j, "sa_mode", s.sa_mode);
    read_value(j, "sa_shape", s.sa_shape);
    if (j.contains("closures")) {
      for (const ordered_json& c : j["closures"]) {
        s.closures.push_back(ClosureOption{c.at("kind").get<std::string>(),
                                           lonlat_list_from(c.at("points")),
                                           c.value("factor", 2.0)});
      }
    }
    read_value(j, "closure_files", s.closure_files);
    if (j.contains("plan")) {
      const ordered_json& p = j["plan"];
      read_value(p, "on", s.plan);
      read_value(p, "reach_min", s.plan_reach_min);
      s.plan_add = lonlat_list_from(p.value("add", ordered_json::array()));
      s.plan_remove = lonlat_list_from(p.value("remove", ordered_json::array()));
    }
    if (j.contains("drill")) {
      s.drill = j["drill"].at("file").get<std::string>();
      read_optional(j["drill"], "t_min", s.drill_t_min);
      // Absent in autosaves written before the bed edits were kept.
      for (const ordered_json& e : j["drill"].value("bed_edits", ordered_json::array())) {
        s.drill_bed_edits.push_back(
            BedEditOption{e.at("inject").get<std::size_t>(), e.at("t_min").get<double>(),
                          e.at("hospital").get<std::string>(), e.at("free_beds").get<int>()});
      }
    }
    if (j.contains("views") && !j["views"].is_null()) {
      s.views = io::parse_saved_views(j["views"].dump(), "autosaved views");
    }
  } catch (const nlohmann::json::exception& e) {
    throw core::InputError(std::string("project state: ") + e.what());
  }
  return s;
}

void restore_options(const ProjectState& s, ViewerOptions& o) {
  o.region = s.region.empty() ? std::nullopt : std::optional<std::string>(s.region);
  o.inputs.assign(s.files.begin(), s.files.end());
  o.view = s.view;
  if (!o.lang) {
    o.lang = parse_lang(s.lang);
  }
  o.nearest_k = static_cast<std::size_t>(s.nearest_k);
  o.nearest = s.nearest;
  o.coverage = s.coverage;
  o.team = s.team;
  o.team_home_help = s.team && s.team_home_help;
  o.team_by_road = s.team && s.team_by_road;
  o.osm = s.osm ? std::optional<std::filesystem::path>(*s.osm) : std::nullopt;
  // The default profile is not an option given: it would open the network tab for nothing.
  o.profile = s.profile == "car" ? std::nullopt : std::optional<std::string>(s.profile);
  o.route = s.route;
  o.service_area = s.service_area;
  o.bands = s.bands;
  o.sa_mode = s.sa_mode;
  o.sa_shape = s.sa_shape;
  o.closures = s.closures;
  o.closures_files.assign(s.closure_files.begin(), s.closure_files.end());
  if (s.plan) {
    o.plan_reach_min = s.plan_reach_min;
    o.plan_add = s.plan_add;
    o.plan_remove = s.plan_remove;
  } else {
    o.plan_reach_min.reset();
    o.plan_add.clear();
    o.plan_remove.clear();
  }
  o.drill = s.drill ? std::optional<std::filesystem::path>(*s.drill) : std::nullopt;
  o.drill_t_min = s.drill_t_min;
  o.drill_bed_edits = s.drill_bed_edits;
  o.views = s.views;
}

}  // namespace caremap::app
