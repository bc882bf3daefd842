#pragma once
// Nearest facilities by straight-line distance: for every demand point (patients, households, a
// clicked location) the k nearest facilities of the requested categories, drawn from one or more
// facility layers, optionally only within a maximum distance.
//
// CRS: all layers in the same working CRS (projected metres); distances are planar Euclidean
// metres in that CRS (for a Plane Rectangular zone the scale error is below 1/10,000).
//
// Performance: facilities go into one bulk-loaded index::PointIndex; demand points are visited
// along a Hilbert curve (cache locality) in chunks on `threads` workers, each reusing one result
// buffer. Results do not depend on the thread count or on the visiting order. For k = 1 against
// the 7,317 national hospitals, 0.8-0.95 us of CPU per demand point on one core, dominated by the
// index's query (bench/nearest/README.md).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/distance_summary.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/feature_source.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "index/point_index.hpp"

namespace caremap::analysis {

/// The query part of the parameters, shared by the layer-level and the low-level entry points.
struct NearestQuery {
  std::size_t k = 1;                         ///< facilities per demand point; >= 1
  std::optional<core::Meters> max_distance;  ///< farther facilities are ignored; none = no limit
  unsigned threads = 1;  ///< worker threads; 1 = the calling thread only, 0 = all cores
};

/// The geometry of each result row: a line from the demand point to the facility (for maps), or
/// the demand point alone (for tables: one row per demand point and rank, with no line built).
enum class LinkGeometry { line, demand_point };

struct NearestParams {
  /// Requested facility categories; a hospital request takes backup_hospital too
  /// (core::satisfies). Empty = every feature of the facility layers.
  std::vector<core::Category> categories;
  std::size_t k = 1;                         ///< as NearestQuery::k
  std::optional<core::Meters> max_distance;  ///< as NearestQuery::max_distance
  unsigned threads = 1;                      ///< as NearestQuery::threads
  /// Build the nearest_link LineString layer; for million-point runs leave it off and use
  /// NearestResult::rows.
  bool build_links = true;
  LinkGeometry link_geometry = LinkGeometry::line;  ///< geometry of the links layer's rows
};

/// A facility that results refer to by position in NearestResult::facilities.
struct NearestFacility {
  std::string layer_id;  ///< id of the facility's layer
  core::FeatureId feature;
  std::string name;                                 ///< display name
  core::Category category = core::Category::other;  ///< effective category
  core::XY position;                                ///< working CRS, metres
};

/// One demand-facility pair of the answer.
struct NearestRow {
  core::FeatureId demand;      ///< feature of the demand layer (0 for a single location)
  std::uint32_t rank = 1;      ///< 1 = nearest
  std::uint32_t facility = 0;  ///< index into NearestResult::facilities
  core::Meters distance;
};

struct NearestSummary {
  std::size_t demand_points = 0;  ///< demand features with a position
  std::size_t matched = 0;        ///< demand points with at least one facility within reach
  std::size_t unmatched = 0;      ///< demand points with none (each also a diagnostic)
  std::size_t facilities = 0;     ///< facilities considered
  DistanceSummary nearest;        ///< over the rank-1 distance of every matched demand point
};

struct NearestResult {
  /// Category nearest_link: one LineString per row from the demand point to the facility, fields
  /// demand_fid, demand_name, rank, facility_layer, facility_fid, facility_name,
  /// facility_category, distance_m. Empty (with the schema) when build_links is off.
  core::Layer links;
  /// Ordered by demand feature, then rank; up to k per demand point.
  std::vector<NearestRow> rows;
  /// Every facility considered, in layer order then feature order.
  std::vector<NearestFacility> facilities;
  NearestSummary summary;
  /// Each demand feature's position searched from, in the facilities' CRS (non-finite: none);
  /// empty for a single location. Lines of the links start here.
  std::vector<core::XY> demand_positions;
  /// The links' geometry the result was made for (NearestParams::link_geometry): it decides the
  /// links layer's CRS, and NearestLinks must be asked for the same.
  LinkGeometry link_geometry = LinkGeometry::line;
  /// Wall time of building the facility index and of the search itself (the rest of a run is
  /// selecting facilities, the summary and the links), for `--timing`.
  double index_seconds = 0.0;
  double search_seconds = 0.0;
  /// "no_facility_within_max_distance" (warning, one per demand point, at most 1,000 then one
  /// "diagnostics_truncated"), "demand_without_geometry" (no geometry or a non-finite position),
  /// "facility_without_geometry", "no_facilities" (error: nothing of the requested categories).
  core::Diagnostics diagnostics;
};

/// The k nearest facilities of every demand feature (its representative point for lines and
/// polygons). Throws core::ArgumentError for k = 0, a negative max distance, a null facility
/// layer or layers in different CRSs. Calls `progress` at coarse intervals (may be null; throws
/// core::Cancelled on cancel). O((n + m) log m) for n demand points and m facilities.
NearestResult nearest(const core::Layer& demand, std::span<const core::LayerPtr> facility_layers,
                      const NearestParams& params, core::Progress* progress = nullptr);

/// The same with each demand feature's position given: positions[i] is feature i's point in the
/// facilities' CRS (non-finite: none, reported as "demand_without_geometry"), and the demand
/// layer may be in any CRS. For a demand file kept in the CRS it is written in: a million
/// points read as lon/lat and written back as lon/lat, without a round trip through PROJ.
/// Links that are the demand point (LinkGeometry::demand_point) are then the demand's own
/// geometry in its CRS (the links layer's crs); lines are in the facilities' CRS. Throws
/// core::ArgumentError when positions and features differ in number.
NearestResult nearest(const core::Layer& demand, std::span<const core::XY> positions,
                      std::span<const core::LayerPtr> facility_layers, const NearestParams& params,
                      core::Progress* progress = nullptr);

/// The same from one location (working CRS): rows and links have demand feature 0 and the demand
/// name "location".
NearestResult nearest(core::XY location, std::span<const core::LayerPtr> facility_layers,
                      const NearestParams& params, core::Progress* progress = nullptr);

/// The rows of NearestResult::links produced one at a time, as the links layer would hold them
/// had `build_links` been on: for writing a million-point result without building the layer
/// (io::write_features streams it). `result` must come from nearest(demand, ...) with the same
/// demand layer; both must outlive the source. Feature i is result.rows[i].
class NearestLinks final : public core::FeatureSource {
 public:
  NearestLinks(const NearestResult& result, const core::Layer& demand, LinkGeometry geometry);
  const core::Layer& schema() const override { return m_result.links; }
  std::size_t size() const override { return m_result.rows.size(); }
  void get(std::size_t i, core::Feature& out) const override;
  core::SourceShape shape() const override;

 private:
  const NearestResult& m_result;
  const core::Layer& m_demand;
  LinkGeometry m_geometry;
};

/// Low-level result: for point i, hits[i * k + r] for r < counts[i] are its nearest entries,
/// nearest first, ties broken by the smaller index id.
struct NearestTable {
  std::size_t k = 1;
  std::vector<index::NearestHit> hits;  ///< points * k entries
  std::vector<std::uint32_t> counts;    ///< one per point
};

/// The fast path without layers or geometry: the k nearest entries of `index` for each point,
/// written into `out` (whose buffers are reused across calls). Thread count and max distance as
/// in `query`. Throws core::ArgumentError for k = 0 or a negative max distance.
void nearest_table(const index::PointIndex& index, std::span<const core::XY> points,
                   const NearestQuery& query, NearestTable& out,
                   core::Progress* progress = nullptr);

}  // namespace caremap::analysis
