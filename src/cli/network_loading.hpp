#pragma once
// The road network a travel-time command works on: the region's roads (project file "roads")
// or an OpenStreetMap file given with --osm, for a travel profile, through the graph cache; and
// the closures given with --closures. Without a network the command stops with a clear message
// instead of falling back to straight lines.

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "analysis/network_sites.hpp"
#include "cli/command.hpp"
#include "core/diagnostics.hpp"
#include "crs/crs_ref.hpp"
#include "io/region.hpp"
#include "routing/line_graph.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::cli {

struct NetworkOptions {
  std::string osm;              ///< --osm FILE (overrides the region's roads)
  std::string profile = "car";  ///< --profile car | walking | profile.json
  std::string cache;            ///< --graph-cache FILE (default next to the source)
  bool no_cache = false;        ///< --no-graph-cache
  std::string closures;         ///< --closures FILE
};

/// Adds --osm, --profile, --graph-cache, --no-graph-cache and (when `with_closures`) --closures.
void add_network_options(CLI::App& cmd, NetworkOptions& o, bool with_closures = true);

struct LoadedNetwork {
  std::shared_ptr<const routing::RoadNetwork> network;
  crs::CrsRef crs;  ///< the working CRS of the network (and of everything else in the run)
  std::filesystem::path source;
  std::filesystem::path cache;
  bool from_cache = false;
  double load_seconds = 0.0;
  std::string profile;      ///< the profile's name ("car", "n01-1996")
  bool line_layer = false;  ///< built from a line layer (not OSM); its build statistics are
                            ///< network->graph().info().line_stats, kept in the cache
  core::Diagnostics diagnostics;
};

/// Throws core::InputError when facilities were given but not one lies within the snap distance
/// of a road of `network`: the network does not cover them (another region's extract, or the
/// wrong file), and every travel time would be "unreachable".
void require_on_network(std::span<const analysis::NetworkSite> facilities,
                        const LoadedNetwork& network);

/// The network for `region` (may be absent when --osm is given). The working CRS is the
/// region's, else chosen from the OSM file's extent. Throws core::InputError when there is no
/// road source: the message names the region and says how to get an extract.
LoadedNetwork load_network(const NetworkOptions& o, const io::Region* region,
                           CommandContext& context);

/// The overlay of --closures on `network`, nullopt when none was given. The file is read in the
/// network's CRS, checked against `region`'s valid extent when a region is open (may be null);
/// its features become closures (routing/closures_from_layer.hpp).
std::optional<routing::Overlay> load_closures(const NetworkOptions& o, const LoadedNetwork& network,
                                              const io::Region* region,
                                              core::Diagnostics& diagnostics);

/// The region's own road network when it has one (project "roads"), else nullopt; a network
/// that fails to load is reported on context.err ("distances are straight lines only") and
/// treated as absent, for commands that answer in straight lines without one.
std::optional<LoadedNetwork> region_network(const io::Region& region, CommandContext& context);

}  // namespace caremap::cli
