#include "io/drill_scenario_file.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace caremap::io {

namespace {

using nlohmann::json;

// One JSON object being read: every key read is remembered, so the keys nobody asked for can be
// warned about; every failure names the file, the JSON path and what was expected.
class Obj {
 public:
  Obj(const json& j, std::string path, const DrillScenarioFile& file)
      : m_j(j), m_path(std::move(path)), m_file(file) {
    if (!j.is_object()) {
      fail("", "an object {...}", j);
    }
  }

  [[noreturn]] void fail(const std::string& key, const std::string& expected,
                         const json& got) const {
    core::ErrorContext ctx;
    ctx.file = m_file.path.string();
    ctx.field = field(key);
    throw core::InputError("expected " + expected + ", got " + shown(got), ctx);
  }

  std::string field(const std::string& key) const {
    if (key.empty()) {
      return m_path.empty() ? "(top level)" : m_path;
    }
    return m_path.empty() ? key : m_path + "." + key;
  }

  const json* find(const std::string& key) {
    m_seen.push_back(key);
    const auto it = m_j.find(key);
    return it == m_j.end() || it->is_null() ? nullptr : &*it;
  }

  const json& require(const std::string& key, const std::string& expected) {
    const json* v = find(key);
    if (v == nullptr) {
      core::ErrorContext ctx;
      ctx.file = m_file.path.string();
      ctx.field = field(key);
      throw core::InputError("missing; expected " + expected, ctx);
    }
    return *v;
  }

  std::string text(const std::string& key, bool required = false) {
    const json* v = required ? &require(key, "a string") : find(key);
    if (v == nullptr) {
      return {};
    }
    if (!v->is_string()) {
      fail(key, "a string", *v);
    }
    return v->get<std::string>();
  }

  std::optional<double> number(const std::string& key, double min, bool required = false) {
    const std::string expected = "a number >= " + json(min).dump();
    const json* v = required ? &require(key, expected) : find(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < min) {
      fail(key, expected, *v);
    }
    return v->get<double>();
  }

  std::optional<int> count(const std::string& key) {
    const json* v = find(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > 1000000) {
      fail(key, "a whole number 0..1000000", *v);
    }
    return v->get<int>();
  }

  std::optional<bool> flag(const std::string& key) {
    const json* v = find(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    if (!v->is_boolean()) {
      fail(key, "true or false", *v);
    }
    return v->get<bool>();
  }

  std::optional<core::CareNeeds> needs(const std::string& key) {
    const json* v = find(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    const std::string expected = "an array of needs (" + core::care_need_names() + ")";
    if (!v->is_array()) {
      fail(key, expected, *v);
    }
    core::CareNeeds n;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      const auto need = e.is_string() ? core::parse_care_need(e.get<std::string>()) : std::nullopt;
      if (!need) {
        fail(key + "[" + std::to_string(i) + "]", "one of " + core::care_need_names(), e);
      }
      n.add(*need);
    }
    return n;
  }

  const json* array(const std::string& key) {
    const json* v = find(key);
    if (v != nullptr && !v->is_array()) {
      fail(key, "an array [...]", *v);
    }
    return v;
  }

  /// Warnings for the keys not read ("_" keys are comments).
  void warn_unknown(core::Diagnostics& warnings) const {
    for (const auto& [key, value] : m_j.items()) {
      if (key.starts_with("_") || std::find(m_seen.begin(), m_seen.end(), key) != m_seen.end()) {
        continue;
      }
      warnings.add({core::Severity::warning, "unknown_field", m_file.path.string(), std::nullopt,
                    field(key), "unknown key, ignored"});
    }
  }

  const std::string& path() const { return m_path; }

 private:
  static std::string shown(const json& v) {
    std::string s = v.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
  }

  const json& m_j;
  std::string m_path;
  const DrillScenarioFile& m_file;
  std::vector<std::string> m_seen;
};

std::filesystem::path resolve(const DrillScenarioFile& f, const std::string& p) {
  const std::filesystem::path path(p);
  return path.is_absolute() ? path : f.path.parent_path() / path;
}

DrillSourceSpec source_spec(Obj& o, DrillScenarioFile& f, bool id_required) {
  DrillSourceSpec s;
  s.layer = o.text("layer");
  const std::string source = o.text("source");
  if (s.layer.empty() == source.empty()) {
    core::ErrorContext ctx;
    ctx.file = f.path.string();
    ctx.field = o.field("layer");
    throw core::InputError(
        "expected exactly one of 'layer' (a layer of the region) or 'source' "
        "(a file)",
        ctx);
  }
  if (!source.empty()) {
    s.source = resolve(f, source);
  }
  s.encoding = o.text("encoding");
  if (!s.encoding.empty() && s.encoding != "UTF-8" && s.encoding != "CP932") {
    o.fail("encoding", "\"UTF-8\" or \"CP932\"", s.encoding);
  }
  s.x_field = o.text("x_field");
  s.y_field = o.text("y_field");
  s.id_field = o.text("id_field", id_required);
  s.name_field = o.text("name_field");
  return s;
}

DrillCapacitySpec capacity_spec(const json& j, const std::string& where, DrillScenarioFile& f,
                                bool require_beds) {
  Obj o(j, where, f);
  DrillCapacitySpec c;
  c.where = where;
  c.hospital = o.text("hospital", true);
  c.free_beds = o.count("free_beds");
  c.backup_beds = o.count("backup_beds");
  c.services = o.needs("services");
  if (require_beds && !c.free_beds) {
    o.require("free_beds", "a whole number 0..1000000");
  }
  o.warn_unknown(f.warnings);
  return c;
}

DrillInjectSpec inject_spec(const json& j, const std::string& where, DrillScenarioFile& f) {
  Obj o(j, where, f);
  DrillInjectSpec in;
  in.t_min = *o.number("t_min", 0.0, true);
  in.title = o.text("title", true);
  for (const char* key : {"closures", "hazard_zones"}) {
    if (const json* a = o.array(key)) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string w = o.field(key) + "[" + std::to_string(i) + "]";
        Obj c((*a)[i], w, f);
        DrillClosureSpec s;
        s.where = w;
        s.name = c.text("name", true);
        s.source = resolve(f, c.text("source", true));
        s.hazard_zone = std::string(key) == "hazard_zones";
        c.warn_unknown(f.warnings);
        in.closures.push_back(std::move(s));
      }
    }
  }
  if (const json* a = o.array("outages")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string w = o.field("outages") + "[" + std::to_string(i) + "]";
      Obj c((*a)[i], w, f);
      DrillOutageSpec s;
      s.where = w;
      s.hospital = c.text("hospital", true);
      s.kind = c.text("kind", true);
      if (s.kind != "damaged" && s.kind != "no_power") {
        c.fail("kind", "\"damaged\" or \"no_power\"", s.kind);
      }
      c.warn_unknown(f.warnings);
      in.outages.push_back(std::move(s));
    }
  }
  if (const json* a = o.array("capacities")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      in.capacities.push_back(
          capacity_spec((*a)[i], o.field("capacities") + "[" + std::to_string(i) + "]", f, false));
    }
  }
  o.warn_unknown(f.warnings);
  return in;
}

}  // namespace

core::CareNeeds parse_care_needs(std::string_view text, std::vector<std::string>& unknown) {
  core::CareNeeds n;
  std::string s(text);
  // '・' is three bytes in UTF-8: turned into a plain separator first.
  for (std::size_t at; (at = s.find("・")) != std::string::npos;) {
    s.replace(at, std::string("・").size(), ";");
  }
  std::string token;
  const auto flush = [&] {
    if (!token.empty()) {
      if (const auto need = core::parse_care_need(token)) {
        n.add(*need);
      } else {
        unknown.push_back(token);
      }
      token.clear();
    }
  };
  for (char c : s) {
    if (c == ';' || c == ',' || c == '|' || c == ' ') {
      flush();
    } else {
      token += c;
    }
  }
  flush();
  return n;
}

DrillScenarioFile parse_drill_scenario(std::string_view text, const std::filesystem::path& path) {
  DrillScenarioFile f;
  f.path = path;
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    core::ErrorContext ctx;
    ctx.file = path.string();
    throw core::InputError(std::string("not valid JSON: ") + e.what(), ctx);
  }
  Obj top(j, "", f);
  const json& version = top.require("caremap_drill", "1");
  if (!version.is_number_integer() || version.get<int>() != 1) {
    top.fail("caremap_drill", "1 (the format version)", version);
  }
  f.title = top.text("title", true);
  f.drill_data = top.flag("drill_data").value_or(true);
  f.region = top.text("region");
  if (!f.region.empty() &&
      (f.region.ends_with(".json") || f.region.find('/') != std::string::npos)) {
    f.region = resolve(f, f.region).string();
  }
  if (const json* w = top.array("priority_weights")) {
    f.priority_weights.clear();
    for (std::size_t i = 0; i < w->size(); ++i) {
      const json& v = (*w)[i];
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > 100) {
        top.fail("priority_weights[" + std::to_string(i) + "]", "a whole number 1..100", v);
      }
      f.priority_weights.push_back(v.get<std::int64_t>());
    }
    if (f.priority_weights.empty()) {
      top.fail("priority_weights", "at least one weight", *w);
    }
  }
  f.power_needs = top.needs("power_needs");
  f.backup_bed_cost_min = top.number("backup_bed_cost_min", 0.0).value_or(15.0);
  f.move_cost_min = top.number("move_cost_min", 0.0).value_or(10.0);
  {
    Obj p(top.require("patients", "an object naming the patients' layer or file"),
          top.field("patients"), f);
    f.patients.from = source_spec(p, f, true);
    f.patients.needs_field = p.text("needs_field").empty() ? "needs" : p.text("needs_field");
    f.patients.priority_field =
        p.text("priority_field").empty() ? "priority" : p.text("priority_field");
    f.patients.wants_field = p.text("wants_field").empty() ? "wants" : p.text("wants_field");
    p.warn_unknown(f.warnings);
  }
  {
    Obj h(top.require("hospitals", "an object naming the hospitals' layer or file"),
          top.field("hospitals"), f);
    f.hospitals = source_spec(h, f, true);
    h.warn_unknown(f.warnings);
  }
  const json& caps = top.require("capacities", "an array of {hospital, free_beds, ...}");
  if (!caps.is_array() || caps.empty()) {
    top.fail("capacities", "a non-empty array of {hospital, free_beds, backup_beds, services}",
             caps);
  }
  for (std::size_t i = 0; i < caps.size(); ++i) {
    f.capacities.push_back(
        capacity_spec(caps[i], "capacities[" + std::to_string(i) + "]", f, true));
  }
  if (const json* s = top.find("shelters")) {
    Obj o(*s, top.field("shelters"), f);
    f.shelters = source_spec(o, f, false);
    f.shelter_capacity = o.count("capacity").value_or(0);
    if (const json* a = o.array("capacities")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        Obj c((*a)[i], o.field("capacities") + "[" + std::to_string(i) + "]", f);
        DrillShelterCapacity sc;
        sc.shelter = c.text("shelter", true);
        sc.capacity = *c.count("capacity");
        c.warn_unknown(f.warnings);
        f.shelter_capacities.push_back(std::move(sc));
      }
    }
    o.warn_unknown(f.warnings);
  }
  if (const json* s = top.find("straight_line")) {
    Obj o(*s, top.field("straight_line"), f);
    f.straight_speed_kmh = o.number("speed_kmh", 1.0);
    f.straight_detour = o.number("detour_factor", 1.0);
    o.warn_unknown(f.warnings);
  }
  const json& injects = top.require("injects", "an array of injects, the first at t_min 0");
  if (!injects.is_array() || injects.empty()) {
    top.fail("injects", "a non-empty array of {t_min, title, ...}", injects);
  }
  for (std::size_t i = 0; i < injects.size(); ++i) {
    f.injects.push_back(inject_spec(injects[i], "injects[" + std::to_string(i) + "]", f));
    if (i > 0 && f.injects[i].t_min < f.injects[i - 1].t_min) {
      top.fail("injects[" + std::to_string(i) + "].t_min",
               "a time >= the inject before (" + json(f.injects[i - 1].t_min).dump() + ")",
               injects[i]["t_min"]);
    }
  }
  top.warn_unknown(f.warnings);
  return f;
}

DrillScenarioFile read_drill_scenario(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    core::ErrorContext ctx;
    ctx.file = path.string();
    throw core::InputError("cannot open the drill scenario file", ctx);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_drill_scenario(text.str(), path);
}

}  // namespace caremap::io
