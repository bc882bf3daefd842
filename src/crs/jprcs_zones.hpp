#pragma once
// The Japan Plane Rectangular Coordinate System (平面直角座標系, 19 zones, JGD2011 = EPSG:6669 to
// EPSG:6687) and which zones each prefecture uses, from the MLIT notice
// (平成14年国土交通省告示第9号). Every zone is a transverse Mercator with scale 0.9999 on its
// central meridian, false origin 0.

#include <optional>
#include <span>
#include <string_view>

#include "core/geometry.hpp"

namespace caremap::crs {

struct PlaneRectangularZone {
  int number = 0;          ///< 1..19 (I..XIX)
  int epsg = 0;            ///< JGD2011 EPSG code, 6668 + number
  core::LonLat origin;     ///< origin of the zone; its longitude is the central meridian
  std::string_view roman;  ///< "II"
};

/// All 19 zones in order.
std::span<const PlaneRectangularZone> plane_rectangular_zones();

/// Zone by number 1..19; throws core::ArgumentError otherwise.
const PlaneRectangularZone& plane_rectangular_zone(int number);

/// Zone numbers a prefecture (JIS X 0401 code 1..47) uses, the one of the prefectural capital
/// first. Most prefectures use one zone; 北海道 (XI, XII, XIII), 東京都 (IX, XIV, XVIII, XIX),
/// 鹿児島県 (II, I) and 沖縄県 (XV, XVI, XVII) use several. Empty for an unknown code.
std::span<const int> prefecture_zones(int prefecture_code);

/// Prefecture name in Japanese ("福岡県"); empty for an unknown code.
std::string_view prefecture_name(int prefecture_code);

/// The prefecture of a municipality code: 5 digits ("40220") or 6 with the check digit
/// ("402206"). nullopt if the text is not such a code or the prefecture is not 1..47.
std::optional<int> prefecture_of(std::string_view municipality_code);

}  // namespace caremap::crs
