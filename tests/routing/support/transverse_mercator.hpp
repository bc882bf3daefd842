#pragma once
// The transverse Mercator projection by Krüger's series in n to the sixth order (Karney 2011;
// the form GSI publishes for the plane rectangular coordinates, Kawase 2011), written out
// independently of PROJ. Sub-millimetre within a zone's extent. Shared by the UTM projector of
// the routing tests and benchmarks (routing links no PROJ) and by the crs tests' reference for
// the Japan Plane Rectangular zones.

#include <array>
#include <cmath>

#include "core/geometry.hpp"

namespace caremap::test {

struct TransverseMercator {
  double a = 6378137.0;            ///< semi-major axis, metres
  double f = 1.0 / 298.257222101;  ///< flattening (GRS80 by default)
  double lon0_deg = 0.0;           ///< central meridian
  double lat0_deg = 0.0;           ///< latitude of origin (northing 0 there)
  double k0 = 0.9996;              ///< scale on the central meridian
  double false_easting = 0.0;

  /// (easting, northing) of (lon, lat) in degrees.
  core::XY forward(double lon_deg, double lat_deg) const {
    const double n = f / (2.0 - f);
    const double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
    const std::array<double, 6> alpha{
        n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
        13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
        61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
        49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
        34729 * n5 / 80640 - 3418889 * n6 / 1995840,
        212378941 * n6 / 319334400};
    const double a_hat = k0 * a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
    const double deg = M_PI / 180.0;
    auto series = [&](double lat, double dl) {
      const double c = 2 * std::sqrt(n) / (1 + n);
      const double t = std::sinh(std::atanh(std::sin(lat)) - c * std::atanh(c * std::sin(lat)));
      const double xi1 = std::atan2(t, std::cos(dl));
      const double eta1 = std::atanh(std::sin(dl) / std::sqrt(1 + t * t));
      double xi = xi1;
      double eta = eta1;
      for (int j = 1; j <= 6; ++j) {
        xi += alpha[j - 1] * std::sin(2 * j * xi1) * std::cosh(2 * j * eta1);
        eta += alpha[j - 1] * std::cos(2 * j * xi1) * std::sinh(2 * j * eta1);
      }
      return core::XY{a_hat * eta, a_hat * xi};
    };
    const core::XY p = series(lat_deg * deg, (lon_deg - lon0_deg) * deg);
    const double northing0 = lat0_deg == 0.0 ? 0.0 : series(lat0_deg * deg, 0.0).y;
    return {false_easting + p.x, p.y - northing0};
  }
};

}  // namespace caremap::test
