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
//  4. The polygon of a band is "within road_buffer of a road reached within the band", built
//     from a distance field (analysis/band_polygons.hpp): over a grid of cell `grid_cell`
//     (default road_buffer / 4) covering the reached pieces, the distance from each grid vertex
//     to the nearest reached piece; the polygon is the iso-line distance == road_buffer, traced
//     by marching squares and assembled into rings. Polygons are valid by construction (checked
//     with boost::geometry::is_valid in debug builds; an "invalid_service_area" diagnostic
//     reports any failure).
// So a band polygon is "within road_buffer of a road reached within the band": a straight road
// at 36 km/h gives a 60 s band 600 m long plus road_buffer at each side and end.
//
// Accuracy: the boundary lies within one grid cell of the exact buffer of the reached pieces;
// along straight roads it is exact up to rounding, on round ends it cuts inside the circle by
// about grid_cell^2 / (8 road_buffer) (0.8 m at the defaults), so areas are within a few per
// mille of the exact buffer's at the default cell (tests/analysis/band_polygons_test.cpp).
//
// Modes: overlap = one polygon per facility per band (they may overlap); split = each point goes
// to the facility whose reached roads (of the largest band) are nearest, ties to the facility
// listed first: split polygons partition the covered area (no overlaps, shared boundaries, which
// follow the bisector between the facilities' roads), and each facility's bands nest;
// dissolve = one polygon per band for all facilities together.
// Shapes: disks = band k holds everything within band k (band k inside band k+1); rings = band
// k minus band k-1 (the rings of a facility partition its largest disk).
//
// Fields: facility_layer, facility_fid, facility (name; "all" when dissolved), band_min (time
// bands) or band_m (distance bands), area_km2 (planar, working CRS), and population when a
// population hook is given.
//
// Cost: one Dijkstra per facility or one in all; then, per polygon grid, O(reached line segments x
// (2 road_buffer / grid_cell + 3)^2) to compute the distances plus O(grid vertices) for the
// contours. On the Monaco benchmark (50 origins, 1000 m, road_buffer 100 m) about 0.2 ms per
// origin for the polygons (bench/README.md).

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
  /// Cell of the distance-field grid, in (0, road_buffer]; 0 = road_buffer / 4. The polygon
  /// boundary is within one cell of the exact buffer. Grids that would exceed about 8 million
  /// vertices (split/dissolve over large regions) use a larger cell and say so with a
  /// "coarse_service_area_grid" warning.
  core::Meters grid_cell{0.0};
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
  /// "snap_too_far", "facility_without_geometry", "no_facilities", "invalid_service_area",
  /// "coarse_service_area_grid".
  core::Diagnostics diagnostics;
};

/// Service areas of the facilities of `facility_layers`. Throws core::ArgumentError for
/// missing, non-positive or both kinds of bands, a road_buffer <= 0, a grid_cell < 0 or larger
/// than road_buffer, null or mixed-CRS layers. Bands are sorted ascending.
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
