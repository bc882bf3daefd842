#pragma once
// The part of writing a layer through OGR that every GDAL sink shares (GeoJSON, GeoPackage,
// FlatGeobuf: io/write_gdal.cpp; PostGIS tables: io/write_postgis.cpp): the layer, its fields,
// the category column when categories differ, and every feature in the output CRS.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

#include "core/layer.hpp"
#include "crs/crs_ref.hpp"
#include "io/gdal_env.hpp"

namespace caremap::io::detail {

/// Creates layer `name` in `ds` with the driver's `creation_options`, then writes `layer`'s fields
/// and features, coordinates transformed into `crs` (`srs` is the same CRS for GDAL). Throws
/// core::OutputError with GDAL's message (collected in `errors`). O(features + vertices).
OGRLayer& write_ogr_layer(GDALDataset& ds, const core::Layer& layer, const std::string& name,
                          const crs::CrsRef& crs, OGRSpatialReference& srs, char** creation_options,
                          ScopedCplErrors& errors);

}  // namespace caremap::io::detail
