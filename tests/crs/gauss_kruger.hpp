#pragma once
// GSI's plane rectangular coordinates (Kawase 2011) through the test suite's own transverse
// Mercator (routing/support/transverse_mercator.hpp, independent of PROJ) on GRS80: the
// reference for points off a zone's central meridian.

#include "routing/support/transverse_mercator.hpp"

namespace caremap::test {

/// (easting, northing): GSI's (y, x).
inline core::XY gsi_plane_rectangular(double lon_deg, double lat_deg, double lon0_deg,
                                      double lat0_deg, double m0 = 0.9999) {
  TransverseMercator tm;
  tm.lon0_deg = lon0_deg;
  tm.lat0_deg = lat0_deg;
  tm.k0 = m0;
  return tm.forward(lon_deg, lat_deg);
}

}  // namespace caremap::test
