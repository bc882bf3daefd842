#include "drill_io/scenario_build.hpp"

#include <map>

#include "core/error.hpp"
#include "routing/closures_from_layer.hpp"

namespace caremap::drill_io {

void scenario_error(const io::DrillScenarioFile& f, const std::string& field,
                    const std::string& message) {
  core::ErrorContext ctx;
  ctx.file = f.path.string();
  ctx.field = field;
  throw core::InputError(message, ctx);
}

namespace {

std::string file_of(const io::DrillSourceSpec& spec) {
  return spec.source.empty() ? spec.layer : spec.source.string();
}

core::XY position_of(const core::Feature& f) {
  return core::representative_point(f.geometry).value_or(core::XY{});
}

void warn_row(core::Diagnostics& diagnostics, const std::string& file, const core::Feature& f,
              const std::string& field, const std::string& code, const std::string& message) {
  diagnostics.add({core::Severity::warning, code, file, f.source_row, field, message});
}

std::vector<drill::Patient> read_patients(const io::DrillPatientsSpec& spec,
                                          const core::Layer& layer, const std::string& file,
                                          core::Diagnostics& diagnostics) {
  const std::size_t id = layer.require_field(spec.from.id_field);
  const auto needs = layer.field_index(spec.needs_field);
  const auto priority = layer.field_index(spec.priority_field);
  const auto wants = layer.field_index(spec.wants_field);
  std::vector<drill::Patient> out;
  for (const core::Feature& f : layer.features) {
    drill::Patient p;
    p.id = core::to_text(f.values[id]);
    p.position = position_of(f);
    p.source_row = f.source_row;
    if (needs) {
      std::vector<std::string> unknown;
      p.needs = io::parse_care_needs(core::to_text(f.values[*needs]), unknown);
      for (const std::string& u : unknown) {
        warn_row(diagnostics, file, f, spec.needs_field, "unknown_need",
                 "'" + u + "' is not a need (" + core::care_need_names() + "); ignored");
      }
    }
    if (priority) {
      const auto v = core::to_number(f.values[*priority]);
      if (v && *v >= 1 && *v == static_cast<int>(*v)) {
        p.priority = static_cast<int>(*v);
      } else if (!core::to_text(f.values[*priority]).empty()) {
        warn_row(diagnostics, file, f, spec.priority_field, "bad_priority",
                 "'" + core::to_text(f.values[*priority]) +
                     "' is not a whole number >= 1; priority 1 used");
      }
    }
    if (wants) {
      const std::string w = core::to_text(f.values[*wants]);
      p.wants_shelter = w == "shelter" || w == "避難所";
      if (!w.empty() && !p.wants_shelter && w != "bed" && w != "病床") {
        warn_row(diagnostics, file, f, spec.wants_field, "bad_wants",
                 "'" + w + "' is not bed or shelter; bed used");
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

// The drill's hospitals: those of the layer that the capacities name, in the capacities' order.
std::vector<drill::Hospital> read_hospitals(const io::DrillScenarioFile& f,
                                            const core::Layer& layer) {
  const std::size_t id = layer.require_field(f.hospitals.id_field);
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    by_id.emplace(core::to_text(layer.features[i].values[id]), i);
  }
  std::vector<drill::Hospital> out;
  for (const io::DrillCapacitySpec& c : f.capacities) {
    const auto it = by_id.find(c.hospital);
    if (it == by_id.end()) {
      scenario_error(f, c.where + ".hospital",
                     "'" + c.hospital + "' is not a value of " + f.hospitals.id_field + " in " +
                         file_of(f.hospitals) + "; expected the ID of one of its " +
                         std::to_string(layer.size()) + " hospitals");
    }
    drill::Hospital h;
    h.id = c.hospital;
    h.name = layer.display_name(core::FeatureId{static_cast<std::uint32_t>(it->second)});
    h.position = position_of(layer.features[it->second]);
    h.free_beds = c.free_beds.value_or(0);
    h.backup_beds = c.backup_beds.value_or(0);
    h.services = c.services.value_or(core::CareNeeds{});
    out.push_back(std::move(h));
  }
  return out;
}

std::size_t hospital_index(const io::DrillScenarioFile& f, const drill::Scenario& s,
                           const std::string& id, const std::string& where) {
  for (std::size_t i = 0; i < s.hospitals.size(); ++i) {
    if (s.hospitals[i].id == id) {
      return i;
    }
  }
  scenario_error(
      f, where + ".hospital",
      "'" + id + "' is not a drill hospital; expected a hospital listed in 'capacities'");
}

std::vector<drill::Shelter> read_shelters(const io::DrillScenarioFile& f,
                                          const core::Layer& layer) {
  // Without an id field a shelter is named by its display name.
  const bool by_id = !f.shelters->id_field.empty();
  const std::size_t id = by_id ? layer.require_field(f.shelters->id_field) : 0;
  std::vector<drill::Shelter> out;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    drill::Shelter s;
    s.name = layer.display_name(core::FeatureId{static_cast<std::uint32_t>(i)});
    s.id = by_id ? core::to_text(layer.features[i].values[id]) : s.name;
    s.position = position_of(layer.features[i]);
    s.capacity = f.shelter_capacity;
    for (const io::DrillShelterCapacity& c : f.shelter_capacities) {
      if (c.shelter == s.id || c.shelter == s.name) {
        s.capacity = c.capacity;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

BuiltDrill build_scenario(const io::DrillScenarioFile& f, const std::string& crs,
                          const SourceReader& read, core::Diagnostics& diagnostics) {
  BuiltDrill built;
  drill::Scenario& s = built.scenario;
  s.title = f.title;
  s.crs = crs;
  s.drill_data = f.drill_data;
  s.priority_weights = f.priority_weights;
  s.power_needs = f.power_needs.value_or(drill::default_power_needs());
  s.backup_bed_cost_s = f.backup_bed_cost_min * 60.0;
  s.move_cost_s = f.move_cost_min * 60.0;

  const io::LoadedLayer patients = read(f.patients.from);
  diagnostics.append(patients.diagnostics);
  s.patients = read_patients(f.patients, *patients.layer, file_of(f.patients.from), diagnostics);
  s.provenance.inputs_from(patients.layer->provenance);

  const io::LoadedLayer hospitals = read(f.hospitals);
  diagnostics.append(hospitals.diagnostics);
  s.hospitals = read_hospitals(f, *hospitals.layer);
  s.provenance.inputs_from(hospitals.layer->provenance);

  if (f.shelters) {
    const io::LoadedLayer shelters = read(*f.shelters);
    diagnostics.append(shelters.diagnostics);
    s.shelters = read_shelters(f, *shelters.layer);
    s.provenance.inputs_from(shelters.layer->provenance);
  }
  for (const io::DrillInjectSpec& in : f.injects) {
    drill::Inject inject;
    inject.t_min = in.t_min;
    inject.title = in.title;
    for (const io::DrillClosureSpec& c : in.closures) {
      io::DrillSourceSpec file;
      file.source = c.source;
      const io::LoadedLayer layer = read(file);
      diagnostics.append(layer.diagnostics);
      inject.closures.push_back(
          {c.name, c.hazard_zone, routing::closures_from_layer(*layer.layer, diagnostics)});
      s.provenance.inputs_from(layer.layer->provenance);
    }
    for (const io::DrillOutageSpec& o : in.outages) {
      inject.outages.push_back(
          {hospital_index(f, s, o.hospital, o.where),
           o.kind == "damaged" ? drill::OutageKind::damaged : drill::OutageKind::no_power});
    }
    for (const io::DrillCapacitySpec& c : in.capacities) {
      inject.capacities.push_back(
          {hospital_index(f, s, c.hospital, c.where), c.free_beds, c.backup_beds, c.services});
    }
    s.injects.push_back(std::move(inject));
  }
  if (f.straight_speed_kmh) {
    built.options.straight_line.speed = core::from_km_per_hour(*f.straight_speed_kmh);
  }
  if (f.straight_detour) {
    built.options.straight_line.detour_factor = *f.straight_detour;
  }
  return built;
}

}  // namespace caremap::drill_io
