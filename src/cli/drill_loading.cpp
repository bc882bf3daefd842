#include "cli/drill_loading.hpp"

#include "cli/region_loading.hpp"
#include "core/error.hpp"
#include "drill_io/scenario_build.hpp"
#include "io/read.hpp"

namespace caremap::cli {

namespace {

io::LoadedLayer read_source(const io::DrillSourceSpec& spec, const LoadedDrill& d,
                            const crs::CrsRef& crs) {
  if (!spec.layer.empty()) {
    if (!d.region) {
      drill_io::scenario_error(d.file, "layer",
                               "'layer: " + spec.layer + "' needs a region: give \"region\"");
    }
    return d.region->require(spec.layer);
  }
  io::ReadOptions o = loose_file_options(d.region ? &*d.region : nullptr);
  o.encoding = spec.encoding;
  o.x_field = spec.x_field;
  o.y_field = spec.y_field;
  o.name_field = spec.name_field;
  return read_input_file(spec.source, o, crs);
}

}  // namespace

LoadedDrill load_drill(const std::filesystem::path& path, const NetworkOptions& network,
                       bool straight_line, CommandContext& context) {
  LoadedDrill d;
  d.file = io::read_drill_scenario(path);
  d.diagnostics.append(d.file.warnings);
  const io::DrillScenarioFile& f = d.file;
  if (!f.region.empty()) {
    d.region = load_region(f.region, context);
  }
  const bool has_roads = !network.osm.empty() || (d.region && d.region->project.roads.has_value());
  crs::CrsRef crs;
  if (has_roads && !straight_line) {
    d.network = load_network(network, d.region ? &*d.region : nullptr, context);
    d.diagnostics.append(d.network->diagnostics);
    crs = d.network->crs;
  } else if (d.region) {
    crs = d.region->working_crs;
  } else {
    drill_io::scenario_error(f, "region",
                             "expected a region (its working CRS and layers) or --osm with roads");
  }
  drill_io::BuiltDrill built = drill_io::build_scenario(
      f, crs.definition, [&](const io::DrillSourceSpec& spec) { return read_source(spec, d, crs); },
      d.diagnostics);
  d.scenario = std::move(built.scenario);
  d.options = built.options;
  return d;
}

}  // namespace caremap::cli
