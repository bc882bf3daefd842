#pragma once
// A travel profile for road networks read from line layers (KSJ N01, municipal road ledgers,
// GSI road centre lines, pgRouting edge tables): which attribute gives the road class and the
// speed of each class, and optionally a speed field, a one-way field with its values, explicit
// from/to node fields, the snapping tolerance, the access-leg model and how results name the
// network. Data, read from JSON (see data/geo/profiles/n01-1996.profile.json):
//
//   { "kind": "line_layer", "name": "n01-1996",
//     "class_field": "road_class",
//     "class_speeds_kmh": {"expressway": 80, "national": 38, "prefectural": 33},
//     "speed_field": "", "oneway_field": "", "oneway_forward": ["1"], "oneway_backward": ["-1"],
//     "from_node_field": "from_node", "to_node_field": "to_node", "id_field": "link_id",
//     "snap_tolerance_m": 1.0,
//     "access": {"speed_kmh": 20, "detour_factor": 1.3, "flag_distance_m": 1000,
//                "max_distance_m": 10000, "direct_legs": true},
//     "basis": {"ja": "...", "en": "..."}, "credit": "...", "notes": "..." }
//
// Every key but "name", "class_field" and "class_speeds_kmh" is optional.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.hpp"
#include "routing/access.hpp"

namespace caremap::routing {

struct LineProfile {
  std::string name;
  std::string class_field;
  std::map<std::string, double, std::less<>> class_speeds_kmh;
  std::string speed_field;  ///< km/h; a positive value overrides the class speed
  std::string oneway_field;
  std::vector<std::string> oneway_forward{"1", "yes", "true", "FT"};  ///< along the line
  std::vector<std::string> oneway_backward{"-1", "TF"};               ///< against it
  std::string from_node_field;  ///< with to_node_field: line ends with equal ids join
  std::string to_node_field;
  std::string id_field;  ///< the line's id (closures by 'way_id'); default: its row
  double snap_tolerance_m = 1.0;
  AccessModel access;
  core::LocalText basis;  ///< what travel times stand on, e.g. "trunk roads only (KSJ N01, 1996)"
  std::string credit;
};

/// Reads a line-layer profile. Throws core::InputError (naming `source` and the key) for
/// malformed JSON, a missing name or class field, a non-positive speed, a negative tolerance,
/// an access detour factor below 1.
LineProfile line_profile_from_json(std::string_view json, const std::string& source = {});
/// Reads the profile file. Throws core::InputError when it cannot be read or parsed.
LineProfile load_line_profile(const std::string& path);
/// Whether JSON text is a line-layer profile ("kind": "line_layer"), not an OSM profile.
bool is_line_profile_json(std::string_view json);
/// Canonical JSON (keys sorted), the input of line_profile_hash.
std::string line_profile_to_json(const LineProfile& profile);
/// FNV-1a of the canonical JSON: caches built with another profile are stale.
std::uint64_t line_profile_hash(const LineProfile& profile);

}  // namespace caremap::routing
