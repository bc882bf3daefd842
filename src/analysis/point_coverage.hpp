#pragma once
// Coverage counted on demand points instead of city areas: for each point (patients,
// addresses, a national set of points) how many facilities of the requested categories reach it
// by straight line: none, one, or two or more (a backup). The national-scale form of
// `caremap coverage --demand`: no boundaries and no circle polygons, memory linear in the points.
//
// Radius of a facility: params.radius for every facility, else its layer's own
// (CoverageSource::radius, the project file's coverage_radius_m), else its category's default
// (coverage_radius.hpp), as in coverage(). A facility reaches a point when their planar distance
// in the working CRS is at most its radius (inclusive).
//
// Performance: facilities are grouped by radius; each group is one nearest_table query with
// k = 2 and the group's radius as the maximum distance (Hilbert order, threads), and the
// counts of the groups add up, capped at two. Exact, and independent of the thread count.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/coverage.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/feature_source.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/units.hpp"

namespace caremap::analysis {

struct PointCoverageParams {
  /// Requested categories (hospital takes backup_hospital); empty = every feature of the sources.
  std::vector<core::Category> categories;
  std::optional<core::Meters> radius;  ///< overrides every facility's radius; > 0
  unsigned threads = 1;                ///< worker threads; 0 = every core
};

struct PointCoverageSummary {
  std::size_t points = 0;      ///< demand features with a position
  std::size_t none = 0;        ///< reached by no facility
  std::size_t single = 0;      ///< reached by exactly one
  std::size_t backup = 0;      ///< reached by two or more
  std::size_t facilities = 0;  ///< facilities used
  core::Meters min_radius;     ///< smallest and largest radius used
  core::Meters max_radius;
};

struct PointCoverageResult {
  /// The demand features with a position, in feature order, and how many facilities reach
  /// each: 0, 1 or 2 (two or more).
  std::vector<core::FeatureId> points;
  std::vector<std::uint8_t> reach;
  PointCoverageSummary summary;
  /// Schema and provenance of the rows (PointCoverageRows): layer point_coverage (category
  /// demand, the demand layer's CRS), fields demand_fid, demand_name, facilities_in_reach (0, 1
  /// or 2 = two or more). No features.
  core::Layer schema;
  /// "no_facilities" (error), "facility_without_geometry", "demand_without_geometry".
  core::Diagnostics diagnostics;
  /// Wall time of building the facility indexes and of the searches, for `--timing`.
  double index_seconds = 0.0;
  double search_seconds = 0.0;
};

/// Throws core::ArgumentError for a radius <= 0, a null layer, layers in different CRSs, or a
/// facility whose category has no default radius when neither params.radius nor its layer's
/// radius is given. Calls `progress` at coarse intervals (may be null; core::Cancelled on
/// cancel). O((n + m) log m) for n points and m facilities.
PointCoverageResult point_coverage(const core::Layer& demand,
                                   std::span<const CoverageSource> sources,
                                   const PointCoverageParams& params,
                                   core::Progress* progress = nullptr);

/// The same with each demand feature's position given in the facilities' CRS (positions[i] for
/// feature i; non-finite: none), the demand layer in any CRS: the rows keep the demand's own
/// points and CRS, so a demand file read as lon/lat is written back as read. Throws
/// core::ArgumentError also when positions and features differ in number.
PointCoverageResult point_coverage(const core::Layer& demand, std::span<const core::XY> positions,
                                   std::span<const CoverageSource> sources,
                                   const PointCoverageParams& params,
                                   core::Progress* progress = nullptr);

/// The result's rows as point features at the demand points, one per demand point with a
/// position; for streaming to a file (io::write_features). `result` and `demand` must outlive it.
class PointCoverageRows final : public core::FeatureSource {
 public:
  PointCoverageRows(const PointCoverageResult& result, const core::Layer& demand)
      : m_result(result), m_demand(demand) {}
  const core::Layer& schema() const override { return m_result.schema; }
  std::size_t size() const override { return m_result.points.size(); }
  void get(std::size_t i, core::Feature& out) const override;
  core::SourceShape shape() const override;

 private:
  const PointCoverageResult& m_result;
  const core::Layer& m_demand;
};

}  // namespace caremap::analysis
