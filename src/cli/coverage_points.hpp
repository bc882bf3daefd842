#pragma once
// `caremap coverage --demand FILE`: coverage counted on demand points (analysis/point_coverage)
// instead of city areas, for regions without boundaries such as the whole of Japan.

#include <string>

#include "cli/command.hpp"
#include "cli/coverage_run.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/report_flags.hpp"
#include "io/region.hpp"

namespace caremap::cli {

struct PointCoverageOptions {
  std::string demand;  ///< --demand FILE
  unsigned threads = 0;
};

/// Reads the demand file, counts the facilities of the request's categories reaching each
/// point, prints the counts (or JSON) and streams one row per point to the output, if any.
/// Laps "read demand", "index", "search", "summary" and "write" on `timer`.
int run_point_coverage(const CoverageRequest& request, const PointCoverageOptions& points,
                       const io::Region& region, const ReportFlags& report,
                       const OutputOptions& output, CommandContext& context, PhaseTimer& timer);

}  // namespace caremap::cli
