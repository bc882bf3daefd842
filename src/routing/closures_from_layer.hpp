#pragma once
// Road closures read from a layer a planner drew or received (any GDAL format, read by io into
// the working CRS): each feature is one closure or slowdown.
//
//  - a feature with a numeric "factor" field (or "speed_factor") > 0 and polygon geometry is a
//    slowdown area: travel time inside multiplied by factor (2 = half speed);
//  - a feature with an integer "way_id" (or "osm_way_id") field closes that OSM way;
//  - any other feature closes the roads its geometry touches: polygons (a flood zone), lines
//    (a cut bridge), points (a collapsed culvert).

#include <cstdint>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "routing/overlay.hpp"

namespace caremap::routing {

/// What one feature of a closures layer is, by the rules above (a way id wins over a factor).
struct ClosureFeature {
  enum class Kind { way, slowdown, barrier, ignored };
  Kind kind = Kind::ignored;
  std::int64_t way_id = 0;  ///< Kind::way
  double factor = 1.0;      ///< Kind::slowdown: travel time multiplied by this, > 0
  std::string why;          ///< Kind::ignored: the reason, for a "closure_ignored" diagnostic
};

/// The rules of a closures layer, with its factor and way-id fields looked up once. Front ends
/// that show closures (the viewer's list of barriers and slowdowns) classify with this, so what
/// they show is what the routing applies.
class ClosureRules {
 public:
  explicit ClosureRules(const core::Layer& layer);
  ClosureFeature classify(const core::Feature& feature) const;

 private:
  std::optional<std::size_t> m_factor_field;
  std::optional<std::size_t> m_way_field;
};

/// The closures of `layer`. Features that are none of the above (no geometry and no way id, a
/// factor on a non-polygon, a factor that is not a positive number) become diagnostics
/// ("closure_ignored") naming the feature's source row.
Closures closures_from_layer(const core::Layer& layer, core::Diagnostics& diagnostics);

}  // namespace caremap::routing
