// `caremap report`: committee handouts; here `report coverage`, the handout of a coverage run, a
// multi-page PDF (or one SVG / PNG per page) with maps, tables, charts, an atlas page per city and
// the provenance; with --atlas-zones one page per hazard zone (cli/zone_atlas_inputs.hpp). The
// figures come from the same run `caremap coverage` makes
// (cli/coverage_run.hpp).

#include <memory>

#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/coverage_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/phase_timer.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/report_printing.hpp"
#include "cli/zone_atlas_inputs.hpp"
#include "core/error.hpp"
#include "report/coverage_report.hpp"
#include "report/report_output.hpp"

namespace caremap::cli {

namespace {

struct ReportCoverageOptions {
  std::string region = "munakata-fukutsu";
  CoverageRequest request;
  std::string zones;       ///< --atlas-zones: a polygon file, a page per polygon
  std::string zone_field;  ///< --zone-name-field
  PrintOptions print;
  ReportFlags flags;
};

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
    report::CoverageDistances d = report::coverage_distances(*in.demand, facility_layers(region),
                                                             run.categories, run.diagnostics);
    in.distances = std::move(d.analysed);
    in.all_distances = std::move(d.all);
  }
  timer.lap("distances");
  if (!o.zones.empty()) {
    analysis::CoverageParams params;
    params.categories = run.categories;
    if (!o.request.radius.empty()) {
      params.radius = parse_distance(o.request.radius, "--radius");
    }
    // The facilities and radii the coverage used (its diagnostics are reported once already).
    core::Diagnostics again;
    in.zone_discs = analysis::coverage_discs(
        coverage_sources(region, run.categories, o.request.categories), params, again);
    in.zones = read_zone_atlas(o.zones, o.zone_field, region, in.zone_discs, in.demand, lang,
                               run.diagnostics);
    in.zones_path = o.zones;
    timer.lap("zones");
  } else if (!o.zone_field.empty()) {
    throw core::ArgumentError("--zone-name-field needs --atlas-zones");
  }
  std::optional<LoadedNetwork> network;
  if (o.print.roads) {
    network = region_network(region, context);
  }
  if (network) {
    report::ReportRoads roads =
        report::report_roads(*network->network, region.working_crs.definition, lang,
                             io::road_source(region.project, network->source));
    in.roads = std::move(roads.layer);
    in.road_basis = std::move(roads.basis);
    run.diagnostics.append(network->diagnostics);
    timer.lap("roads");
  }
  in.software = report::kReportSoftware;
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
  cmd->add_option("--atlas-zones", o->zones,
                  "A polygon file (flood, landslide zone): one atlas page per polygon with its "
                  "people and those beyond reach once the facilities inside it are lost");
  cmd->add_option("--zone-name-field", o->zone_field,
                  "Field naming each zone (default: the file's name field, else \"name\")");
  add_print_options(*cmd, o->print);
  add_report_flags(*cmd, o->flags, true);
  registry.push_back({cmd, [o](CommandContext& c) { return run_report_coverage(*o, c); }});
  add_report_drill_command(*report, registry);
  add_report_plan_command(*report, registry);
}

}  // namespace caremap::cli
