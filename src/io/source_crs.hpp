#pragma once
// The CRS of an OGR layer as a crs::CrsRef, and whether its stored coordinates need swapping to
// caremap's (x = longitude/easting, y = latitude/northing) order.

#include <ogrsf_frmts.h>

#include <optional>

#include "crs/crs_ref.hpp"

namespace caremap::io::detail {

struct LayerCrs {
  crs::CrsRef crs;
  bool swap_xy = false;  ///< the driver stores (lat, lon) / (northing, easting)
};

/// The layer's CRS: its EPSG code when GDAL knows one, else its WKT. nullopt if the layer has no
/// CRS. Throws core::ArgumentError if PROJ cannot use the CRS GDAL reports.
std::optional<LayerCrs> layer_crs(OGRLayer& layer);

}  // namespace caremap::io::detail
