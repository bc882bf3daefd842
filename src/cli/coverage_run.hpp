#pragma once
// One coverage run as `caremap coverage` and `caremap report coverage` both do it: the options
// parsed, the facility layers of the requested categories, the region's people, the analysis.
// One place, so a report shows exactly the figures the coverage command prints.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "cli/command.hpp"
#include "cli/phase_timer.hpp"
#include "cli/population_tables.hpp"
#include "io/region.hpp"

namespace caremap::cli {

struct CoverageRequest {
  std::string categories = "clinic";  ///< --category
  std::string radius;                 ///< --radius ("" = each facility's own)
  std::string mesh = "500m";          ///< --mesh
  int segments = 0;                   ///< --circle-segments (0 = default)
};

/// Adds --category, --radius, --mesh and --circle-segments.
void add_coverage_request_options(CLI::App& cmd, CoverageRequest& r);

struct CoverageRun {
  std::vector<core::Category> categories;
  std::vector<core::LayerPtr> facility_layers;  ///< the layers with facilities of those categories
  std::optional<RegionPeople> people;           ///< the region's people, if it has population
  analysis::CoverageResult result;
  core::Diagnostics diagnostics;  ///< the analysis's and the population's
};

/// The region's layers holding facilities of `categories`, each with its project radius.
/// Throws core::ArgumentError naming `requested` (the --category text) when there is none.
std::vector<analysis::CoverageSource> coverage_sources(const io::Region& region,
                                                       std::span<const core::Category> categories,
                                                       const std::string& requested);

/// Parses the request (core::ArgumentError on a bad value), finds the facilities (ArgumentError
/// when the region has none of those categories), counts the region's people and runs
/// analysis::coverage with the run's progress. Laps "population" and "coverage" on `timer`.
CoverageRun run_coverage_analysis(const CoverageRequest& request, const io::Region& region,
                                  CommandContext& context, PhaseTimer& timer);

}  // namespace caremap::cli
