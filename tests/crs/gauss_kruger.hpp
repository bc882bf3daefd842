#pragma once
// GSI's formulas for the plane rectangular coordinates (Kawase 2011: the Gauss-Krüger projection
// by Krüger's series in n to the sixth order) on GRS80, written out independently of PROJ: the
// reference for points off the central meridian. Sub-millimetre within a zone's extent.

#include <array>
#include <cmath>

#include "meridian_arc.hpp"

namespace caremap::test {

struct PlaneXY {
  double easting_m = 0.0;   ///< GSI's y
  double northing_m = 0.0;  ///< GSI's x
};

inline PlaneXY gsi_plane_rectangular(double lon_deg, double lat_deg, double lon0_deg,
                                     double lat0_deg, double m0 = 0.9999) {
  constexpr double a = 6378137.0;
  constexpr double f = 1.0 / 298.257222101;
  const double n = f / (2.0 - f);
  const double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
  const std::array<double, 6> alpha{
      n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
      13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
      61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
      49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
      34729 * n5 / 80640 - 3418889 * n6 / 1995840,
      212378941 * n6 / 319334400};
  const double a_bar = m0 * a / (1 + n) * (1 + n2 / 4 + n4 / 64);
  const double deg = M_PI / 180.0;
  const double phi = lat_deg * deg;
  const double dl = (lon_deg - lon0_deg) * deg;
  const double c = 2 * std::sqrt(n) / (1 + n);
  const double t = std::sinh(std::atanh(std::sin(phi)) - c * std::atanh(c * std::sin(phi)));
  const double xi = std::atan(t / std::cos(dl));
  const double eta = std::atanh(std::sin(dl) / std::sqrt(1 + t * t));
  double x = xi;
  double y = eta;
  for (int j = 1; j <= 6; ++j) {
    x += alpha[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
    y += alpha[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
  }
  const double s0 = m0 * grs80_meridian_arc_m(lat0_deg);
  return {a_bar * y, a_bar * x - s0};
}

}  // namespace caremap::test
