#pragma once
// Fixture files written with GDAL's own API (not caremap's writer), for reader tests.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace caremap::test {

struct FixturePoint {
  double lon;
  double lat;
  std::string name;
};

/// Writes a point layer with one text field "name" with `driver` ("ESRI Shapefile", "KML",
/// "FlatGeobuf", "GPKG") in `srs_definition` (coordinates taken as given, x first; no CRS when
/// `with_crs` is false). `layer_options` are GDAL layer creation options such as "ENCODING=CP932".
inline void write_points(const std::filesystem::path& path, const char* driver_name,
                         const std::vector<FixturePoint>& points, bool with_crs = true,
                         std::vector<std::string> layer_options = {},
                         const char* layer_name = "points",
                         const char* srs_definition = "EPSG:4326") {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (driver == nullptr) {
    throw std::runtime_error(std::string("no GDAL driver ") + driver_name);
  }
  GDALDatasetUniquePtr ds(driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) {
    throw std::runtime_error("cannot create " + path.string());
  }
  OGRSpatialReference srs;
  srs.SetFromUserInput(srs_definition);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLStringList options;
  for (const auto& o : layer_options) {
    options.AddString(o.c_str());
  }
  OGRLayer* layer =
      ds->CreateLayer(layer_name, with_crs ? &srs : nullptr, wkbPoint, options.List());
  OGRFieldDefn field("name", OFTString);
  layer->CreateField(&field);
  for (const auto& p : points) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("name", p.name.c_str());
    f.SetGeometryDirectly(new OGRPoint(p.lon, p.lat));
    if (layer->CreateFeature(&f) != OGRERR_NONE) {
      throw std::runtime_error("cannot write a fixture feature");
    }
  }
}

}  // namespace caremap::test
