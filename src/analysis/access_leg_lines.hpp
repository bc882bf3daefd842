#pragma once
// The straight parts of road routes, as lines to draw apart (dashed in the viewer): on a
// trunk-only network a place reaches the road by an access leg (straight line x detour factor at
// the access speed, routing/access.hpp) that no road of the data holds, and a direct leg skips
// the network altogether. A map that drew them like roads would claim streets the data does not
// have. Pure.

#include <span>

#include "analysis/nearest_by_time.hpp"
#include "core/layer.hpp"

namespace caremap::analysis {

/// A leg shorter than this is a place on the road itself: no leg is drawn for it (metres).
inline constexpr double kMinAccessLegM = 1.0;

/// One line per access leg of `r`'s routes: from the demand's representative point to the start
/// of its route and from the route's end to the facility (swapped for from_facility), and the
/// whole route where it is a direct leg (unless `include_direct` is false: a caller that draws
/// direct routes apart). Legs shorter than 1 m (a place on the road) are left
/// out. Category route; fields demand_name, facility_name, rank, leg ("access" | "direct"),
/// straight_m (the drawn length; the costed length is straight_m x the detour factor). Same CRS
/// as `r.routes`; empty without route geometry.
core::Layer access_leg_lines(const NearestByTimeResult& r, const core::Layer& demand,
                             TravelDirection direction, bool include_direct = true);

}  // namespace caremap::analysis
