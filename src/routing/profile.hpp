#pragma once
// Travel profiles as data. A profile is a small table (which OpenStreetMap highway classes are
// routable and at what speed, which access tags and values exclude a way, how one-way streets
// and posted speed limits are read); free functions interpret it. The graph builder calls
// evaluate_way() once per way; nothing in the shortest-path code depends on the profile.
//
// Two built-in profiles:
//  - car: the road classes a car may use, with Japanese-context default speeds (effective
//    average speeds in km/h, lower than the 60 km/h legal default on unsigned general roads
//    because of signals and narrow streets); `maxspeed` is used where tagged, times
//    `maxspeed_factor` (0.8, like OSRM's speed reduction); one-way streets are respected,
//    including the one-way implied by roundabouts and motorways.
//  - walking: footways, paths, steps, pedestrian streets and every ordinary road at 4.8 km/h
//    (80 m/min, the Japanese real-estate walking standard; steps 2.4 km/h); motorways excluded;
//    one-way tags ignored.
// A profile can also be read from JSON (profile_from_json); profile_to_json writes the same form.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caremap::routing {

struct Profile {
  std::string name;  ///< "car", "walking", ...: used in cache file names and provenance
  /// Routable highway classes and their default speed in km/h; a class not listed is excluded.
  std::map<std::string, double, std::less<>> highway_speeds_kmh;
  /// Access keys from most to least specific ("motor_vehicle" before "access"). The first key
  /// present on a way decides: a value in `denied_access` excludes the way, anything else allows.
  std::vector<std::string> access_tags;
  std::vector<std::string> denied_access;
  bool use_oneway = true;  ///< read oneway=yes/1/true/-1/reverse/no; false = every way two-way
  /// Classes and junction values one-way unless tagged oneway=no.
  std::vector<std::string> implied_oneway_highways;
  std::vector<std::string> implied_oneway_junctions;
  bool use_maxspeed = true;      ///< read maxspeed, maxspeed:forward, maxspeed:backward
  double maxspeed_factor = 1.0;  ///< effective speed = posted limit x factor
  /// Zone values such as "JP:urban" (km/h). Unknown zones fall back to the class speed.
  std::map<std::string, double, std::less<>> named_maxspeeds_kmh;
  bool route_areas = false;  ///< include area=yes ways (their outline) such as pedestrian plazas
};

/// The built-in car profile (see the header comment).
Profile car_profile();
/// The built-in walking profile (see the header comment).
Profile walking_profile();
/// A built-in profile by name ("car", "walking", "foot"); nullopt if unknown.
std::optional<Profile> builtin_profile(std::string_view name);

/// A built-in profile by name, else the JSON profile file at that path. Throws
/// core::InputError for a file that cannot be read or parsed, core::ArgumentError for a name that
/// is neither a built-in profile nor an existing file.
Profile load_profile(const std::string& name_or_path);

/// The profile as canonical JSON text (keys sorted): the input of profile_hash.
std::string profile_to_json(const Profile& profile);
/// Reads a profile from JSON text in the form profile_to_json writes; fields that are absent keep
/// the defaults of a default-constructed Profile. Throws core::InputError (naming `source` as the
/// file) for malformed JSON, wrong types or a non-positive speed.
Profile profile_from_json(std::string_view json, const std::string& source = {});

/// A 64-bit FNV-1a hash of the canonical JSON: graph caches built with another profile are stale.
std::uint64_t profile_hash(const Profile& profile);

/// One OpenStreetMap tag.
struct Tag {
  std::string_view key;
  std::string_view value;
};

/// How a way may be travelled. A speed of 0 means that direction is closed ("forward" is the
/// order of the way's nodes).
struct WayRule {
  double forward_kmh = 0.0;
  double backward_kmh = 0.0;
};

/// Whether and how the profile routes a way with these tags; nullopt if it does not (not a
/// highway, a class not listed, access denied, oneway=reversible, area=yes when areas are off).
/// O(tags x access keys).
std::optional<WayRule> evaluate_way(const Profile& profile, std::span<const Tag> tags);

/// A posted speed limit in km/h: "50", "50 km/h", "30 mph", "10 knots", a named zone from the
/// profile ("JP:urban"), "walk" (6 km/h); for a list "50;30" the lowest. nullopt for "none",
/// "signals", "variable", unknown zones and anything unparsable or not positive.
std::optional<double> parse_maxspeed(std::string_view value, const Profile& profile);

}  // namespace caremap::routing
