#include "routing/profile.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "routing/error_context.hpp"
#include "routing/profile_json.hpp"

namespace caremap::routing {

namespace {

using Json = nlohmann::json;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string_view> find_tag(std::span<const Tag> tags, std::string_view key) {
  for (const Tag& t : tags) {
    if (t.key == key) {
      return t.value;
    }
  }
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<double> parse_one_maxspeed(std::string_view v, const Profile& profile) {
  v = trim(v);
  if (v.empty()) {
    return std::nullopt;
  }
  if (auto it = profile.named_maxspeeds_kmh.find(v); it != profile.named_maxspeeds_kmh.end()) {
    return it->second;
  }
  if (v == "walk") {
    return 6.0;
  }
  double number = 0.0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
  if (ec != std::errc() || !(number > 0.0) || !std::isfinite(number)) {
    return std::nullopt;
  }
  const std::string_view unit = trim(std::string_view(end, v.data() + v.size() - end));
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") {
    return number;
  }
  if (unit == "mph") {
    return number * 1.609344;
  }
  if (unit == "knots") {
    return number * 1.852;
  }
  return std::nullopt;
}

// A way's oneway state as read from its tags: +1 forward only, -1 backward only, 0 both ways,
// nullopt for "reversible"/"alternating" (direction changes during the day: not routable).
std::optional<int> oneway_direction(const Profile& profile, std::span<const Tag> tags,
                                    std::string_view highway) {
  if (!profile.use_oneway) {
    return 0;
  }
  if (const auto v = find_tag(tags, "oneway")) {
    if (*v == "yes" || *v == "true" || *v == "1") {
      return 1;
    }
    if (*v == "-1" || *v == "reverse") {
      return -1;
    }
    if (*v == "reversible" || *v == "alternating") {
      return std::nullopt;
    }
    if (*v == "no" || *v == "false" || *v == "0") {
      return 0;
    }
  }
  if (contains(profile.implied_oneway_highways, highway)) {
    return 1;
  }
  if (const auto j = find_tag(tags, "junction");
      j && contains(profile.implied_oneway_junctions, *j)) {
    return 1;
  }
  return 0;
}

Json string_list(const std::vector<std::string>& v) {
  return Json(v);
}

}  // namespace

Profile car_profile() {
  Profile p;
  p.name = "car";
  p.highway_speeds_kmh = {
      {"motorway", 80},      {"motorway_link", 40}, {"trunk", 50},        {"trunk_link", 35},
      {"primary", 40},       {"primary_link", 30},  {"secondary", 35},    {"secondary_link", 30},
      {"tertiary", 30},      {"tertiary_link", 25}, {"unclassified", 25}, {"residential", 20},
      {"living_street", 10}, {"service", 15},       {"track", 10},        {"road", 20},
  };
  p.access_tags = {"motorcar", "motor_vehicle", "vehicle", "access"};
  p.denied_access = {"no", "private", "agricultural", "forestry", "delivery", "emergency"};
  p.use_oneway = true;
  p.implied_oneway_highways = {"motorway", "motorway_link"};
  p.implied_oneway_junctions = {"roundabout", "circular"};
  p.use_maxspeed = true;
  p.maxspeed_factor = 0.8;
  // General roads in Japan without a sign have a 60 km/h limit, expressways 100 km/h; the
  // country zones below are the OpenStreetMap implicit-limit values for the regions caremap
  // is used in and for the test extract (Monaco, France).
  p.named_maxspeeds_kmh = {{"JP:urban", 60},     {"JP:rural", 60},       {"JP:nsl", 60},
                           {"JP:motorway", 100}, {"JP:expressway", 100}, {"FR:urban", 50},
                           {"FR:rural", 80},     {"FR:motorway", 130},   {"MC:urban", 50}};
  p.route_areas = false;
  return p;
}

Profile walking_profile() {
  Profile p;
  p.name = "walking";
  constexpr double walk = 4.8;
  for (const char* c :
       {"trunk",          "trunk_link", "primary",       "primary_link", "secondary",
        "secondary_link", "tertiary",   "tertiary_link", "unclassified", "residential",
        "living_street",  "service",    "track",         "road",         "pedestrian",
        "footway",        "path",       "cycleway",      "bridleway",    "corridor"}) {
    p.highway_speeds_kmh.emplace(c, walk);
  }
  p.highway_speeds_kmh.emplace("steps", 2.4);
  p.access_tags = {"foot", "access"};
  p.denied_access = {"no", "private", "use_sidepath"};
  p.use_oneway = false;
  p.use_maxspeed = false;
  p.maxspeed_factor = 1.0;
  p.route_areas = true;
  return p;
}

std::optional<Profile> builtin_profile(std::string_view name) {
  if (name == "car") {
    return car_profile();
  }
  if (name == "walking" || name == "foot") {
    return walking_profile();
  }
  return std::nullopt;
}

Profile load_profile(const std::string& name_or_path) {
  if (auto builtin = builtin_profile(name_or_path)) {
    return *builtin;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name_or_path, ec)) {
    throw core::ArgumentError("unknown travel profile '" + name_or_path +
                              "': use car, walking or a JSON profile file");
  }
  std::ifstream in(name_or_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    throw core::InputError("cannot read the profile file", file_context(name_or_path));
  }
  return profile_from_json(text.str(), name_or_path);
}

std::string profile_to_json(const Profile& p) {
  Json j;
  j["name"] = p.name;
  j["highway_speeds_kmh"] = Json::object();
  for (const auto& [k, v] : p.highway_speeds_kmh) {
    j["highway_speeds_kmh"][k] = v;
  }
  j["access_tags"] = string_list(p.access_tags);
  j["denied_access"] = string_list(p.denied_access);
  j["use_oneway"] = p.use_oneway;
  j["implied_oneway_highways"] = string_list(p.implied_oneway_highways);
  j["implied_oneway_junctions"] = string_list(p.implied_oneway_junctions);
  j["use_maxspeed"] = p.use_maxspeed;
  j["maxspeed_factor"] = p.maxspeed_factor;
  j["named_maxspeeds_kmh"] = Json::object();
  for (const auto& [k, v] : p.named_maxspeeds_kmh) {
    j["named_maxspeeds_kmh"][k] = v;
  }
  j["route_areas"] = p.route_areas;
  return j.dump(2);
}

Profile profile_from_json(std::string_view text, const std::string& source) {
  const ProfileJson j = parse_profile_object(text, source);
  Profile p;
  read_profile_field(j, "name", p.name, source);
  std::map<std::string, double> speeds;
  read_profile_field(j, "highway_speeds_kmh", speeds, source);
  p.highway_speeds_kmh.insert(speeds.begin(), speeds.end());
  read_profile_field(j, "access_tags", p.access_tags, source);
  read_profile_field(j, "denied_access", p.denied_access, source);
  read_profile_field(j, "use_oneway", p.use_oneway, source);
  read_profile_field(j, "implied_oneway_highways", p.implied_oneway_highways, source);
  read_profile_field(j, "implied_oneway_junctions", p.implied_oneway_junctions, source);
  read_profile_field(j, "use_maxspeed", p.use_maxspeed, source);
  read_profile_field(j, "maxspeed_factor", p.maxspeed_factor, source);
  std::map<std::string, double> named;
  read_profile_field(j, "named_maxspeeds_kmh", named, source);
  p.named_maxspeeds_kmh.insert(named.begin(), named.end());
  read_profile_field(j, "route_areas", p.route_areas, source);
  for (const auto& [k, v] : p.highway_speeds_kmh) {
    if (!(v > 0.0) || !std::isfinite(v)) {
      throw core::InputError("speed of highway class '" + k + "' must be positive",
                             file_context(source, "highway_speeds_kmh"));
    }
  }
  if (!(p.maxspeed_factor > 0.0) || !std::isfinite(p.maxspeed_factor)) {
    throw core::InputError("maxspeed_factor must be positive",
                           file_context(source, "maxspeed_factor"));
  }
  if (p.name.empty()) {
    throw core::InputError("profile needs a name", file_context(source, "name"));
  }
  return p;
}

std::uint64_t profile_hash(const Profile& profile) {
  const std::string text = profile_to_json(profile);
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    h = (h ^ c) * 1099511628211ULL;
  }
  return h;
}

std::optional<double> parse_maxspeed(std::string_view value, const Profile& profile) {
  std::optional<double> lowest;
  while (true) {
    const auto semi = value.find(';');
    const auto one = parse_one_maxspeed(value.substr(0, semi), profile);
    if (one && (!lowest || *one < *lowest)) {
      lowest = one;
    }
    if (semi == std::string_view::npos) {
      break;
    }
    value.remove_prefix(semi + 1);
  }
  return lowest;
}

std::optional<WayRule> evaluate_way(const Profile& profile, std::span<const Tag> tags) {
  const auto highway = find_tag(tags, "highway");
  if (!highway) {
    return std::nullopt;
  }
  const auto speed_it = profile.highway_speeds_kmh.find(*highway);
  if (speed_it == profile.highway_speeds_kmh.end()) {
    return std::nullopt;
  }
  if (!profile.route_areas) {
    if (const auto area = find_tag(tags, "area"); area && *area == "yes") {
      return std::nullopt;
    }
  }
  for (const std::string& key : profile.access_tags) {
    if (const auto v = find_tag(tags, key)) {
      if (contains(profile.denied_access, *v)) {
        return std::nullopt;
      }
      break;
    }
  }
  const auto oneway = oneway_direction(profile, tags, *highway);
  if (!oneway) {
    return std::nullopt;
  }
  double forward = speed_it->second;
  double backward = speed_it->second;
  if (profile.use_maxspeed) {
    if (const auto v = find_tag(tags, "maxspeed")) {
      if (const auto s = parse_maxspeed(*v, profile)) {
        forward = backward = *s * profile.maxspeed_factor;
      }
    }
    if (const auto v = find_tag(tags, "maxspeed:forward")) {
      if (const auto s = parse_maxspeed(*v, profile)) {
        forward = *s * profile.maxspeed_factor;
      }
    }
    if (const auto v = find_tag(tags, "maxspeed:backward")) {
      if (const auto s = parse_maxspeed(*v, profile)) {
        backward = *s * profile.maxspeed_factor;
      }
    }
  }
  WayRule rule{forward, backward};
  if (*oneway > 0) {
    rule.backward_kmh = 0.0;
  } else if (*oneway < 0) {
    rule.forward_kmh = 0.0;
  }
  return rule;
}

}  // namespace caremap::routing
