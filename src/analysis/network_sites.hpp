#pragma once
// Shared by the network analyses (nearest_by_time, service_area, od_matrix, closure_effect):
// facilities and demand points placed on the road network, the travel direction, and the
// provenance entries describing the network.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"
#include "routing/dijkstra.hpp"
#include "routing/endpoint.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

/// Which way people travel between facilities and demand points; matters on one-way streets.
enum class TravelDirection {
  to_facility,    ///< the patient or evacuee travels to the facility
  from_facility,  ///< a nurse, doctor or ambulance travels from the facility
};

/// "to_facility" / "from_facility".
const char* to_string(TravelDirection d);

/// A feature placed on the network.
struct NetworkSite {
  std::string layer_id;
  core::FeatureId feature;
  std::string name;  ///< display name
  core::Category category = core::Category::other;
  core::XY position;                          ///< representative point, working CRS
  std::optional<routing::Endpoint> endpoint;  ///< nullopt if not snapped
  double snap_distance_m = 0.0;               ///< from position to the road
  /// The access leg (network.access(): straight line x detour at the access speed); 0 on
  /// street networks. Already inside the endpoint's links, so every time includes it.
  double access_length_m = 0.0;
  double access_time_s = 0.0;
  bool long_access = false;    ///< longer than the profile's flag distance (kept, flagged)
  bool not_connected = false;  ///< on land (an island) that no road of the network reaches
  /// The land (routing::LandParts::land_of) the site stands on; nullopt off every part or
  /// without land parts. Set by the site builders, so pair tests need no polygon lookups.
  std::optional<std::uint32_t> land = std::nullopt;
};

/// Snapping and access legs: on a network with costed access legs (a trunk-only line layer)
/// the snap radius is the profile's max_distance_m instead of `snap_distance`; every placed
/// site carries its access leg, and legs longer than the flag distance get a "long_access_leg"
/// warning. A site whose nearest road is on another land part (an island) is not placed:
/// "not_connected_by_road".
///
/// The requested facilities of `layers` (analysis::select_facilities), snapped. Facilities
/// farther than `snap_distance` from every road get a "snap_too_far" warning naming the layer
/// and the source row. Throws core::ArgumentError for a null layer or mixed CRSs.
std::vector<NetworkSite> facility_sites(const routing::RoadNetwork& network,
                                        std::span<const core::LayerPtr> layers,
                                        std::span<const core::Category> categories,
                                        core::Meters snap_distance, core::Diagnostics& diagnostics);

/// Every feature of `layer` with a geometry (its representative point), snapped; features
/// without geometry get "demand_without_geometry", far ones "snap_too_far".
std::vector<NetworkSite> layer_sites(const routing::RoadNetwork& network, const core::Layer& layer,
                                     core::Meters snap_distance, core::Diagnostics& diagnostics);

/// Plain points named "#1", "#2", ... (layer id `what`), snapped.
std::vector<NetworkSite> point_sites(const routing::RoadNetwork& network,
                                     std::span<const core::XY> points, const std::string& what,
                                     core::Meters snap_distance, core::Diagnostics& diagnostics);

/// The endpoints of the sites (nullopt where not snapped), in order.
std::vector<std::optional<routing::Endpoint>> endpoints_of(std::span<const NetworkSite> sites);

/// What a travel time on this network stands on, for core::ResultBasis::distance:
/// "道路（<profile>、<source>）" / "road (<profile>, <source>)".
core::LocalText network_distance_basis(const routing::RoadNetwork& network);

/// Adds network, profile and metric parameters and the road source to a provenance, and sets
/// its basis.distance to network_distance_basis(network).
void add_network_provenance(core::Provenance& p, const routing::RoadNetwork& network,
                            routing::Metric metric, const routing::Overlay* overlay);

/// Sites whose access leg crosses a closed area or line of `overlay` lose their endpoint
/// ("access_leg_closed"). No-op without an overlay.
void close_access_legs(std::vector<NetworkSite>& sites, const routing::Overlay* overlay,
                       core::Diagnostics& diagnostics);

/// Straight (access-measure) travel between two sites when the network allows direct legs:
/// same land, no closure crossed. nullopt otherwise. Time and length of the leg.
struct DirectLeg {
  double time_s = 0.0;
  double length_m = 0.0;
};
std::optional<DirectLeg> direct_leg(const routing::RoadNetwork& network, core::XY from, core::XY to,
                                    const routing::Overlay* overlay);
/// The same between two placed sites, with their land already known: O(1) without closures
/// (an OD matrix tests every pair; a point-in-polygon test on the coast line per pair dominated
/// its time).
std::optional<DirectLeg> direct_leg(const routing::RoadNetwork& network, const NetworkSite& from,
                                    const NetworkSite& to, const routing::Overlay* overlay);

/// Throws core::ArgumentError unless the snap distance is finite and >= 0.
void require_snap_distance(core::Meters snap_distance);

}  // namespace caremap::analysis
