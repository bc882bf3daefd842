#pragma once
// A road network as pgRouting's two tables, so that routing can move to a PostGIS server and
// give the same answers: pgr_dijkstra and friends read
//   SELECT id, source, target, cost, reverse_cost FROM edges
// and the vertices table places each node.
//
// One edge per road segment (the piece of a way between two graph nodes, routing/road_graph.hpp):
//   id            segment + 1
//   source        vertex id of the segment's first point (node + 1)
//   target        vertex id of its last point
//   cost          seconds from source to target at the network's speeds (the forward arc's
//                 time_s), -1 where that direction is closed (one-way against the traffic)
//   reverse_cost  seconds from target to source, -1 where closed
//   length_m      planar length in the working CRS, as caremap's distance metric uses it
//   way_id        the OSM way (or line-layer feature) the segment belongs to
//   geometry      the segment's shape, first point at source
// Vertices: id (node + 1), osm_id (the OSM node; line layers: caremap's node number), point.
//
// Graph-node to graph-node times on these tables equal caremap's Dijkstra times on the same
// network (tested against pgr_dijkstraCost). caremap's access legs (a place off the road to its
// nearest road, routing/access.hpp) are not part of the graph: pgRouting users snap their points
// themselves (pgr_withPoints or the nearest vertex).

#include <string>

#include "core/layer.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

struct PgRoutingTables {
  core::LayerPtr edges;     ///< id "edges", LineStrings
  core::LayerPtr vertices;  ///< id "vertices", Points
};

/// Both tables of `network`, in `crs` (the graph's working CRS definition), with the network's
/// provenance (profile, basis, road source and its credit). O(segments + shape points + nodes).
PgRoutingTables pgrouting_tables(const routing::RoadNetwork& network, const std::string& crs);

}  // namespace caremap::analysis
