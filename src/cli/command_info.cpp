// `caremap info`: what a region holds: its layers, their feature counts, the rows that could
// not be used, facilities per city, and the credits the data requires.

#include <iostream>
#include <memory>
#include <optional>

#include "analysis/count_by_area.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/population_tables.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "io/project.hpp"

namespace caremap::cli {

namespace {

struct InfoOptions {
  std::string region = "munakata-fukutsu";
  bool json = false;
  bool diagnostics = false;
  bool list_regions = false;
};

int run_info(const InfoOptions& o, CommandContext& context) {
  if (o.list_regions) {
    for (const auto& name : io::list_regions()) {
      context.out << name << '\n';
    }
    return exit_ok;
  }
  const io::Region region = load_region(o.region, context);
  // A region without boundaries (the national project) still lists its layers; only the
  // per-city counts need the boundary layer.
  std::optional<analysis::AreaCounts> counts;
  if (!region.boundaries().empty()) {
    counts = analysis::count_by_area(boundary_layer(region), facility_layers(region));
  }
  core::Diagnostics people_diagnostics;
  const std::optional<RegionPeople> people = region_people(region, people_diagnostics);
  if (o.json) {
    auto j = region_json(region);
    j["facilities_per_area"] = counts ? area_counts_json(*counts) : nlohmann::ordered_json(nullptr);
    j["people"] = people ? people_json(*people) : nlohmann::ordered_json(nullptr);
    if (!people) {
      j["people_basis"] = local_text_json(analysis::area_only_basis());
    }
    if (o.diagnostics) {
      auto& list = j["diagnostic_rows"] = nlohmann::ordered_json::array();
      const core::Diagnostics diagnostics = region.diagnostics();
      for (const auto& d : diagnostics.items()) {
        list.push_back({{"file", d.file},
                        {"row", d.row ? nlohmann::ordered_json(*d.row) : nlohmann::ordered_json()},
                        {"field", d.field},
                        {"code", d.code},
                        {"message", d.message}});
      }
    }
    context.out << j.dump(2) << '\n';
    return exit_ok;
  }
  print_region_header(region, context.out);
  print_layer_table(region, context.out);
  if (counts) {
    context.out << "Facilities per city (by location within the N03 boundary):\n";
    print_area_counts(*counts, context.out);
  } else {
    context.out << "Facilities per city: not counted (the region has no boundary layer).\n\n";
  }
  if (people) {
    print_people_by_city(*people, context.out);
  } else {
    print_no_population(region, context.out);
  }
  const auto diagnostics = region.diagnostics();
  if (diagnostics.empty()) {
    context.out << "Every row of every layer was usable.\n\n";
  } else {
    context.out << "Rows not used, repaired or read with a note:\n";
    print_diagnostics(diagnostics, context.out, o.diagnostics);
    context.out << '\n';
  }
  print_credits(region, context.out);
  return exit_ok;
}

}  // namespace

void add_info_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<InfoOptions>();
  CLI::App* cmd = root.add_subcommand(
      "info", "List a region's layers, feature counts, unusable rows and facilities per city");
  cmd->add_option("--region", o->region,
                  "Region name (see --list-regions) or path to a .caremap.json project file")
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print machine-readable JSON instead of tables");
  cmd->add_flag("--diagnostics", o->diagnostics,
                "List every unusable row with its file, row number and field");
  cmd->add_flag("--list-regions", o->list_regions, "List the regions in the data directory");
  registry.push_back({cmd, [o](CommandContext& c) { return run_info(*o, c); }});
}

}  // namespace caremap::cli
