#pragma once
// The viewer's road network: loading it (the region's roads or an OSM file, through the graph
// cache) for the current travel profile, the closures overlay the travel-time modules share, and
// telling every module when the network or the closures changed. The analyses on the network are
// modules (app/modules/routes, service_areas, closures).
//
// NetworkState::generation is bumped when the network or the closures change; the modules' jobs
// are submitted with same_network() (modules/analysis_job.hpp) so a result computed for an older
// network or older closures is dropped.

#include <filesystem>
#include <memory>
#include <string>

#include "app/app_state.hpp"

namespace caremap::routing {
struct Profile;
}

namespace caremap::app {

class SharedOverlay;

/// Job key of the network load (a newer load replaces a queued or running one).
inline constexpr const char* kJobNetworkLoad = "network-load";
/// Id of the road network's display layer.
inline constexpr const char* kRoadLayerId = "road_network";

/// True for OpenStreetMap files (.osm, .osm.pbf, .pbf, .osm.bz2, .osm.gz): read as a road
/// network, not as a layer.
bool is_osm_path(const std::filesystem::path& path);

/// Where the graph cache goes: next to the source when that folder is writable, else
/// $XDG_CACHE_HOME/caremap (or ~/.cache/caremap), as the command line does.
std::filesystem::path graph_cache_path(const std::filesystem::path& source,
                                       const routing::Profile& profile);

/// Loads the road network for the current profile: `source` (an OSM file) or, when empty, the
/// region's roads. Does nothing without a source (the panel explains). Its outcome handler
/// clears NetworkState::loading whether it loads, fails or is cancelled.
void start_load_network(AppState& app, std::filesystem::path source = {});

/// Switches the travel profile, loading its graph when needed, and recomputes the results.
void set_profile(AppState& app, TravelProfile profile);

/// The overlay of the current network and closures: the shared one while neither has changed,
/// so the jobs started together by one closure edit build it once. Needs a loaded network.
std::shared_ptr<SharedOverlay> current_overlay(AppState& app);

/// The closures and slowdowns as one layer, the form routing::closures_from_layer reads.
core::Layer closures_input(const NetworkState& n);

/// A one-point layer (a clicked place, working CRS) as demand for the travel-time analyses.
core::LayerPtr clicked_point_layer(core::XY p, const std::string& crs, const std::string& name);

/// Tells every module that the network or the closures changed (AnalysisModule::
/// network_changed): the closed roads, the routes, the service areas, the closure effect.
void refresh_network_results(AppState& app);

/// Clears the network modules' results and the road layer (not the closures).
void clear_network_results(AppState& app);

}  // namespace caremap::app
