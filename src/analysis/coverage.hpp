#pragma once
// Coverage: which part of each city lies within reach of a facility (straight-line radius), which
// part does not (the gaps a planner must fill), which part has a second facility in reach
// (backup), and the same counted on the JIS grid squares.
//
// Radius of each facility, first found: CoverageParams::radius (the run), CoverageSource::radius
// (the layer; the project file's coverage_radius_m), default_coverage_radius(category)
// (coverage_radius.hpp: 16 km for medical and care facilities, 2 km for 指定避難所, 500 m for
// 指定緊急避難場所).
//
// Geometry: each facility's reach is a regular polygon with CoverageParams::circle_segments
// vertices on the circle (area short of pi r^2 by circle_area_error(N): 0.0051 % at the default
// N = 360); reaches are united (cascaded union) and intersected with / subtracted from each city's
// MultiPolygon. Inputs and results are checked with boost::geometry::is_valid; repairs and
// remaining problems are diagnostics.
//
// CRS: facility and boundary layers in one working CRS (projected metres); areas in km² are
// planar areas in that CRS. The JIS mesh is defined in longitude/latitude and reaches the working
// CRS through the core::Projector (an interface: no PROJ here).
//
// Cost: the default region (97 clinics, 2 cities with 691 boundary parts and 48,000 vertices),
// 16 km radius, backup area and 500 m mesh: about 0.1 s on one core
// (tests/analysis/coverage_real_data_test.cpp runs it). The per-city overlays (covered, gap,
// backup) run on every core: a handful of tasks of tens of milliseconds each, cancellation
// checked between them. Validity checks, the mesh's
// point-in-city tests and the union avoid per-part and per-vertex quadratic steps.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/coverage_mesh.hpp"
#include "analysis/demand.hpp"
#include "analysis/population_demand.hpp"
#include "core/category.hpp"
#include "core/diagnostics.hpp"
#include "core/jis_mesh.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/projector.hpp"

namespace caremap::analysis {

/// A facility layer and its own radius (the project file's coverage_radius_m), if any.
struct CoverageSource {
  core::LayerPtr layer;
  std::optional<core::Meters> radius;
};

/// Throws core::ArgumentError for a null source layer or a radius (the run's or a layer's) that
/// is not positive.
void validate_radii(std::span<const CoverageSource> sources, std::optional<core::Meters> radius);

/// The radius of a facility of `category` from `source`: the run's `radius`, else the layer's,
/// else the category default. Throws core::ArgumentError (naming the layer) when there is none.
core::Meters facility_radius(std::optional<core::Meters> radius, const CoverageSource& source,
                             core::Category category);

struct CoverageParams {
  std::vector<core::Category> categories;        ///< requested (hospital takes backup_hospital);
                                                 ///< empty = every feature of the sources
  std::optional<core::Meters> radius;            ///< overrides every facility's radius; > 0
  int circle_segments = kDefaultCircleSegments;  ///< vertices per circle, >= 8
  std::optional<core::MeshLevel> mesh_level = core::MeshLevel::half;  ///< none = no mesh layer
  bool backup_area = true;   ///< compute the area within reach of >= 2 facilities as polygons
  bool explode_gaps = true;  ///< also one feature per gap pocket (CoverageResult::gap_parts)
  /// People to count (population_demand of the same boundary; not owned, may be null): each
  /// city's people covered, in gaps and with backup, by the share of each cell piece inside the
  /// reach. Null: area only, and the provenance says so.
  const Demand* demand = nullptr;
};

/// One city's people (or all cities'): total, within reach, beyond reach (gap), within reach of
/// two or more facilities (backup); each with 65+ and 75+ when the demand has age bands.
struct PeopleCoverage {
  PeopleCount total;
  PeopleCount covered;
  PeopleCount gap;
  PeopleCount backup;  ///< zero unless backup_area
};

/// One city's figures (areas in km², planar in the working CRS; percentages of city_km2).
struct CityCoverage {
  std::string city;         ///< display name of the boundary feature
  core::FeatureId feature;  ///< the boundary feature
  double city_km2 = 0.0;
  double covered_km2 = 0.0;
  double uncovered_km2 = 0.0;  ///< area of the gap polygons
  double covered_pct = 0.0;
  double uncovered_pct = 0.0;
  double backup_km2 = 0.0;  ///< 0 unless backup_area
  double backup_pct = 0.0;
  std::size_t gap_parts = 0;             ///< separate gap pockets
  std::optional<PeopleCoverage> people;  ///< with CoverageParams::demand
};

struct CoverageSummary {
  std::size_t facilities = 0;  ///< facilities used
  core::Meters min_radius;     ///< smallest and largest radius used
  core::Meters max_radius;
  int circle_segments = 0;
  double circle_area_error = 0.0;  ///< relative, see circle_polygons.hpp
  double city_km2 = 0.0;           ///< all cities together
  double covered_km2 = 0.0;
  double uncovered_km2 = 0.0;
  double covered_pct = 0.0;
  double backup_km2 = 0.0;
  double backup_pct = 0.0;
  MeshCounts mesh;                       ///< all zero without a mesh
  std::optional<PeopleCoverage> people;  ///< all cities, with CoverageParams::demand
  bool has_age_bands = false;            ///< people figures include 65+ and 75+
};

struct CoverageResult {
  /// coverage_area, one MultiPolygon per city: city, covered_km2, city_km2, covered_pct (and
  /// people, people_65plus, people_75plus, people_pct with a demand; gaps and backup likewise).
  core::Layer covered;
  /// coverage_gap, one MultiPolygon per city: city, gap_km2, city_km2, gap_pct.
  core::Layer gaps;
  /// coverage_gap, one Polygon per gap pocket, largest first within each city: city, part
  /// (1 = largest), gap_km2. Empty unless explode_gaps.
  core::Layer gap_parts;
  /// coverage_area, one MultiPolygon per city within reach of >= 2 facilities: city,
  /// backup_km2, city_km2, backup_pct. Empty unless backup_area.
  core::Layer backup;
  /// mesh (coverage_mesh.hpp). Empty unless mesh_level.
  core::Layer mesh;
  std::vector<CityCoverage> cities;  ///< boundary order
  CoverageSummary summary;
  /// "facility_without_geometry", "boundary_not_polygon", "invalid_boundary_repaired",
  /// "invalid_boundary", "invalid_result", "overlay_failed", "no_facilities",
  /// "outside_mesh_domain".
  core::Diagnostics diagnostics;
};

/// Coverage of every boundary feature (one per city; Polygon or MultiPolygon, named by the
/// layer's name field) by the facilities of `sources`. Facilities outside the cities count: a
/// clinic across the border serves the city too. Throws core::ArgumentError for a radius <= 0,
/// fewer than 8 circle segments, a null layer, layers in different CRSs, or a facility whose
/// category has no default radius when no radius is given. Calls `progress` at coarse intervals
/// (may be null; throws core::Cancelled on cancel).
CoverageResult coverage(std::span<const CoverageSource> sources, const core::Layer& boundary,
                        core::Projector& projector, const CoverageParams& params,
                        core::Progress* progress = nullptr);

/// A facility of a coverage run with its radius and display name.
struct ReachDisc {
  core::XY position;
  core::Meters radius{0.0};
  std::string name;
};

/// The facilities `coverage(sources, ..., params)` uses, with the radii it gives them, in its
/// order (layer order, then feature order). Throws as coverage does for a missing radius.
std::vector<ReachDisc> coverage_discs(std::span<const CoverageSource> sources,
                                      const CoverageParams& params, core::Diagnostics& diagnostics);

}  // namespace caremap::analysis
