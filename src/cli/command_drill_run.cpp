// `caremap drill run scenario.json`: the drill through its injects. Prints the summary per
// inject (Japanese by default) and writes the assignment (CSV) and the routes, hospital loads
// and assignment (GeoPackage) with --out-dir.

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/drill_loading.hpp"
#include "cli/drill_report.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/progress_bar.hpp"
#include "cli/report_flags.hpp"
#include "core/error.hpp"
#include "drill/drill_layers.hpp"
#include "drill/drill_routes.hpp"

namespace caremap::cli {

namespace {

struct DrillRunOptions {
  std::string scenario;
  std::string out_dir;
  std::string lang = "ja";
  bool straight_line = false;
  unsigned threads = 0;
  NetworkOptions network;
  ReportFlags report;
};

core::Lang lang_of(const std::string& l) {
  if (l == "ja") {
    return core::Lang::ja;
  }
  if (l == "en") {
    return core::Lang::en;
  }
  throw core::ArgumentError("--lang: '" + l + "' is not ja or en");
}

nlohmann::ordered_json summary_json(const drill::Scenario& s, const drill::DrillResult& r) {
  nlohmann::ordered_json j{{"title", s.title},
                           {"drill_data", s.drill_data},
                           {"times_by", {{"ja", r.basis.ja}, {"en", r.basis.en}}},
                           {"by_road", r.by_road}};
  auto& injects = j["injects"] = nlohmann::ordered_json::array();
  for (const drill::InjectResult& in : r.injects) {
    auto hospitals = nlohmann::ordered_json::array();
    for (std::size_t h = 0; h < s.hospitals.size(); ++h) {
      const drill::HospitalLoad& l = in.hospitals[h];
      hospitals.push_back({{"id", s.hospitals[h].id},
                           {"name", s.hospitals[h].name},
                           {"load", l.load},
                           {"capacity", l.capacity()},
                           {"backup_in_use", l.backup_in_use()},
                           {"damaged", l.damaged},
                           {"no_power", l.no_power}});
    }
    injects.push_back({{"t_min", in.state.t_min},
                       {"title", in.state.title},
                       {"placed", in.summary.placed},
                       {"not_placed", in.summary.not_placed},
                       {"mean_time_s", in.summary.mean_time_s},
                       {"max_time_s", in.summary.max_time_s},
                       {"sheltered", in.summary.sheltered},
                       {"shelter_patients", in.summary.shelter_patients},
                       {"moved", in.change.moved.size()},
                       {"time_added_s", in.change.time_added_s},
                       {"hospitals", hospitals}});
  }
  return j;
}

int run_drill_command(const DrillRunOptions& o, CommandContext& context) {
  PhaseTimer timer;
  const core::Lang lang = lang_of(o.lang);
  if (!o.out_dir.empty()) {
    OutputOptions check;
    check.out_dir = o.out_dir;
    prepare_outputs(check);
  }
  LoadedDrill d = load_drill(o.scenario, o.network, o.straight_line, context);
  d.options.threads = effective_threads(o.threads);
  timer.lap("read");
  const routing::RoadNetwork* network = d.network ? d.network->network.get() : nullptr;
  core::Progress& progress = start_stage(context, "drill");
  drill::DrillResult result;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    result = drill::run_drill(d.scenario, network, d.options, &progress);
  }
  timer.lap("assignment");
  for (const drill::InjectResult& r : result.injects) {
    d.diagnostics.append(r.diagnostics);
  }
  if (o.report.json) {
    context.out << summary_json(d.scenario, result).dump(2) << '\n';
  } else {
    print_drill_summary(d.scenario, result, lang, context.out);
  }
  if (!o.out_dir.empty()) {
    std::vector<std::vector<drill::PatientRoute>> routes;
    for (const drill::InjectResult& r : result.injects) {
      routes.push_back(drill::patient_routes(d.scenario, r, network, d.options));
    }
    timer.lap("routes");
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (!std::filesystem::is_directory(o.out_dir)) {
      throw core::OutputError(
          "cannot create the output directory" + (ec ? ": " + ec.message() : std::string()),
          core::ErrorContext{o.out_dir, "", std::nullopt, ""});
    }
    const auto assignment =
        std::make_shared<core::Layer>(drill::assignment_layer(d.scenario, result, lang));
    OutputOptions table;
    table.out = (std::filesystem::path(o.out_dir) / "drill_assignment.csv").string();
    write_outputs({assignment}, table, context);
    OutputOptions map;
    map.out = (std::filesystem::path(o.out_dir) / "drill.gpkg").string();
    write_outputs(
        {std::make_shared<core::Layer>(drill::routes_layer(d.scenario, result, routes)),
         std::make_shared<core::Layer>(drill::hospital_load_layer(d.scenario, result)), assignment},
        map, context);
    timer.lap("write");
  }
  return finish_command(o.report, d.diagnostics, timer, context);
}

}  // namespace

void add_drill_run_command(CLI::App& drill, CommandRegistry& registry) {
  auto o = std::make_shared<DrillRunOptions>();
  CLI::App* cmd = drill.add_subcommand(
      "run", "Run a drill scenario through its injects: beds, shelters, routes, what changed");
  cmd->add_option("scenario", o->scenario, "The drill scenario file (JSON, docs/drill.md)")
      ->required();
  cmd->add_option("--out-dir", o->out_dir,
                  "Write drill_assignment.csv and drill.gpkg (routes, hospital load, "
                  "assignment) here");
  cmd->add_option("--lang", o->lang, "ja or en: the summary's language")->capture_default_str();
  cmd->add_flag("--straight-line", o->straight_line,
                "Straight-line times even where the region has roads (said in every output)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = every core)")
      ->capture_default_str();
  add_network_options(*cmd, o->network, false);
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_drill_command(*o, c); }});
}

}  // namespace caremap::cli
