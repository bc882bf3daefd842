#pragma once
// The options of `caremap nearest` and how they turn into facility and demand layers; shared by
// the straight-line and the road-network variants of the command.

#include <optional>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "cli/command.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/report_flags.hpp"
#include "core/layer.hpp"
#include "crs/crs_ref.hpp"
#include "io/region.hpp"

namespace caremap::cli {

struct NearestOptions {
  std::string region = "munakata-fukutsu";
  std::vector<std::string> facilities;
  std::string categories;
  std::vector<std::string> from;
  std::string demand;
  std::string demand_layer;
  std::string demand_name_field;
  std::string demand_x_field;  ///< --x-field: the demand file's longitude (or x) column
  std::string demand_y_field;
  std::string crs;  ///< working CRS override for loose files
  std::size_t k = 1;
  std::string by = "distance";  ///< distance (straight line), time or road-distance
  std::string max_distance;
  std::string max_time;
  std::string direction = "to";
  unsigned threads = 0;
  ReportFlags report;
  OutputOptions output;
  NetworkOptions network;
  CLI::App* cmd = nullptr;
};

/// Facilities, demand and the working CRS of a run.
struct NearestInputs {
  crs::CrsRef working_crs;
  std::vector<core::LayerPtr> facilities;
  core::LayerPtr demand;  ///< null when only --from places are given
  /// With --demand-layer population: the census cells apportioned to the cities; `demand` is
  /// then one point per cell piece (fields mesh_code, city, people, people_65plus,
  /// people_75plus), so results can be weighted by people.
  std::optional<analysis::Demand> people;
  core::Diagnostics diagnostics;
  std::optional<io::Region> region;
};

/// True when the run works on a region: no --facilities files, or --region given explicitly.
bool uses_region(const NearestOptions& o);

/// Loads the region (unless only --facilities files are given; `region` when already loaded),
/// the facility files and the demand. `working_crs` overrides the CRS choice (a road network's
/// CRS) and must agree with the region's. `demand_crs`: the CRS the --demand file is read in,
/// when not the working CRS (the straight-line nearest keeps a table's demand in the CRS it is
/// written in: command_nearest.cpp).
NearestInputs load_nearest_inputs(const NearestOptions& o, CommandContext& context,
                                  const std::optional<crs::CrsRef>& working_crs = std::nullopt,
                                  std::optional<io::Region> region = std::nullopt,
                                  const std::optional<crs::CrsRef>& demand_crs = std::nullopt);

/// The DemandPoints as a layer of points (category demand) in `crs`: fields mesh_code (the
/// label), city, people, people_65plus, people_75plus.
core::LayerPtr demand_points_layer(const analysis::Demand& demand, const std::string& crs,
                                   const core::Provenance& provenance);

/// True when a --demand file's rows can be written back as read: a CSV (lon/lat columns or WKT,
/// WGS 84) streamed as a CSV table in WGS 84 (nearest, coverage --demand). It is then read in
/// WGS 84 and only the search works on projected copies of its points (project_demand), so each
/// row keeps the coordinates it was read with instead of coming back through PROJ twice.
bool demand_kept_as_read(const std::string& demand_file, const OutputOptions& output);

/// For a demand layer read as demand_kept_as_read says: the positions of its points in
/// `working`, in the order of the layer, projected on `threads` threads. Rows PROJ cannot
/// project are dropped from `demand` (replaced by a copy without them) and reported as the reader
/// reports them ("out_of_range_coordinates", row skipped); core::InputError when none is left.
/// A layer with any feature other than a point (a WKT column of polygons: their representative
/// points depend on the CRS) is instead replaced by its reprojection into `working`, and the
/// result is nullopt: search it as read in the working CRS.
std::optional<std::vector<core::XY>> project_demand(core::LayerPtr& demand,
                                                    const crs::CrsRef& working, unsigned threads,
                                                    core::Diagnostics& diagnostics);

/// --category, or hospitals for a region and every feature of explicit facility files.
std::vector<core::Category> requested_categories(const NearestOptions& o, bool from_region);

/// Thread count for `--threads`: 0 means every core.
unsigned effective_threads(unsigned threads);

/// The --from places as a demand layer (category demand, named "lon,lat") in `working_crs`.
core::LayerPtr places_layer(const std::vector<std::string>& from, const crs::CrsRef& working_crs);

}  // namespace caremap::cli
