#include "cli/coverage_points.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/point_coverage.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/population_tables.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"

namespace caremap::cli {

namespace {

void print_result(const analysis::PointCoverageResult& r, const std::string& categories,
                  const core::Layer& demand, std::ostream& out) {
  const auto& s = r.summary;
  out << "Coverage of " << categories << " (" << s.facilities << " facilities, radius "
      << format_distance(s.min_radius)
      << (s.min_radius == s.max_radius ? "" : "–" + format_distance(s.max_radius))
      << ", straight line) on " << s.points << " points of " << demand.title << ":\n";
  TextTable table({"points", "covered", "backup (2+)", "one only", "none"},
                  std::vector<Align>(5, Align::right));
  const auto share = [&](std::size_t n) {
    return std::to_string(n) + " (" +
           core::format_share(static_cast<double>(n), static_cast<double>(s.points)) + ")";
  };
  table.add_row({std::to_string(s.points), share(s.single + s.backup), share(s.backup),
                 share(s.single), share(s.none)});
  table.print(out);
  out << '\n';
}

nlohmann::ordered_json result_json(const analysis::PointCoverageResult& r) {
  const auto& s = r.summary;
  return {{"points", s.points},
          {"facilities", s.facilities},
          {"radius_m", {{"min", s.min_radius.value}, {"max", s.max_radius.value}}},
          {"covered", s.single + s.backup},
          {"backup", s.backup},
          {"single", s.single},
          {"none", s.none},
          {"basis",
           {{"distance", local_text_json(r.schema.provenance.basis.distance)},
            {"demand", local_text_json(r.schema.provenance.basis.demand)}}}};
}

}  // namespace

int run_point_coverage(const CoverageRequest& request, const PointCoverageOptions& points,
                       const io::Region& region, const ReportFlags& report,
                       const OutputOptions& output, CommandContext& context, PhaseTimer& timer) {
  analysis::PointCoverageParams params;
  params.categories = parse_categories(request.categories, "--category");
  if (!request.radius.empty()) {
    params.radius = parse_distance(request.radius, "--radius");
  }
  params.threads = effective_threads(points.threads);
  const std::vector<analysis::CoverageSource> sources =
      coverage_sources(region, params.categories, request.categories);
  io::ReadOptions read = loose_file_options(&region);
  read.category = core::Category::demand;
  read.threads = points.threads;
  // A lon/lat table's rows are the demand points as read: read in WGS 84, searched from projected
  // copies (no round trip through PROJ; see nearest).
  bool as_written = demand_kept_as_read(points.demand, output);
  const io::LoadedLayer loaded =
      read_input_file(points.demand, read, as_written ? crs::CrsRef::wgs84() : region.working_crs);
  core::LayerPtr demand = loaded.layer;
  core::Diagnostics diagnostics = loaded.diagnostics;
  timer.lap("read demand");
  std::vector<core::XY> positions;
  if (as_written) {
    auto projected = project_demand(demand, region.working_crs, params.threads, diagnostics);
    as_written = projected.has_value();
    positions = std::move(projected).value_or(std::vector<core::XY>{});
    timer.lap("project");
  }

  core::Progress& progress = start_stage(context, "coverage");
  analysis::PointCoverageResult r;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    r = as_written ? analysis::point_coverage(*demand, positions, sources, params, &progress)
                   : analysis::point_coverage(*demand, sources, params, &progress);
  }
  timer.lap_split({{"index", r.index_seconds}, {"search", r.search_seconds}}, "summary");
  diagnostics.append(r.diagnostics);
  if (report.json) {
    context.out << result_json(r).dump(2) << '\n';
  } else {
    print_result(r, request.categories, *demand, context.out);
  }
  if (wants_output(output)) {
    write_output_features(analysis::PointCoverageRows(r, *demand), output, context, params.threads);
    timer.lap("write");
  }
  return finish_command(report, diagnostics, timer, context);
}

}  // namespace caremap::cli
