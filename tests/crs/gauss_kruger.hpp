#pragma once
// GSI's plane rectangular coordinates (Kawase 2011) through the test suite's own transverse
// Mercator (routing/support/transverse_mercator.hpp, independent of PROJ) on GRS80: the
// reference for points off a zone's central meridian.

#include "routing/support/transverse_mercator.hpp"

namespace caremap::test {

struct PlaneXY {
  double easting_m = 0.0;   ///< GSI's y
  double northing_m = 0.0;  ///< GSI's x
};

inline PlaneXY gsi_plane_rectangular(double lon_deg, double lat_deg, double lon0_deg,
                                     double lat0_deg, double m0 = 0.9999) {
  TransverseMercator tm;
  tm.lon0_deg = lon0_deg;
  tm.lat0_deg = lat0_deg;
  tm.k0 = m0;
  const core::XY p = tm.forward(lon_deg, lat_deg);
  return {p.x, p.y};
}

}  // namespace caremap::test
