#pragma once
// Meridian arc length on the GRS80 ellipsoid by the standard series (as in GSI's published
// formulas for the plane rectangular coordinates), independent of PROJ: the reference the
// transformer tests compare against. Accurate to well under 0.1 mm in Japan's latitudes.

#include <cmath>

namespace caremap::test {

inline double grs80_meridian_arc_m(double lat_deg) {
  constexpr double a = 6378137.0;
  constexpr double f = 1.0 / 298.257222101;
  const double e2 = f * (2.0 - f);
  const double e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2, e10 = e8 * e2;
  const double A = 1.0 + 3.0 / 4 * e2 + 45.0 / 64 * e4 + 175.0 / 256 * e6 + 11025.0 / 16384 * e8 +
                   43659.0 / 65536 * e10;
  const double B =
      3.0 / 4 * e2 + 15.0 / 16 * e4 + 525.0 / 512 * e6 + 2205.0 / 2048 * e8 + 72765.0 / 65536 * e10;
  const double C = 15.0 / 64 * e4 + 105.0 / 256 * e6 + 2205.0 / 4096 * e8 + 10395.0 / 16384 * e10;
  const double D = 35.0 / 512 * e6 + 315.0 / 2048 * e8 + 31185.0 / 131072 * e10;
  const double E = 315.0 / 16384 * e8 + 3465.0 / 65536 * e10;
  const double F = 693.0 / 131072 * e10;
  const double p = lat_deg * M_PI / 180.0;
  return a * (1.0 - e2) *
         (A * p - B / 2 * std::sin(2 * p) + C / 4 * std::sin(4 * p) - D / 6 * std::sin(6 * p) +
          E / 8 * std::sin(8 * p) - F / 10 * std::sin(10 * p));
}

}  // namespace caremap::test
