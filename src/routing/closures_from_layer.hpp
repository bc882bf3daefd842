#pragma once
// Road closures read from a layer a planner drew or received (any GDAL format, read by io into
// the working CRS): each feature is one closure or slowdown.
//
//  - a feature with a numeric "factor" field (or "speed_factor") > 0 and polygon geometry is a
//    slowdown area: travel time inside multiplied by factor (2 = half speed);
//  - a feature with an integer "way_id" (or "osm_way_id") field closes that OSM way;
//  - any other feature closes the roads its geometry touches: polygons (a flood zone), lines
//    (a cut bridge), points (a collapsed culvert).

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "routing/overlay.hpp"

namespace caremap::routing {

/// The closures of `layer`. Features that are none of the above (no geometry and no way id, a
/// factor on a non-polygon, a factor that is not a positive number) become diagnostics
/// ("closure_ignored") naming the feature's source row.
Closures closures_from_layer(const core::Layer& layer, core::Diagnostics& diagnostics);

}  // namespace caremap::routing
