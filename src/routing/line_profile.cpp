#include "routing/line_profile.hpp"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "routing/error_context.hpp"
#include "routing/profile_json.hpp"

namespace caremap::routing {

namespace {

void require_positive(double v, const std::string& what, const std::string& source,
                      const char* key) {
  if (!(v > 0.0) || !std::isfinite(v)) {
    throw core::InputError(what + " must be a positive number", file_context(source, key));
  }
}

}  // namespace

LineProfile line_profile_from_json(std::string_view json, const std::string& source) {
  const ProfileJson j = parse_profile_object(json, source);
  LineProfile p;
  read_profile_field(j, "name", p.name, source);
  read_profile_field(j, "class_field", p.class_field, source);
  std::map<std::string, double> speeds;
  read_profile_field(j, "class_speeds_kmh", speeds, source);
  p.class_speeds_kmh.insert(speeds.begin(), speeds.end());
  read_profile_field(j, "speed_field", p.speed_field, source);
  read_profile_field(j, "oneway_field", p.oneway_field, source);
  read_profile_field(j, "oneway_forward", p.oneway_forward, source);
  read_profile_field(j, "oneway_backward", p.oneway_backward, source);
  read_profile_field(j, "from_node_field", p.from_node_field, source);
  read_profile_field(j, "to_node_field", p.to_node_field, source);
  read_profile_field(j, "id_field", p.id_field, source);
  read_profile_field(j, "snap_tolerance_m", p.snap_tolerance_m, source);
  if (const auto a = j.find("access"); a != j.end() && a->is_object()) {
    read_profile_field(*a, "speed_kmh", p.access.speed_kmh, source);
    read_profile_field(*a, "detour_factor", p.access.detour_factor, source);
    read_profile_field(*a, "flag_distance_m", p.access.flag_distance_m, source);
    read_profile_field(*a, "max_distance_m", p.access.max_distance_m, source);
    read_profile_field(*a, "direct_legs", p.access.direct_legs, source);
  }
  if (const auto b = j.find("basis"); b != j.end() && b->is_object()) {
    read_profile_field(*b, "ja", p.basis.ja, source);
    read_profile_field(*b, "en", p.basis.en, source);
  }
  read_profile_field(j, "credit", p.credit, source);
  if (p.name.empty()) {
    throw core::InputError("profile needs a name", file_context(source, "name"));
  }
  if (p.class_field.empty() && p.speed_field.empty()) {
    throw core::InputError("a line-layer profile needs a class_field or a speed_field",
                           file_context(source, "class_field"));
  }
  for (const auto& [k, v] : p.class_speeds_kmh) {
    require_positive(v, "speed of road class '" + k + "'", source, "class_speeds_kmh");
  }
  if (!(p.snap_tolerance_m >= 0.0) || !std::isfinite(p.snap_tolerance_m)) {
    throw core::InputError("snap_tolerance_m must be a finite number >= 0",
                           file_context(source, "snap_tolerance_m"));
  }
  if (p.access.speed_kmh != 0.0) {
    require_positive(p.access.speed_kmh, "access speed", source, "access");
  }
  if (!(p.access.detour_factor >= 1.0) || !std::isfinite(p.access.detour_factor)) {
    throw core::InputError("access detour_factor must be >= 1", file_context(source, "access"));
  }
  require_positive(p.access.max_distance_m, "access max_distance_m", source, "access");
  if (!(p.access.flag_distance_m >= 0.0)) {
    throw core::InputError("access flag_distance_m must be >= 0", file_context(source, "access"));
  }
  return p;
}

LineProfile load_line_profile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::InputError("cannot read the road profile", file_context(path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return line_profile_from_json(text.str(), path);
}

bool is_line_profile_json(std::string_view json) {
  try {
    const ProfileJson j = ProfileJson::parse(json);
    return j.is_object() && j.value("kind", std::string()) == "line_layer";
  } catch (const ProfileJson::exception&) {
    return false;
  }
}

std::string line_profile_to_json(const LineProfile& p) {
  ProfileJson j;
  j["kind"] = "line_layer";
  j["name"] = p.name;
  j["class_field"] = p.class_field;
  j["class_speeds_kmh"] =
      std::map<std::string, double>(p.class_speeds_kmh.begin(), p.class_speeds_kmh.end());
  j["speed_field"] = p.speed_field;
  j["oneway_field"] = p.oneway_field;
  j["oneway_forward"] = p.oneway_forward;
  j["oneway_backward"] = p.oneway_backward;
  j["from_node_field"] = p.from_node_field;
  j["to_node_field"] = p.to_node_field;
  j["id_field"] = p.id_field;
  j["snap_tolerance_m"] = p.snap_tolerance_m;
  // Access and labels do not change the graph, so they stay out of the cache key.
  return j.dump();
}

std::uint64_t line_profile_hash(const LineProfile& profile) {
  const std::string text = line_profile_to_json(profile);
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    h = (h ^ c) * 1099511628211ULL;
  }
  return h;
}

}  // namespace caremap::routing
