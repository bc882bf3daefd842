// `caremap report`: committee handouts; here `report coverage`, the handout of a coverage run, a
// multi-page PDF (or one SVG / PNG per page) with maps, tables, charts, an atlas page per city and
// the provenance. The figures come from the same run `caremap coverage` makes
// (cli/coverage_run.hpp).

#include <memory>

#include "analysis/category_people_bands.hpp"
#include "analysis/network_sites.hpp"
#include "analysis/road_layer.hpp"
#include "cli/command.hpp"
#include "cli/coverage_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/phase_timer.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/report_printing.hpp"
#include "core/error.hpp"
#include "report/coverage_report.hpp"

namespace caremap::cli {

namespace {

struct ReportCoverageOptions {
  std::string region = "munakata-fukutsu";
  CoverageRequest request;
  PrintOptions print;
  ReportFlags flags;
};

// The bands of the per-person distance histogram: finer than summary's, out to the 16 km of a
// home visit.
const std::vector<double> kHistogramBands_m = {500, 1000, 2000, 4000, 8000, 16000};

// Every facility category present in the region, in declaration order (hospital first).
std::vector<core::Category> facility_categories(const std::vector<core::LayerPtr>& layers) {
  std::vector<core::Category> out;
  for (const core::Category c : core::all_categories()) {
    if (!core::is_facility(c)) {
      continue;
    }
    for (const auto& l : layers) {
      if (l->count(c) > 0) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

int run_report_coverage(const ReportCoverageOptions& o, CommandContext& context) {
  PhaseTimer timer;
  const CheckedPrint print = check_print_options(o.print);
  const core::Lang lang = print.lang;
  const io::Region region = load_region(o.region, context);
  timer.lap("read");
  CoverageRun run = run_coverage_analysis(o.request, region, context, timer);

  report::CoverageReportInputs in;
  in.lang = lang;
  in.region_title = region.project.title;
  in.categories = run.categories;
  in.coverage = &run.result;
  boundary_layer(region);  // throws, naming the region, when it has no boundary
  in.boundary = region.boundaries().front()->layer;
  in.facilities = run.facility_layers;
  for (const auto* l : region.of_category(core::Category::hospital)) {
    if (std::find(in.facilities.begin(), in.facilities.end(), l->layer) == in.facilities.end()) {
      in.context.push_back(l->layer);
    }
  }
  if (const io::LoadedLayer* population = region.population()) {
    in.population = population->layer;
  }
  if (run.people) {
    in.demand = &run.people->demand;
    in.people_credit = run.people->credit;
    const auto facilities = facility_layers(region);
    in.distances = analysis::people_bands_by_category(*in.demand, facilities, run.categories,
                                                      nullptr, run.diagnostics, kHistogramBands_m);
    in.all_distances = analysis::people_bands_by_category(
        *in.demand, facilities, facility_categories(facilities), nullptr, run.diagnostics);
  }
  timer.lap("distances");
  std::optional<LoadedNetwork> network;
  if (o.print.roads) {
    network = region_network(region, context);
  }
  if (network) {
    const auto& net = *network->network;
    in.road_basis = net.basis().empty() ? analysis::network_distance_basis(net) : net.basis();
    in.roads =
        analysis::road_layer(net, "roads", region.working_crs.definition,
                             lang == core::Lang::ja ? "道路" : "Roads", network->source.string());
    run.diagnostics.append(network->diagnostics);
    timer.lap("roads");
  }
  in.software = kReportSoftware;
  in.date = print.date;

  const report::Report doc = report::coverage_report(in);
  return write_report(doc, o.print, print, o.flags, run.diagnostics, timer, context);
}

}  // namespace

void add_report_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* report = root.add_subcommand(
      "report",
      "Committee handouts: multi-page PDF (or SVG / PNG pages) with maps, tables, "
      "charts and credits, in Japanese by default");
  report->require_subcommand(1);
  auto o = std::make_shared<ReportCoverageOptions>();
  CLI::App* cmd = report->add_subcommand(
      "coverage",
      "Coverage by a kind of facility: maps, figures by city, distances per person, "
      "one atlas page per city, data and conditions");
  cmd->add_option("--region", o->region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  add_coverage_request_options(*cmd, o->request);
  add_print_options(*cmd, o->print);
  add_report_flags(*cmd, o->flags, true);
  registry.push_back({cmd, [o](CommandContext& c) { return run_report_coverage(*o, c); }});
  add_report_drill_command(*report, registry);
  add_report_plan_command(*report, registry);
}

}  // namespace caremap::cli
