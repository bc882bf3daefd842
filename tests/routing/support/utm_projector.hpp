#pragma once
// A self-contained UTM (transverse Mercator on WGS84) projector for tests and benchmarks, which
// cannot use PROJ (routing links no PROJ). Forward by transverse_mercator.hpp, inverse by
// Krüger's series to fourth order in n (Karney 2011); both well under a millimetre within a
// zone: the same coordinates PROJ gives for EPSG:326xx, so graphs built here match the CLI's.

#include <cmath>

#include "core/projector.hpp"
#include "transverse_mercator.hpp"

namespace caremap::test {

class UtmProjector final : public core::Projector {
 public:
  /// Northern-hemisphere zone (EPSG:32600 + zone).
  explicit UtmProjector(int zone) : m_lon0((zone * 6.0 - 183.0) * kDeg) {
    const double n2 = m_n * m_n;
    const double n3 = n2 * m_n;
    const double n4 = n3 * m_n;
    m_a_hat = kA / (1.0 + m_n) * (1.0 + n2 / 4.0 + n4 / 64.0);
    m_beta[0] = m_n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360;
    m_beta[1] = n2 / 48 + n3 / 15 - 437 * n4 / 1440;
    m_beta[2] = 17 * n3 / 480 - 37 * n4 / 840;
    m_beta[3] = 4397 * n4 / 161280;
    m_delta[0] = 2 * m_n - 2 * n2 / 3 - 2 * n3 + 116 * n4 / 45;
    m_delta[1] = 7 * n2 / 3 - 8 * n3 / 5 - 227 * n4 / 45;
    m_delta[2] = 56 * n3 / 15 - 136 * n4 / 35;
    m_delta[3] = 4279 * n4 / 630;
  }

  core::XY forward(core::LonLat p) override {
    TransverseMercator tm;
    tm.f = kF;
    tm.lon0_deg = m_lon0 / kDeg;
    tm.k0 = kK0;
    tm.false_easting = kFalseEasting;
    return tm.forward(p.lon, p.lat);
  }

  core::LonLat inverse(core::XY p) override {
    const double xi = p.y / (kK0 * m_a_hat);
    const double eta = (p.x - kFalseEasting) / (kK0 * m_a_hat);
    double xi1 = xi;
    double eta1 = eta;
    for (int j = 1; j <= 4; ++j) {
      xi1 -= m_beta[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
      eta1 -= m_beta[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
    }
    const double chi = std::asin(std::sin(xi1) / std::cosh(eta1));
    double phi = chi;
    for (int j = 1; j <= 4; ++j) {
      phi += m_delta[j - 1] * std::sin(2 * j * chi);
    }
    const double lon = m_lon0 + std::atan2(std::sinh(eta1), std::cos(xi1));
    return {lon / kDeg, phi / kDeg};
  }

 private:
  static constexpr double kDeg = 3.14159265358979323846 / 180.0;
  static constexpr double kA = 6378137.0;
  static constexpr double kF = 1.0 / 298.257223563;
  static constexpr double kK0 = 0.9996;
  static constexpr double kFalseEasting = 500000.0;
  double m_lon0;
  double m_n = kF / (2.0 - kF);
  double m_a_hat = 0.0;
  double m_beta[4] = {};
  double m_delta[4] = {};
};

}  // namespace caremap::test
