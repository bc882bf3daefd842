// `caremap report drill scenario.json --out drill.pdf`: the record of a drill for the committee:
// the timeline, one map page per inject, the patients not placed, the data and conditions; with
// `--atlas hospitals` one page per hospital (report/drill_atlas.hpp). The drill runs exactly as
// `caremap drill run` runs it (cli/drill_loading.hpp, drill::run_drill).

#include <memory>

#include "analysis/closure_effect.hpp"
#include "cli/drill_loading.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_printing.hpp"
#include "core/error.hpp"
#include "drill/drill_map.hpp"
#include "drill/drill_routes.hpp"
#include "report/drill_report.hpp"
#include "report/report_output.hpp"

namespace caremap::cli {

namespace {

struct ReportDrillOptions {
  std::string scenario;
  bool straight_line = false;
  std::string atlas;  ///< "" or "hospitals"
  unsigned threads = 0;
  NetworkOptions network;
  PrintOptions print;
  ReportFlags flags;
};

int run_report_drill(const ReportDrillOptions& o, CommandContext& context) {
  PhaseTimer timer;
  const CheckedPrint print = check_print_options(o.print);
  if (!o.atlas.empty() && o.atlas != "hospitals") {
    throw core::ArgumentError("--atlas " + o.atlas + ": use hospitals (one page per hospital)");
  }
  LoadedDrill d = load_drill(o.scenario, o.network, o.straight_line, context);
  d.options.threads = effective_threads(o.threads);
  timer.lap("read");
  const routing::RoadNetwork* network = d.network ? d.network->network.get() : nullptr;
  drill::DrillResult result;
  {
    core::Progress& progress = start_stage(context, "drill");
    const ProgressBar bar(progress, context.err, context.progress_bar);
    result = drill::run_drill(d.scenario, network, d.options, &progress);
  }
  timer.lap("assignment");
  for (const drill::InjectResult& r : result.injects) {
    d.diagnostics.append(r.diagnostics);
  }

  report::DrillReportInputs in;
  in.lang = print.lang;
  in.scenario = &d.scenario;
  in.result = &result;
  in.scenario_path = o.scenario;
  in.hospital_atlas = o.atlas == "hospitals";
  in.software = report::kReportSoftware;
  in.date = print.date;
  std::vector<std::vector<drill::PatientRoute>> routes;
  for (const drill::InjectResult& r : result.injects) {
    routes.push_back(drill::patient_routes(d.scenario, r, network, d.options));
    core::LayerPtr closed;
    if (network && r.overlay) {
      auto l =
          std::make_shared<core::Layer>(analysis::closed_roads_layer(network->graph(), *r.overlay));
      l->id = drill::kDrillClosedRoadsLayer;
      l->title = print.lang == core::Lang::ja ? "通行止めの道路" : "Closed roads";
      l->crs = d.scenario.crs;
      closed = l;
    }
    in.closed_roads.push_back(closed);
  }
  in.layers = drill::drill_map_layers(d.scenario, result, routes, print.lang);
  timer.lap("routes");
  if (d.region) {
    in.region_title = d.region->project.title;
    if (!d.region->boundaries().empty()) {
      in.boundary = d.region->boundaries().front()->layer;
    }
    for (const io::LoadedLayer& l : d.region->layers) {
      in.region_layers.push_back(l.layer);
    }
  }
  if (network && o.print.roads) {
    const core::SourceRef source =
        d.region ? io::road_source(d.region->project, d.network->source)
                 : core::SourceRef{d.network->source.string(), "roads", {}, {}};
    report::ReportRoads roads = report::report_roads(*network, d.scenario.crs, print.lang, source);
    in.roads = std::move(roads.layer);
    in.road_basis = std::move(roads.basis);
  }
  const report::Report doc = report::drill_report(in);
  return write_report(doc, o.print, print, o.flags, d.diagnostics, timer, context);
}

}  // namespace

void add_report_drill_command(CLI::App& report, CommandRegistry& registry) {
  auto o = std::make_shared<ReportDrillOptions>();
  CLI::App* cmd = report.add_subcommand(
      "drill",
      "A drill's record: the timeline, a map page per inject (patients by hospital, routes, "
      "closures, hospital loads), the patients not placed, data and conditions");
  cmd->add_option("scenario", o->scenario, "The drill scenario file (JSON, docs/drill.md)")
      ->required();
  cmd->add_flag("--straight-line", o->straight_line,
                "Straight-line times even where the region has roads (said in every output)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = every core)")
      ->capture_default_str();
  cmd->add_option("--atlas", o->atlas,
                  "hospitals: add one page per hospital (its patients and routes on a map framed "
                  "on them, its beds inject by inject)");
  add_network_options(*cmd, o->network, false);
  add_print_options(*cmd, o->print);
  add_report_flags(*cmd, o->flags, true);
  registry.push_back({cmd, [o](CommandContext& c) { return run_report_drill(*o, c); }});
}

}  // namespace caremap::cli
