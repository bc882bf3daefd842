#pragma once
// Choosing the metric working CRS of a region or of loose files.
//
// Rules, in order (a project file may fix the CRS instead; the io library honours that first):
//  1. Municipality codes known: the Japan Plane Rectangular CS zone of their prefecture
//     (40xxx 福岡県 -> zone II, EPSG:6670; 13xxx 東京都 -> zone IX, EPSG:6677; all 47 prefectures).
//     For the four prefectures that span several zones the extent, when given, picks the candidate
//     zone whose origin is nearest; without an extent the zone of the prefectural capital is used.
//     Codes of prefectures in different zones fall through to the extent rule.
//  2. An extent inside Japan (its centre within lon 122–154°, lat 20–46°) and small — at most 3° by
//     3° and no point farther than 250 km east or west of the central meridian, roughly one
//     prefecture — takes the zone with the nearest origin. This minimises distortion; near zone
//     borders it may differ from the legal zone (佐賀県 lies nearer zone I's origin than zone
//     II's), which is why codes come first.
//  3. A larger extent inside Japan (the national files) gets a Lambert Conformal Conic fitted to
//     it: standard parallels at 1/6 and 5/6 of the latitude span, centred on the extent, GRS80,
//     metres. Scale error (measured with max_scale_error): for the all-Japan hospital extent
//     (lat 24.0–45.5°) about -0.8 % midway between the parallels and +1.0 % at the northern and
//     southern ends, so national distances are good to about 1 %; use a region's zone for anything
//     finer.
//  4. An extent outside Japan up to 12° wide: the WGS 84 UTM zone of its centre
//     (EPSG:326zz north, 327zz south, with the Norway and Svalbard exceptions); wider ones get the
//     fitted Lambert conic of rule 3.
// Throws core::ArgumentError when neither a usable code nor an extent is given, for an
// unrecognised municipality code, and for extents too large for one metric CRS (over 60° of
// latitude or 120° of longitude).

#include <optional>
#include <span>
#include <string>

#include "crs/crs_ref.hpp"
#include "crs/geo_box.hpp"

namespace caremap::crs {

struct WorkingCrsChoice {
  CrsRef crs;
  std::string reason;  ///< readable English, e.g. "Japan Plane Rectangular CS zone II (福岡県 ...)"
};

/// Applies the rules above. `municipality_codes` may be empty; `extent` is in degrees.
WorkingCrsChoice choose_working_crs(std::span<const std::string> municipality_codes,
                                    const std::optional<GeoBox>& extent = std::nullopt);

/// Rules 2–4 only: the CRS for data with no municipality codes.
WorkingCrsChoice choose_working_crs(const GeoBox& extent);

/// JGD2011 / Japan Plane Rectangular CS zone `number` (1..19): EPSG:(6668 + number).
CrsRef plane_rectangular_crs(int number);

/// Of `candidates` (zone numbers; all 19 when empty), the zone whose origin is nearest to `p`
/// (distance on a sphere, metres-like, so longitude is scaled by cos(latitude)).
int nearest_plane_rectangular_zone(core::LonLat p, std::span<const int> candidates = {});

/// WGS 84 / UTM zone holding `p`: EPSG:326zz (north) or EPSG:327zz (south).
CrsRef utm_crs(core::LonLat p);

/// Lambert Conformal Conic fitted to `extent` as in rule 3 (a PROJ string with +type=crs).
CrsRef lambert_conformal_crs(const GeoBox& extent);

/// The Japan box of rules 2–3: lon 122–154°, lat 20–46°.
GeoBox japan_extent();

}  // namespace caremap::crs
