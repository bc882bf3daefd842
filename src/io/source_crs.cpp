#include "io/source_crs.hpp"

#include <cpl_conv.h>

#include <cstring>
#include <memory>

namespace caremap::io::detail {

std::optional<LayerCrs> layer_crs(OGRLayer& layer) {
  const OGRSpatialReference* srs = layer.GetSpatialRef();
  if (srs == nullptr) {
    return std::nullopt;
  }
  LayerCrs out;
  // GDAL 3 vector drivers normally expose data in traditional GIS order (mapping 2,1 for a
  // lat/lon CRS). If a driver keeps the authority order, the data axes follow the CRS axes and
  // a lat-first CRS needs swapping.
  const std::vector<int> mapping = srs->GetDataAxisToSRSAxisMapping();
  const bool authority_order = mapping.size() >= 2 && mapping[0] == 1 && mapping[1] == 2;
  out.swap_xy =
      authority_order && (srs->EPSGTreatsAsLatLong() || srs->EPSGTreatsAsNorthingEasting());

  std::unique_ptr<OGRSpatialReference> copy(srs->Clone());
  const char* auth = copy->GetAuthorityName(nullptr);
  if (auth == nullptr) {
    copy->AutoIdentifyEPSG();
    auth = copy->GetAuthorityName(nullptr);
  }
  const char* code = copy->GetAuthorityCode(nullptr);
  if (auth != nullptr && code != nullptr && std::strcmp(auth, "EPSG") == 0) {
    out.crs = crs::CrsRef::parse(std::string("EPSG:") + code);
    return out;
  }
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  copy->exportToWkt(&wkt, options);
  const std::string text = wkt != nullptr ? wkt : "";
  CPLFree(wkt);
  const char* name = copy->GetName();
  out.crs = crs::CrsRef::parse(
      text, name != nullptr && std::strcmp(name, "unknown") != 0 ? std::string(name) : "");
  return out;
}

}  // namespace caremap::io::detail
