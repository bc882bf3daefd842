#pragma once
// Parsing of the values a planner types on the command line: distances with units ("16km",
// "500m", "16000" = metres), durations ("15min", "900s", "1h"), places ("130.54,33.80" =
// longitude,latitude), category lists ("hospital,clinic") and JIS mesh sizes ("500m", "250m",
// "none"). Every parser throws core::ArgumentError naming the option and the bad text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.hpp"
#include "core/geometry.hpp"
#include "core/jis_mesh.hpp"
#include "core/units.hpp"

namespace caremap::cli {

/// "16km", "16 km", "500m", "1.5km", "16000" (metres). Must be > 0 unless allow_zero.
core::Meters parse_distance(std::string_view text, std::string_view option,
                            bool allow_zero = false);

/// "15min", "900s", "1h", "90" (seconds). Must be > 0.
core::Seconds parse_duration(std::string_view text, std::string_view option);

/// "5,10,15,30min" or "5min,10min": a list whose items without a unit take the unit of the
/// last item. Sorted ascending, duplicates removed.
std::vector<core::Seconds> parse_duration_list(std::string_view text, std::string_view option);

/// "500,1000m", "1km,2km": as parse_duration_list for distances.
std::vector<core::Meters> parse_distance_list(std::string_view text, std::string_view option);

/// "lon,lat" in degrees, checked against the valid ranges (a swapped pair is named as such).
core::LonLat parse_lonlat(std::string_view text, std::string_view option);

/// Comma-separated category names; every name must be known (the message lists the known ones).
std::vector<core::Category> parse_categories(std::string_view text, std::string_view option);

/// "500m" -> half, "250m" -> quarter, "1km" -> third, "none" -> nullopt.
std::optional<core::MeshLevel> parse_mesh_level(std::string_view text, std::string_view option);

/// "hospital, clinic" for messages.
std::string join_categories(const std::vector<core::Category>& categories);

/// Distances as a planner reads them: "850 m", "2.4 km", "16 km".
std::string format_distance(core::Meters d);

}  // namespace caremap::cli
