#pragma once
// Routes between endpoints: the one-to-one query with early exit, reading the cost of an
// endpoint after a one-to-all run, and turning a search tree path into line geometry that
// follows the road shapes from the exact start point to the exact end point.

#include <optional>
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "routing/dijkstra.hpp"
#include "routing/endpoint.hpp"

namespace caremap::routing {

struct Route {
  double time_s = 0.0;
  double length_m = 0.0;
  std::vector<ArcId> arcs;    ///< whole arcs travelled, in order (partial end pieces excluded)
  core::LineString geometry;  ///< working CRS, from the start point to the end point
};

/// How the last run reaches an endpoint through one of `links` (forward run: the endpoint's
/// arrivals; backward run: its departures). link.tag is left as given.
struct Arrival {
  double cost = kUnreachable;  ///< in the run's metric
  double time_s = kUnreachable;
  double length_m = kUnreachable;
  std::uint32_t source = 0;  ///< tag of the winning seed (multi-source runs)
  Link link;                 ///< the link used
  bool reached() const { return cost < kUnreachable; }
};

/// The cheapest of `links` after a run; unreached if no link's node was reached or the total
/// exceeds the cutoff. O(links).
Arrival best_arrival(const Dijkstra& q, std::span<const Link> links);

/// Whole route for an arrival found after the last run of `q` (geometry follows the shapes).
Route build_route(const Dijkstra& q, const Arrival& arrival);

/// The route along a direct link (both endpoints on one segment) from `from` to `to`.
Route direct_route(const RoadGraph& g, const Link& direct, const Endpoint& to);

/// The shortest route from `from` to `to` by options.metric (forward; options.direction is
/// ignored), stopping as soon as `to` is settled; nullopt if unreachable within the cutoff.
/// With `with_geometry` false only costs and arcs are filled.
std::optional<Route> shortest_route(Dijkstra& q, const Endpoint& from, const Endpoint& to,
                                    SearchOptions options, bool with_geometry = true);

}  // namespace caremap::routing
