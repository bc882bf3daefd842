#pragma once
// Service areas over the road network: for each facility and each band (e.g. 5/10/15/30 min,
// or 500/1000 m by road) the area whose roads are reached within the band, as POLYGONS.
//
// Method ("reached roads, buffered"):
//  1. Facilities are snapped to the nearest road (routing::SegmentIndex, within snap_distance).
//  2. A Dijkstra (time or road length, closures and slowdowns of the overlay applied) runs up
//     to the largest band; one search per facility (overlap) or one multi-source search from
//     all facilities (split, dissolve).
//  3. Every road segment is covered exactly: from each reached end the cost grows linearly
//     along the segment, so the reached part of a partly reached segment is interpolated at the
//     band limit; a facility in the middle of a segment covers it from its own position. The
//     lower envelope of these linear costs gives, per point of road, the cost and the winning
//     facility.
//  4. The reached road pieces of each band are buffered by `road_buffer` (round joins and ends,
//     `circle_points` per full circle) with boost::geometry::buffer, which unions them into
//     valid polygons; every output is checked with boost::geometry::is_valid (and repaired with
//     analysis::make_valid, else an "invalid_service_area" diagnostic).
// So a band polygon is "within road_buffer of a road reached within the band": a straight road
// at 36 km/h gives a 60 s band 600 m long plus road_buffer at each side and end.
//
// Modes: overlap = one polygon per facility per band (they may overlap); split = each road
// point belongs to its nearest facility (multi-source winner); the buffers of neighbouring
// facilities' roads overlap by up to 2 x road_buffer, and that overlap is given to the facility
// listed first, so split polygons never overlap (pairwise intersection area 0) and bands nest;
// dissolve = one polygon per band for all facilities together.
// Shapes: disks = band k holds everything within band k (band k inside band k+1); rings = band
// k minus band k-1.
//
// Fields: facility_layer, facility_fid, facility (name; "all" when dissolved), band_min (time
// bands) or band_m (distance bands), area_km2 (planar, working CRS), and population when a
// population hook is given.
//
// Cost: one Dijkstra per facility or one in all, then buffer/union work proportional to the
// reached road pieces (dominant).

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/network_sites.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "routing/overlay.hpp"
#include "routing/road_network.hpp"

namespace caremap::analysis {

enum class ServiceAreaMode { overlap, split, dissolve };
enum class BandShape { disks, rings };

/// Counts people inside a polygon (e.g. from census mesh populations); nullopt if unknown.
using PopulationFn = std::function<std::optional<double>(const core::MultiPolygon&)>;

struct ServiceAreaParams {
  std::vector<core::Category> categories;    ///< requested; empty = every feature
  std::vector<core::Seconds> time_bands;     ///< by travel time ...
  std::vector<core::Meters> distance_bands;  ///< ... or by road length (exactly one non-empty)
  ServiceAreaMode mode = ServiceAreaMode::overlap;
  BandShape shape = BandShape::disks;
  TravelDirection direction = TravelDirection::from_facility;
  core::Meters road_buffer{100.0};  ///< road-side distance, > 0
  int circle_points = 16;           ///< points per full circle of the round joins, >= 4
  core::Meters snap_distance = routing::kDefaultSnapDistance;
  unsigned threads = 1;        ///< 0 = all cores
  PopulationFn population;     ///< optional: fills the population field
  bool build_polygons = true;  ///< false: only the reached roads and nodes (no buffering)
};

struct ServiceAreaResult {
  /// Category service_area, MultiPolygon per (facility, band), facility order then band order
  /// (no features when build_polygons is false).
  core::Layer areas;
  /// Category route: the reached road pieces per (facility, band) as MultiLineString, same
  /// order and key fields (for checking and drawing the network behind the polygons).
  core::Layer roads;
  std::vector<NetworkSite> facilities;
  /// Per facility (index as in `facilities`): the OSM ids of the graph nodes reached within the
  /// largest band (split: the nodes it wins), sorted. Empty for dissolve and unsnapped ones.
  std::vector<std::vector<std::int64_t>> reached_nodes;
  /// "snap_too_far", "facility_without_geometry", "no_facilities", "invalid_service_area".
  core::Diagnostics diagnostics;
};

/// Service areas of the facilities of `facility_layers`. Throws core::ArgumentError for
/// missing, non-positive or both kinds of bands, a road_buffer <= 0, circle_points < 4, null or
/// mixed-CRS layers. Bands are sorted ascending.
ServiceAreaResult service_area(const routing::RoadNetwork& network,
                               std::span<const core::LayerPtr> facility_layers,
                               const ServiceAreaParams& params,
                               const routing::Overlay* overlay = nullptr,
                               core::Progress* progress = nullptr);

/// The same from plain origins (named "#1", "#2", ...); params.categories is ignored.
ServiceAreaResult service_area(const routing::RoadNetwork& network,
                               std::span<const core::XY> origins, const ServiceAreaParams& params,
                               const routing::Overlay* overlay = nullptr,
                               core::Progress* progress = nullptr);

}  // namespace caremap::analysis
