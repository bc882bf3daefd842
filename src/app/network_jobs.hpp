#pragma once
// The viewer's road-network work, run on the job thread: loading the network (the region's
// roads or an OSM file, through the graph cache), travel-time nearest facilities from a clicked
// place, service areas, closures (drawn or loaded) with the roads they close, and what they
// change for the demand. Results become layers ("road_network", "routes", "service_area",
// "closures", "slowdowns", "closed_roads", "closure_effect") exportable like any other.
//
// Every job carries NetworkState::generation; a result computed for an older network or older
// closures is dropped. Jobs of one kind share a key, so a newer request replaces a queued or
// running one (jobs coalesce, job_runner.hpp).

#include <filesystem>

#include "app/app_state.hpp"
#include "app/closure_editor.hpp"

namespace caremap::routing {
struct Profile;
}

namespace caremap::app {

/// Opacity of service-area band fills: nearly opaque, so nested disks (drawn largest first) show
/// the legend's colour in each band, while a little of the map beneath stays visible. Roads are
/// drawn above the bands.
inline constexpr std::uint8_t kBandAlpha = 225;

/// Job keys of the network work (one per kind of result).
inline constexpr const char* kJobNetworkLoad = "network-load";
inline constexpr const char* kJobClosedRoads = "network-closed-roads";
inline constexpr const char* kJobRoutes = "network-routes";
inline constexpr const char* kJobServiceArea = "network-service-area";
inline constexpr const char* kJobClosureEffect = "network-closure-effect";

/// True for OpenStreetMap files (.osm, .osm.pbf, .pbf, .osm.bz2, .osm.gz): read as a road
/// network, not as a layer.
bool is_osm_path(const std::filesystem::path& path);

/// Where the graph cache goes: next to the source when that folder is writable, else
/// $XDG_CACHE_HOME/caremap (or ~/.cache/caremap), as the command line does.
std::filesystem::path graph_cache_path(const std::filesystem::path& source,
                                       const routing::Profile& profile);

/// Parses the service-area bands text: minutes separated by commas or spaces, an optional
/// trailing "min" or "分" ("5,10,15,30", "2 4 6min"). Sorted, duplicates removed. nullopt if
/// empty, not a number, not positive or more than 8 bands.
std::optional<std::vector<double>> parse_band_minutes(std::string_view text);

/// Loads the road network for the current profile: `source` (an OSM file) or, when empty, the
/// region's roads. Does nothing without a source (the panel explains).
void start_load_network(AppState& app, std::filesystem::path source = {});

/// Switches the travel profile, loading its graph when needed, and recomputes the results.
void set_profile(AppState& app, TravelProfile profile);

/// The k fastest facilities of each category from `origin` (working CRS), with routes.
void start_route_nearest(AppState& app, core::XY origin);

/// Service areas for the state's source, bands, mode and shape. Sets NetworkState::sa_note
/// (and computes nothing) when the input is incomplete.
void start_service_area(AppState& app);

/// Adds a drawn closure or slowdown (working CRS) and recomputes what depends on closures.
void add_closure(AppState& app, const ClosureShape& shape);

/// Reads a closures file (any vector format, the command line's --closures rules: polygons close
/// the roads inside, lines the roads they cross, points the nearest road, a positive "factor"
/// on a polygon slows instead, "way_id" closes an OSM way) and adds its features.
void start_load_closures(AppState& app, std::filesystem::path path);

/// Removes feature `index` of the closures (`slowdown` = of the slowdowns).
void remove_closure(AppState& app, bool slowdown, std::size_t index);
void clear_closures(AppState& app);

/// Recomputes everything that depends on the network or the closures: the closed roads, the
/// routes from the clicked place, the service areas, the closure effect.
void refresh_network_results(AppState& app);

/// Removes the network analysis result layers and figures (not the closures).
void clear_network_results(AppState& app);

}  // namespace caremap::app
