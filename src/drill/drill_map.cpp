#include "drill/drill_map.hpp"

#include "drill/drill_layers.hpp"

namespace caremap::drill {

namespace {

// A copy of `from` with only its rows [begin, end).
std::shared_ptr<core::Layer> slice(const core::Layer& from, std::size_t begin, std::size_t end) {
  auto l = std::make_shared<core::Layer>(from);
  l->features.assign(from.features.begin() + static_cast<std::ptrdiff_t>(begin),
                     from.features.begin() + static_cast<std::ptrdiff_t>(end));
  return l;
}

std::string titled(const core::LocalText& title, core::Lang lang, const std::string& tail) {
  return title.in(lang) + tail;
}

// The class value of every patient in inject `r`: the ramp's field.
std::int64_t class_of(const Scenario& s, const PatientOutcome& o, const Patient& p) {
  if (!o.placed()) {
    return -1;
  }
  return p.wants_shelter ? shelter_class(s) : o.site;
}

// The routes of one inject as map features: `rows` holds one feature per placed patient with a
// route, in the patients' order (routes_layer); each becomes one feature per part.
std::shared_ptr<core::Layer> route_parts(const core::Layer& rows, const InjectResult& r,
                                         const std::vector<PatientRoute>& routes, core::Lang lang) {
  auto out = std::make_shared<core::Layer>(rows);
  out->features.clear();
  out->fields.push_back({"leg", core::FieldType::text});
  out->fields.push_back({"straight", core::FieldType::integer});
  const std::string road = core::LocalText{"道路", "road"}.in(lang);
  const std::string access = core::LocalText{"アクセス区間", "access leg"}.in(lang);
  const std::string direct = core::LocalText{"直線", "straight"}.in(lang);
  std::size_t row = 0;
  for (std::size_t i = 0; i < routes.size() && row < rows.features.size(); ++i) {
    if (!r.patients[i].placed() || routes[i].empty()) {
      continue;
    }
    const core::Feature& whole = rows.features[row++];
    const auto add = [&](core::LineString line, const std::string& leg, bool straight) {
      core::Feature f = whole;
      f.geometry = std::move(line);
      f.values.emplace_back(leg);
      f.values.emplace_back(std::int64_t{straight ? 1 : 0});
      out->features.push_back(std::move(f));
    };
    if (routes[i].by_road()) {
      add(road_part(routes[i]), road, false);
    }
    for (core::LineString& leg : straight_parts(routes[i])) {
      add(std::move(leg), routes[i].by_road() ? access : direct, true);
    }
  }
  return out;
}

}  // namespace

std::string hospital_label(const std::string& name, const HospitalLoad& load, core::Lang lang) {
  std::string s = name + " " + std::to_string(load.load) + "/" + std::to_string(load.capacity());
  if (load.damaged) {
    s += std::string(" ") + core::LocalText{"被災", "damaged"}.in(lang);
  } else if (load.no_power) {
    s += std::string(" ") + core::LocalText{"停電", "no power"}.in(lang);
  }
  if (load.full()) {
    s += std::string(" ") + core::LocalText{"満床", "full"}.in(lang);
  }
  return s;
}

std::vector<DrillInjectLayers> drill_map_layers(
    const Scenario& scenario, const DrillResult& result,
    const std::vector<std::vector<PatientRoute>>& routes, core::Lang lang) {
  const core::Layer assignment = assignment_layer(scenario, result, lang);
  const core::Layer all_routes = routes_layer(scenario, result, routes);
  const core::Layer loads = hospital_load_layer(scenario, result);
  const std::size_t patients = scenario.patients.size();
  const std::size_t hospitals = scenario.hospitals.size();
  const std::string basis = "（" + result.basis.in(lang) + "）";
  const std::string drill_mark =
      scenario.drill_data
          ? std::string(" ") + core::LocalText{"訓練用データ", "drill data"}.in(lang)
          : std::string();
  std::vector<DrillInjectLayers> out;
  std::size_t route_row = 0;
  for (std::size_t k = 0; k < result.injects.size(); ++k) {
    const InjectResult& r = result.injects[k];
    DrillInjectLayers layers;

    auto p = slice(assignment, k * patients, (k + 1) * patients);
    p->id = kDrillPatientsLayer;
    p->title = titled({"訓練 患者（色＝搬送先）", "Drill patients (colour = destination)"}, lang,
                      drill_mark);
    p->fields.push_back({"hospital_index", core::FieldType::integer});
    for (std::size_t i = 0; i < patients; ++i) {
      p->features[i].values.emplace_back(class_of(scenario, r.patients[i], scenario.patients[i]));
    }
    layers.patients = p;

    // routes_layer writes one row per placed patient with a route, inject by inject.
    std::size_t route_end = route_row;
    for (std::size_t i = 0; k < routes.size() && i < patients; ++i) {
      route_end += r.patients[i].placed() && !routes[k][i].empty() ? 1 : 0;
    }
    auto routes_now = k < routes.size() ? route_parts(*slice(all_routes, route_row, route_end), r,
                                                      routes[k], lang)
                                        : slice(all_routes, route_row, route_end);
    routes_now->title = titled({"訓練 搬送経路", "Drill routes"}, lang, basis);
    layers.routes = routes_now;
    route_row = route_end;

    auto h = slice(loads, k * hospitals, (k + 1) * hospitals);
    h->id = kDrillHospitalsLayer;
    h->title = titled({"訓練 受入病院（入院数/病床）", "Drill hospitals (patients/beds)"}, lang,
                      drill_mark);
    h->fields.push_back({"label", core::FieldType::text});
    h->name_field = h->fields.size() - 1;
    for (std::size_t j = 0; j < hospitals; ++j) {
      h->features[j].values.emplace_back(
          hospital_label(scenario.hospitals[j].name, r.hospitals[j], lang));
    }
    layers.hospitals = h;

    auto z = std::make_shared<core::Layer>();
    z->id = kDrillHazardLayer;
    z->title = titled({"訓練 通行止め・危険区域", "Drill closures and hazard zones"}, lang, "");
    z->category = core::Category::closure;
    z->crs = scenario.crs;
    z->provenance = result.provenance;
    z->fields = {{"name", core::FieldType::text}, {"kind", core::FieldType::text}};
    z->name_field = 0;
    // Every closure so far: a point barrier closes only metres of road, too little to see as a
    // closed road at the scale of a region, so the closure itself is drawn too.
    for (const NamedClosure& c : r.state.closures) {
      const std::string kind = (c.hazard_zone ? core::LocalText{"危険区域", "hazard zone"}
                                              : core::LocalText{"通行止め", "closure"})
                                   .in(lang);
      for (const core::Geometry& g : c.closures.barriers) {
        core::Feature f;
        f.geometry = g;
        f.category = core::Category::closure;
        f.values = {c.name, kind};
        z->features.push_back(std::move(f));
      }
    }
    layers.hazard_zones = z;
    out.push_back(std::move(layers));
  }
  return out;
}

style::Ramp hospital_ramp(const Scenario& scenario, core::Lang lang) {
  // Tableau 10 without its red, which stays the warning colour of patients not placed.
  static const style::Rgba kColours[] = {
      style::rgb(0x4e79a7), style::rgb(0xf28e2b), style::rgb(0x59a14f), style::rgb(0xb07aa1),
      style::rgb(0x76b7b2), style::rgb(0xedc948), style::rgb(0x9c755f), style::rgb(0xff9da7),
      style::rgb(0x17becf), style::rgb(0xbcbd22)};
  style::Ramp ramp;
  ramp.field = "hospital_index";
  ramp.colours.push_back(style::rgb(0xd62728));
  ramp.labels.emplace_back(core::LocalText{"未配置", "not placed"}.in(lang));
  for (std::size_t h = 0; h < scenario.hospitals.size(); ++h) {
    ramp.breaks.push_back(static_cast<double>(h));
    ramp.colours.push_back(kColours[h % std::size(kColours)]);
    ramp.labels.push_back(scenario.hospitals[h].name);
  }
  if (!scenario.shelters.empty()) {
    ramp.breaks.push_back(static_cast<double>(shelter_class(scenario)));
    ramp.colours.push_back(style::rgb(0x555555));
    ramp.labels.emplace_back(core::LocalText{"避難所", "shelter"}.in(lang));
  }
  return ramp;
}

style::Ramp drill_routes_ramp(core::Lang lang) {
  const style::LineSymbol route = style::default_symbol(core::Category::route).line;
  style::Ramp ramp;
  ramp.field = "straight";
  ramp.breaks = {0.5};
  ramp.colours = {route.color, route.color};
  // 2 px along the roads; the straight parts thinner, in dashes of the routes module.
  ramp.line_widths = {2.0f, 1.5f};
  ramp.line_dashes_px = {0.0f, 5.0f};
  ramp.labels = {core::LocalText{"道路沿い", "along the roads"}.in(lang),
                 core::LocalText{"直線（アクセス区間・直行。道路データにない区間）",
                                 "straight (access and direct legs: no road of the data)"}
                     .in(lang)};
  return ramp;
}

void apply_drill_style(const core::Layer& layer, const Scenario& scenario, core::Lang lang,
                       style::LayerStyle& style) {
  if (layer.id == kDrillPatientsLayer) {
    style.ramp = hospital_ramp(scenario, lang);
    style.size_px = 12.0f;
  } else if (layer.id == kDrillHazardLayer) {
    style.size_px = 22.0f;
  } else if (layer.id == kDrillRoutesLayer) {
    style.ramp = drill_routes_ramp(lang);
    style.opacity = 0.55f;
  }
}

std::string load_state(const HospitalLoad& load, core::Lang lang) {
  const bool ja = lang == core::Lang::ja;
  std::string state = load.damaged    ? (ja ? "被災（受入不可）" : "damaged (takes no one)")
                      : load.no_power ? (ja ? "停電" : "no power")
                                      : "";
  const auto add = [&](const std::string& more) {
    state += (state.empty() ? "" : (ja ? "・" : ", ")) + more;
  };
  if (load.full()) {
    add(ja ? "満床" : "full");
  }
  if (load.backup_in_use() > 0) {
    add((ja ? "後方支援病床 " : "backup beds in use: ") + std::to_string(load.backup_in_use()));
  }
  return state;
}

}  // namespace caremap::drill
