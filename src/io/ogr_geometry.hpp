#pragma once
// Conversion between OGR geometries and core::Geometry, coordinates copied as they are (no
// reprojection, no axis swap: callers hand in coordinates in (x = lon/easting, y = lat/northing)
// order). Z and M are dropped; curves are linearised by OGR.

#include <ogr_geometry.h>

#include <memory>
#include <string>

#include "core/geometry.hpp"

namespace caremap::io::detail {

struct ConvertedGeometry {
  core::Geometry geometry;  ///< std::monostate when absent, empty or unsupported
  std::string unsupported;  ///< OGR type name when the type cannot be represented
};

/// OGR to core. A null or empty geometry gives std::monostate; a geometry collection of one
/// kind (all polygons, all lines or all points) becomes the matching multi-geometry; other
/// types (mixed collections, TINs) are reported through `unsupported`.
ConvertedGeometry from_ogr(const OGRGeometry* g);

/// core to OGR; nullptr for std::monostate.
std::unique_ptr<OGRGeometry> to_ogr(const core::Geometry& g);

/// The OGR geometry type a layer of these geometries should declare (wkbUnknown when mixed).
OGRwkbGeometryType ogr_type_of(const core::Geometry& g);

}  // namespace caremap::io::detail
