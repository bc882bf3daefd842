#pragma once
// A drill scenario file turned into what the engine runs: the patients, hospitals with the
// drill's capacities, shelters and injects, in the working CRS. The sources (a region layer or a
// file) are read by the front end's `SourceReader`: the command line reads the region and files,
// the viewer takes its loaded layers. Problems per row are diagnostics naming file, row and field;
// a capacity or outage naming a hospital that is not in the hospital layer is an InputError
// naming the scenario field.

#include <functional>
#include <string>

#include "core/diagnostics.hpp"
#include "drill/drill_run.hpp"
#include "io/drill_scenario_file.hpp"
#include "io/loaded_layer.hpp"

namespace caremap::drill_io {

/// Reads one source of the scenario (patients, hospitals, shelters, a closure file: then only
/// `source` is set) into the working CRS. Throws core::InputError naming the file.
using SourceReader = std::function<io::LoadedLayer(const io::DrillSourceSpec&)>;

struct BuiltDrill {
  drill::Scenario scenario;
  drill::DrillOptions options;  ///< the scenario's straight-line speed and detour
};

/// Throws core::InputError naming the scenario file and `field`.
[[noreturn]] void scenario_error(const io::DrillScenarioFile& file, const std::string& field,
                                 const std::string& message);

/// `crs`: the working CRS definition every source is read into.
BuiltDrill build_scenario(const io::DrillScenarioFile& file, const std::string& crs,
                          const SourceReader& read, core::Diagnostics& diagnostics);

}  // namespace caremap::drill_io
