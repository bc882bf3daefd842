#pragma once
// A drill scenario file turned into what the engine runs: its region (when it names one), the
// region's road network (or none: then straight lines, said in every output), the patients,
// hospitals with the drill's capacities, shelters and injects, in the working CRS. Sources are
// read with the usual readers (CSV in UTF-8 or CP932, any GDAL layer, region layers); problems
// per row are diagnostics naming file, row and field; a capacity or outage naming a hospital that
// is not in the hospital layer is an InputError naming the scenario field.

#include <filesystem>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/network_loading.hpp"
#include "core/diagnostics.hpp"
#include "drill/drill_run.hpp"
#include "io/drill_scenario_file.hpp"
#include "io/region.hpp"

namespace caremap::cli {

struct LoadedDrill {
  io::DrillScenarioFile file;
  drill::Scenario scenario;
  std::optional<io::Region> region;
  std::optional<LoadedNetwork> network;  ///< nullopt: straight line
  drill::DrillOptions options;
  core::Diagnostics diagnostics;
};

/// Reads the scenario and everything it names. `network` overrides the region's roads (--osm,
/// --profile); `straight_line` forces straight lines even where there is a network.
LoadedDrill load_drill(const std::filesystem::path& scenario, const NetworkOptions& network,
                       bool straight_line, CommandContext& context);

}  // namespace caremap::cli
