#pragma once
// Well-known text of a core::Geometry and coordinate text for the CSV writer, with a fixed number
// of decimals (9 for degrees = 0.1 mm, 4 for metres) so that values that went through a
// reprojection read 130.5593199, not 130.55931990000002.

#include <string>

#include "core/geometry.hpp"

namespace caremap::io::detail {

/// "POINT (130.5 33.8)", "MULTIPOLYGON (((...)))"; "" for no geometry.
std::string to_wkt(const core::Geometry& g, int decimals);

/// `v` with at most `decimals` decimals, trailing zeros dropped ("130.5", "-46295.9643", "0").
std::string number_text(double v, int decimals);

/// number_text(v, decimals) appended to `out`, without a string of its own.
void append_number_text(std::string& out, double v, int decimals);

}  // namespace caremap::io::detail
