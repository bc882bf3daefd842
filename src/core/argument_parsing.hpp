#pragma once
// Parsing of the values a planner types, on the `caremap` command line and in the viewer (its
// options and its panels): distances with units ("16km", "500m", "16000" = metres), durations
// ("15min", "900s", "1h", "15分"), places ("130.54,33.80" = longitude,latitude; "lon lat, lon
// lat, ..." for shapes), category lists ("hospital,clinic") and JIS mesh sizes ("500m", "250m",
// "none"). Every parser throws core::ArgumentError naming the option and the bad text. The one
// parser of each kind: both front ends use these.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.hpp"
#include "core/geometry.hpp"
#include "core/jis_mesh.hpp"
#include "core/units.hpp"

namespace caremap::core {

/// "16km", "16 km", "500m", "1.5km", "16000" (metres). Must be > 0 unless allow_zero.
core::Meters parse_distance(std::string_view text, std::string_view option,
                            bool allow_zero = false);

/// "15min", "15m", "15分", "900s", "1h", "90" (a bare number counts `bare_unit`s: seconds
/// unless told otherwise). Must be > 0.
core::Seconds parse_duration(std::string_view text, std::string_view option,
                             core::Seconds bare_unit = core::Seconds{1.0});

/// "5,10,15,30min", "5min,10min" or "2 4 6min": items separated by commas or spaces; items
/// without a unit take the unit of the last item, or `bare_unit` when none has one. Sorted
/// ascending, duplicates removed.
std::vector<core::Seconds> parse_duration_list(std::string_view text, std::string_view option,
                                               core::Seconds bare_unit = core::Seconds{1.0});

/// "500,1000m", "1km,2km": as parse_duration_list for distances.
std::vector<core::Meters> parse_distance_list(std::string_view text, std::string_view option);

/// "lon,lat" in degrees, checked against the valid ranges (a swapped pair is named as such).
core::LonLat parse_lonlat(std::string_view text, std::string_view option);

/// "lon lat, lon lat, ..." (a shape's vertices), at least `min_points`, each checked as
/// parse_lonlat checks a place.
std::vector<core::LonLat> parse_lonlat_list(std::string_view text, std::string_view option,
                                            std::size_t min_points);

/// Comma-separated category names; every name must be known (the message lists the known ones).
std::vector<core::Category> parse_categories(std::string_view text, std::string_view option);

/// "500m" -> half, "250m" -> quarter, "1km" -> third, "none" -> nullopt.
std::optional<core::MeshLevel> parse_mesh_level(std::string_view text, std::string_view option);

/// "hospital, clinic" for messages.
std::string join_categories(const std::vector<core::Category>& categories);

/// Distances as a planner reads them: "850 m", "2.4 km", "16 km".
std::string format_distance(core::Meters d);

}  // namespace caremap::core
