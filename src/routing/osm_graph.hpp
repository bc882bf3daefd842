#pragma once
// Building a RoadGraph from an OpenStreetMap file (.osm.pbf, .osm XML, .osm.bz2/.gz) with
// libosmium, and the load-or-build entry point that keeps a binary cache next to the source.
//
// Two passes over the file: the first reads only ways and keeps those the profile routes (their
// node ids and WayRule); the second reads only nodes and projects the positions of the nodes
// those ways use (nothing else is stored), then GraphBuilder cuts the ways into segments.
// Memory is proportional to the routable ways, not to the file.

#include <filesystem>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "core/projector.hpp"
#include "routing/graph_cache.hpp"
#include "routing/profile.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

/// Builds the graph of `osm_path` for `profile`, projecting node positions with `projector`
/// into the working CRS named by `crs` (recorded in GraphInfo; not interpreted here).
/// Throws core::InputError (with the file) when the file is missing or unreadable. Ways cut at
/// missing nodes are diagnostics. Progress: 0..0.5 ways, 0.5..0.9 nodes, then assembly.
RoadGraph build_graph(const std::filesystem::path& osm_path, const Profile& profile,
                      core::Projector& projector, const std::string& crs,
                      core::Diagnostics& diagnostics, core::Progress* progress = nullptr);

struct LoadedGraph {
  RoadGraph graph;
  bool from_cache = false;  ///< true when the cache was valid and read
};

/// The cached graph if `options.enabled` and the cache file's key matches (same format version,
/// profile hash, source size and modification time, CRS); otherwise builds the graph and, if
/// enabled, writes the cache atomically. A cache that cannot be read or written is a diagnostic
/// ("graph_cache_invalid", "graph_cache_write_failed"), never an error: the graph is still
/// returned.
LoadedGraph load_or_build_graph(const std::filesystem::path& osm_path, const Profile& profile,
                                core::Projector& projector, const CacheOptions& options,
                                core::Diagnostics& diagnostics, core::Progress* progress = nullptr);

}  // namespace caremap::routing
