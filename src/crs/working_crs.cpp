#include "crs/working_crs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "core/error.hpp"
#include "crs/jprcs_zones.hpp"

namespace caremap::crs {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegree = 111.32;  // one degree of latitude, and of longitude at the equator
constexpr double kSmallExtentDeg = 3.0;
constexpr double kMaxOffMeridianKm = 250.0;
constexpr double kUtmMaxWidthDeg = 12.0;

double cos_deg(double deg) {
  return std::cos(deg * kPi / 180.0);
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') {
    s.pop_back();
  }
  return s;
}

std::string box_text(const GeoBox& b) {
  return "lon " + fmt(b.south_west.lon) + "–" + fmt(b.north_east.lon) + ", lat " +
         fmt(b.south_west.lat) + "–" + fmt(b.north_east.lat);
}

// Farthest east-west distance of the extent from a central meridian, km.
double max_off_meridian_km(const GeoBox& b, double central_lon) {
  const double dlon =
      std::max(std::abs(b.south_west.lon - central_lon), std::abs(b.north_east.lon - central_lon));
  const double nearest_equator_lat =
      std::min(std::abs(b.south_west.lat), std::abs(b.north_east.lat));
  return dlon * kKmPerDegree * cos_deg(nearest_equator_lat);
}

std::string zone_label(int zone) {
  return "Japan Plane Rectangular CS zone " + std::string(plane_rectangular_zone(zone).roman);
}

WorkingCrsChoice zone_choice(int zone, std::string why) {
  return {plane_rectangular_crs(zone), zone_label(zone) + " (" + why + ")"};
}

// Zone for one municipality code; nullopt if the code is not a Japanese municipality code.
std::optional<int> zone_of_code(const std::string& code, const std::optional<GeoBox>& extent) {
  const auto pref = prefecture_of(code);
  if (!pref) {
    return std::nullopt;
  }
  const auto zones = prefecture_zones(*pref);
  if (zones.size() > 1 && extent) {
    return nearest_plane_rectangular_zone(extent->center(), zones);
  }
  return zones.front();
}

WorkingCrsChoice from_extent(const GeoBox& extent) {
  if (extent.height_deg() > 60.0 || extent.width_deg() > 120.0) {
    throw core::ArgumentError("extent " + box_text(extent) +
                              " is too large for one metric working CRS; set working_crs");
  }
  const core::LonLat c = extent.center();
  if (japan_extent().contains(c)) {
    const int zone = nearest_plane_rectangular_zone(c);
    const bool small =
        extent.width_deg() <= kSmallExtentDeg && extent.height_deg() <= kSmallExtentDeg &&
        max_off_meridian_km(extent, plane_rectangular_zone(zone).origin.lon) <= kMaxOffMeridianKm;
    if (small) {
      return zone_choice(zone, "zone origin nearest to the data extent " + box_text(extent));
    }
    return {lambert_conformal_crs(extent), "Lambert Conformal Conic fitted to the data extent " +
                                               box_text(extent) +
                                               ", which spans several plane rectangular zones"};
  }
  if (extent.width_deg() <= kUtmMaxWidthDeg) {
    return {utm_crs(c), "UTM zone of the data extent " + box_text(extent)};
  }
  return {lambert_conformal_crs(extent),
          "Lambert Conformal Conic fitted to the data extent " + box_text(extent)};
}

}  // namespace

GeoBox japan_extent() {
  return GeoBox{{122.0, 20.0}, {154.0, 46.0}};
}

CrsRef plane_rectangular_crs(int number) {
  return CrsRef::from_epsg(plane_rectangular_zone(number).epsg);
}

int nearest_plane_rectangular_zone(core::LonLat p, std::span<const int> candidates) {
  std::vector<int> all;
  if (candidates.empty()) {
    for (const auto& z : plane_rectangular_zones()) {
      all.push_back(z.number);
    }
    candidates = all;
  }
  int best = candidates.front();
  double best_d2 = std::numeric_limits<double>::infinity();
  for (int number : candidates) {
    const core::LonLat o = plane_rectangular_zone(number).origin;
    const double dx = (p.lon - o.lon) * cos_deg((p.lat + o.lat) / 2.0);
    const double dy = p.lat - o.lat;
    const double d2 = dx * dx + dy * dy;
    if (d2 < best_d2) {
      best_d2 = d2;
      best = number;
    }
  }
  return best;
}

CrsRef utm_crs(core::LonLat p) {
  const double lon = std::clamp(p.lon, -180.0, 179.999999);
  int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
  // The two irregular areas of the UTM grid: south-west Norway and Svalbard.
  if (p.lat >= 56.0 && p.lat < 64.0 && p.lon >= 3.0 && p.lon < 12.0) {
    zone = 32;
  } else if (p.lat >= 72.0 && p.lat < 84.0 && p.lon >= 0.0 && p.lon < 42.0) {
    zone = p.lon < 9.0 ? 31 : p.lon < 21.0 ? 33 : p.lon < 33.0 ? 35 : 37;
  }
  return CrsRef::from_epsg((p.lat >= 0.0 ? 32600 : 32700) + zone);
}

CrsRef lambert_conformal_crs(const GeoBox& extent) {
  const double span = extent.height_deg();
  const double lat_1 = extent.south_west.lat + span / 6.0;
  const double lat_2 = extent.south_west.lat + span * 5.0 / 6.0;
  const core::LonLat c = extent.center();
  const std::string def = "+proj=lcc +lat_0=" + fmt(c.lat) + " +lon_0=" + fmt(c.lon) +
                          " +lat_1=" + fmt(lat_1) + " +lat_2=" + fmt(lat_2) +
                          " +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs";
  return CrsRef::parse(def, "Lambert Conformal Conic (" + box_text(extent) + ")");
}

WorkingCrsChoice choose_working_crs(std::span<const std::string> municipality_codes,
                                    const std::optional<GeoBox>& extent) {
  std::set<int> zones;
  std::set<int> prefectures;
  for (const auto& code : municipality_codes) {
    const auto zone = zone_of_code(code, extent);
    if (!zone) {
      throw core::ArgumentError("'" + code +
                                "' is not a Japanese municipality code (5 digits, or 6 with the "
                                "check digit, prefecture 01–47)");
    }
    zones.insert(*zone);
    prefectures.insert(*prefecture_of(code));
  }
  if (zones.size() == 1) {
    std::string why;
    for (int pref : prefectures) {
      why += std::string(why.empty() ? "" : ", ") + std::string(prefecture_name(pref));
    }
    why += ", from municipality code";
    why += municipality_codes.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < municipality_codes.size(); ++i) {
      why += (i ? ", " : "") + municipality_codes[i];
    }
    return zone_choice(*zones.begin(), why);
  }
  if (extent) {
    return from_extent(*extent);
  }
  if (zones.size() > 1) {
    throw core::ArgumentError(
        "the municipality codes lie in different plane rectangular zones; give the data extent "
        "or set working_crs");
  }
  throw core::ArgumentError("no municipality code and no data extent to choose a working CRS from");
}

WorkingCrsChoice choose_working_crs(const GeoBox& extent) {
  return from_extent(extent);
}

}  // namespace caremap::crs
