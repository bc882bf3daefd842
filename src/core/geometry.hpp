#pragma once
// Geometry value types. XY is a position in the working CRS (projected metres: x = easting,
// y = northing); LonLat is geographic degrees and exists only at the edges (files, cursor readout).
// All geometry types are Boost.Geometry models over XY, so every Boost.Geometry algorithm applies.
//
// Polygon orientation follows Boost.Geometry's default: exterior rings clockwise, holes
// counter-clockwise, rings closed (first point repeated last). Readers call
// boost::geometry::correct once on load; everything after may assume valid orientation.

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/register/point.hpp>
#include <optional>
#include <variant>

#include "core/units.hpp"

namespace caremap::core {

/// A position in the working CRS, metres.
struct XY {
  double x = 0.0;
  double y = 0.0;
  friend constexpr bool operator==(const XY&, const XY&) = default;
};

/// Geographic coordinates in degrees, longitude first (axis order normalised once by the crs
/// layer).
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  friend constexpr bool operator==(const LonLat&, const LonLat&) = default;
};

}  // namespace caremap::core

BOOST_GEOMETRY_REGISTER_POINT_2D(caremap::core::XY, double, boost::geometry::cs::cartesian, x, y)

namespace caremap::core {

namespace bg = boost::geometry;

using Box = bg::model::box<XY>;
using Segment = bg::model::segment<XY>;
using MultiPoint = bg::model::multi_point<XY>;
using LineString = bg::model::linestring<XY>;
using MultiLineString = bg::model::multi_linestring<LineString>;
using Ring = bg::model::ring<XY>;
using Polygon = bg::model::polygon<XY>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;

/// Any feature geometry. std::monostate is "no geometry" (an attribute-only row).
using Geometry = std::variant<std::monostate, XY, MultiPoint, LineString, MultiLineString, Polygon,
                              MultiPolygon>;

/// Straight-line distance between two working-CRS positions.
inline Meters distance(const XY& a, const XY& b) {
  return Meters{bg::distance(a, b)};
}

/// Bounding box of a geometry; nullopt for no geometry or an empty one.
std::optional<Box> envelope(const Geometry& g);

/// Smallest box holding both; either side may be absent.
std::optional<Box> merge(const std::optional<Box>& a, const std::optional<Box>& b);

/// A representative point: the point itself, the first point of a multipoint, the midpoint along a
/// line, or a point guaranteed inside a polygon (for labels and "fit to feature").
std::optional<XY> representative_point(const Geometry& g);

/// Area of the polygonal parts (0 for points and lines).
SquareMeters area(const Geometry& g);

/// Length of the linear parts and polygon perimeters (0 for points).
Meters length(const Geometry& g);

/// A Polygon or MultiPolygon geometry as a MultiPolygon; nullopt for any other geometry.
std::optional<MultiPolygon> as_multipolygon(const Geometry& g);

/// True when g has no coordinates.
bool is_empty(const Geometry& g);

/// Human name of the geometry's type ("Point", "MultiPolygon", ...), "None" for no geometry.
const char* geometry_type_name(const Geometry& g);

}  // namespace caremap::core
