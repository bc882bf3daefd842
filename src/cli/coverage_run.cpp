#include "cli/coverage_run.hpp"

#include <algorithm>

#include "analysis/coverage_radius.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_tables.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"

namespace caremap::cli {

namespace {

std::string default_radii_help() {
  std::string out = "Straight-line radius (e.g. 16km). Defaults:";
  for (core::Category c : core::all_categories()) {
    if (const auto r = analysis::default_coverage_radius(c)) {
      out += "\n  " + std::string(core::to_string(c)) + " " + format_distance(*r) + ": " +
             std::string(analysis::default_coverage_radius_reason(c));
    }
  }
  return out;
}

}  // namespace

void add_coverage_request_options(CLI::App& cmd, CoverageRequest& r) {
  cmd.add_option("--category", r.categories,
                 "Facility categories, comma-separated (e.g. clinic or shelter_evacuation)")
      ->capture_default_str();
  cmd.add_option("--radius", r.radius, default_radii_help());
  cmd.add_option("--mesh", r.mesh, "JIS X 0410 grid for counts: 1km, 500m, 250m or none")
      ->capture_default_str();
  cmd.add_option("--circle-segments", r.segments, "Vertices per circle (default 360)");
}

std::vector<analysis::CoverageSource> coverage_sources(const io::Region& region,
                                                       std::span<const core::Category> categories,
                                                       const std::string& requested) {
  std::vector<analysis::CoverageSource> sources;
  for (const auto& l : region.layers) {
    const bool wanted = std::any_of(categories.begin(), categories.end(),
                                    [&](core::Category c) { return l.layer->count(c) > 0; });
    if (wanted) {
      sources.push_back({l.layer, l.spec.coverage_radius});
    }
  }
  if (sources.empty()) {
    throw core::ArgumentError("the region has no facilities of category " + requested);
  }
  return sources;
}

CoverageRun run_coverage_analysis(const CoverageRequest& request, const io::Region& region,
                                  CommandContext& context, PhaseTimer& timer) {
  CoverageRun run;
  analysis::CoverageParams params;
  params.categories = parse_categories(request.categories, "--category");
  run.categories = params.categories;
  if (!request.radius.empty()) {
    params.radius = parse_distance(request.radius, "--radius");
  }
  params.mesh_level = parse_mesh_level(request.mesh, "--mesh");
  if (request.segments != 0) {
    params.circle_segments = request.segments;
  }
  const std::vector<analysis::CoverageSource> sources =
      coverage_sources(region, params.categories, request.categories);
  for (const auto& source : sources) {
    run.facility_layers.push_back(source.layer);
  }
  run.people = region_people(region, run.diagnostics);
  params.demand = run.people ? &run.people->demand : nullptr;
  timer.lap("population");
  crs::Transformer projector = crs::Transformer::from_wgs84(region.working_crs);
  core::Progress& progress = start_stage(context, "coverage");
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    run.result = analysis::coverage(sources, boundary_layer(region), projector, params, &progress);
  }
  timer.lap("coverage");
  run.diagnostics.append(run.result.diagnostics);
  return run;
}

}  // namespace caremap::cli
