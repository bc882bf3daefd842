#pragma once
// Checking one row's coordinates before it becomes a point. A bad row becomes a Diagnostic with
// one of core's stable codes and is skipped; it is never placed on the map (270 MHLW hospitals at
// 0,0 would otherwise sit in the Gulf of Guinea).

#include <optional>
#include <string>
#include <string_view>

#include "core/geometry.hpp"

namespace caremap::io {

struct CoordinateCheck {
  std::optional<core::XY> point;  ///< set when the row is usable (x = lon for geographic data)
  std::string code;               ///< empty_coordinates, unparsable_coordinates, zero_coordinates,
                     ///< swapped_coordinates or out_of_range_coordinates; empty when usable
  std::string field;    ///< the offending column ("x/y" names joined by "/" when both)
  std::string message;  ///< readable English detail with the values
};

/// Parses a decimal number: ASCII or full-width digits (０-９, ．, －), optional sign, surrounding
/// spaces. nullopt for anything else (including nan and inf).
std::optional<double> parse_decimal(std::string_view text);

/// Checks the text of an x and a y column. For geographic data (x = longitude, y = latitude in
/// degrees): both 0 -> zero_coordinates; latitude beyond ±90° with a longitude that would be a
/// valid latitude -> swapped_coordinates; otherwise outside ±180°/±90° -> out_of_range_coordinates.
/// For projected data only the empty, unparsable and (0, 0) checks apply.
CoordinateCheck check_coordinates(std::string_view x_text, std::string_view y_text, bool geographic,
                                  std::string_view x_field = "x", std::string_view y_field = "y");

/// The same checks for numeric coordinates (a point geometry read by GDAL).
CoordinateCheck check_coordinates(double x, double y, bool geographic,
                                  std::string_view x_field = "x", std::string_view y_field = "y");

}  // namespace caremap::io
