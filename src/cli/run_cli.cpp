#include "cli/run_cli.hpp"

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "core/error.hpp"

namespace caremap::cli {

namespace {

constexpr const char* kDescription =
    "caremap: medical, care and disaster resources of a region, and how far people are from them.\n"
    "The default region is Munakata (宗像市) and Fukutsu (福津市), Fukuoka; distances are metres\n"
    "in the region's working CRS (Japan Plane Rectangular CS) unless said otherwise.";

constexpr const char* kFooter =
    "Examples:\n"
    "  caremap info                                   layers, counts and data problems\n"
    "  caremap summary                                per-city facilities, nearest hospital, "
    "coverage\n"
    "  caremap nearest --from 130.54,33.80 -k 3       the 3 nearest hospitals to a place\n"
    "  caremap coverage --category clinic --out c.gpkg  where a clinic is within 16 km, and gaps\n"
    "  caremap service-area --osm roads.osm.pbf --category hospital --bands 5,10,15min\n"
    "  caremap nearest --by time --osm roads.osm.pbf --demand patients.csv --closures flood.gpkg\n"
    "  caremap team --out team.gpkg                   who has the whole home-care team in reach\n"
    "  caremap drill run data/geo/drills/munakata-fukutsu/drill.json --out-dir drill-out\n"
    "  caremap report coverage --out clinics.pdf     the committee handout (maps, tables, "
    "credits)\n"
    "Run 'caremap <command> --help' for a command's options.\n"
    "\n"
    "Exit codes: 0 success, 2 bad arguments, 3 bad input data, 4 output could not be written,\n"
    "5 cancelled, 1 internal error.";

// Prints one error line; the context (file, row, field) is already part of what().
int report(std::ostream& err, const char* kind, const std::exception& e, int code) {
  err << "caremap: " << kind << e.what() << '\n';
  return code;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const CliOptions& options) {
  CLI::App app{kDescription, "caremap"};
  app.footer(kFooter);
  app.require_subcommand(1);
  app.set_version_flag("--version", "caremap 0.1.0");

  CommandRegistry registry;
  add_info_command(app, registry);
  add_summary_command(app, registry);
  add_nearest_command(app, registry);
  add_coverage_command(app, registry);
  add_network_command(app, registry);
  add_service_area_command(app, registry);
  add_od_matrix_command(app, registry);
  add_population_command(app, registry);
  add_team_command(app, registry);
  add_drill_command(app, registry);
  add_report_command(app, registry);
  add_plan_command(app, registry);
  add_access_command(app, registry);

  std::vector<const char*> argv{"caremap"};
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return exit_ok;
  } catch (const CLI::CallForVersion&) {
    out << "caremap 0.1.0\n";
    return exit_ok;
  } catch (const CLI::ParseError& e) {
    err << "caremap: " << e.what() << "\nRun 'caremap --help' for usage.\n";
    return exit_bad_arguments;
  }

  core::Progress own_progress;
  CommandContext context{out, err, options.progress_bar,
                         options.progress != nullptr ? *options.progress : own_progress};
  for (const auto& command : registry) {
    if (!command.app->parsed()) {
      continue;
    }
    try {
      return command.run(context);
    } catch (const core::ArgumentError& e) {
      return report(err, "", e, exit_bad_arguments);
    } catch (const core::InputError& e) {
      return report(err, "cannot use the input: ", e, exit_bad_input);
    } catch (const core::OutputError& e) {
      return report(err, "cannot write the output: ", e, exit_output_failed);
    } catch (const core::Cancelled&) {
      err << "caremap: cancelled\n";
      return exit_cancelled;
    } catch (const std::exception& e) {
      return report(err, "internal error: ", e, exit_internal_error);
    }
  }
  return exit_bad_arguments;
}

}  // namespace caremap::cli
