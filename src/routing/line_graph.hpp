#pragma once
// A RoadGraph from any line layer (GeoJSON, GeoPackage, Shapefile, ... read by io into a
// core::Layer in the working CRS) and a LineProfile: the same CSR graph, cache, closures and
// queries as for OpenStreetMap.
//
// How lines connect (as QGIS's network analysis does):
//  - vertices of different lines (or of one line) closer than the profile's snap tolerance are
//    one node (reported: how many vertices it merged);
//  - a line END within the tolerance of another line's interior (not near one of its vertices)
//    splits that line there: a T-junction;
//  - lines that cross without a shared vertex do not connect (an overpass);
//  - with from/to node fields, line ends with the same node id are one node whatever their
//    distance.
// Each line is then cut into segments at its nodes (routing::GraphBuilder); shape points stay.
//
// Per line: the class field's value gives the speed (class_speeds_kmh); a positive speed field
// overrides it; the one-way field's values close one direction. A class not in the table is an
// input error naming the class, the file and the row. Features without a line geometry are
// "road_without_line" warnings.
//
// Complexity: O(V log V) for V vertices.

#include <cstddef>
#include <filesystem>
#include <functional>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "routing/graph_cache.hpp"
#include "routing/line_profile.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

struct LineGraph {
  RoadGraph graph;
  LineGraphStats stats;  ///< what building did (road_graph.hpp); graph.info().line_stats too
};

/// Builds the graph. `info.source` names the file in messages. Throws core::InputError for a
/// class with no speed, a missing class/speed/one-way/node field.
LineGraph build_line_graph(const core::Layer& lines, const LineProfile& profile, GraphInfo info,
                           core::Diagnostics& diagnostics);

struct LoadedLineGraph {
  LineGraph built;  ///< stats as built, also when read from the cache (it keeps them)
  bool from_cache = false;
};

/// The cached graph when valid (key: source size and time, line_profile_hash, CRS), else
/// `read_lines()` (the caller reads the file with io, in the working CRS) and build_line_graph,
/// writing the cache when enabled. Cache problems are diagnostics, as for OSM.
LoadedLineGraph load_or_build_line_graph(const std::filesystem::path& source,
                                         const LineProfile& profile,
                                         const std::function<core::Layer()>& read_lines,
                                         const CacheOptions& options,
                                         core::Diagnostics& diagnostics);

}  // namespace caremap::routing
