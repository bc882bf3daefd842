#include "crs/scale_error.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "crs/proj_context.hpp"

namespace caremap::crs {

double max_scale_error(const CrsRef& crs, const GeoBox& extent, int samples) {
  PJ_CONTEXT* const ctx = detail::thread_context();
  const detail::PjPtr raw = detail::create(ctx, crs.definition);
  if (!raw || proj_get_type(raw.get()) != PJ_TYPE_PROJECTED_CRS) {
    throw core::ArgumentError("scale error needs a projected CRS, not " + crs.short_label());
  }
  // proj_factors reads (longitude, latitude) in radians only once the axis order is normalised;
  // on EPSG:6670 as defined (northing first) it silently returns nonsense.
  const detail::PjPtr pj(proj_normalize_for_visualization(ctx, raw.get()));
  samples = std::max(samples, 2);
  double worst = 0.0;
  for (int i = 0; i < samples; ++i) {
    for (int j = 0; j < samples; ++j) {
      const double lon = extent.south_west.lon + extent.width_deg() * i / (samples - 1);
      const double lat = extent.south_west.lat + extent.height_deg() * j / (samples - 1);
      const PJ_COORD lp = proj_coord(lon * M_PI / 180.0, lat * M_PI / 180.0, 0.0, 0.0);
      proj_errno_reset(pj.get());
      const PJ_FACTORS f = proj_factors(pj.get(), lp);
      if (proj_errno(pj.get()) != 0) {
        throw core::ArgumentError("cannot compute scale factors of " + crs.short_label() + ": " +
                                  detail::last_error(ctx));
      }
      worst =
          std::max({worst, std::abs(f.meridional_scale - 1.0), std::abs(f.parallel_scale - 1.0)});
    }
  }
  return worst;
}

}  // namespace caremap::crs
