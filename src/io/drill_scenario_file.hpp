#pragma once
// The drill scenario file (JSON), read and validated: every error is a core::InputError naming
// the file, the field (its JSON path, "injects[2].outages[0].kind") and the value expected;
// unknown keys are warnings ("unknown_field"), since a drill leader's file may carry notes.
// Keys starting with "_" are comments. The format is documented in docs/drill.md.
//
// The file names its sources (files relative to the scenario file, or layers of the region);
// drill_io/scenario_build.hpp reads them with the front end's reader into a drill::Scenario.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/care_needs.hpp"
#include "core/diagnostics.hpp"

namespace caremap::io {

/// A layer of the region (`layer`) or a file (`source`, any GDAL format or CSV in UTF-8/CP932).
struct DrillSourceSpec {
  std::string layer;
  std::filesystem::path source;  ///< resolved against the scenario file's folder
  std::string encoding;
  std::string x_field;
  std::string y_field;
  std::string id_field;
  std::string name_field;
};

struct DrillPatientsSpec {
  DrillSourceSpec from;
  std::string needs_field = "needs";        ///< names separated by ';' (or ',' '|' '・')
  std::string priority_field = "priority";  ///< 1, 2, 3...; missing column = 1
  std::string wants_field = "wants";        ///< "bed" or "shelter"; missing column = bed
};

struct DrillCapacitySpec {
  std::string hospital;  ///< the hospital layer's id field
  std::optional<int> free_beds;
  std::optional<int> backup_beds;
  std::optional<core::CareNeeds> services;
  std::string where;  ///< its JSON path, for later errors ("capacities[3]")
};

struct DrillOutageSpec {
  std::string hospital;
  std::string kind;  ///< "damaged" or "no_power"
  std::string where;
};

struct DrillClosureSpec {
  std::string name;
  std::filesystem::path source;
  bool hazard_zone = false;
  std::string where;
};

struct DrillInjectSpec {
  double t_min = 0.0;
  std::string title;
  std::vector<DrillClosureSpec> closures;  ///< "closures" and "hazard_zones" together
  std::vector<DrillOutageSpec> outages;
  std::vector<DrillCapacitySpec> capacities;
};

struct DrillShelterCapacity {
  std::string shelter;
  int capacity = 0;
};

struct DrillScenarioFile {
  std::filesystem::path path;
  std::string title;
  bool drill_data = true;
  std::string region;  ///< a region name or a project file (resolved like sources); may be empty
  std::vector<std::int64_t> priority_weights{1, 2, 4};
  std::optional<core::CareNeeds> power_needs;
  double backup_bed_cost_min = 15.0;  ///< weighted minutes a backup bed must save to be used
  double move_cost_min = 10.0;        ///< minutes a move must save to re-route a placed patient
  DrillPatientsSpec patients;
  DrillSourceSpec hospitals;
  std::vector<DrillCapacitySpec> capacities;
  std::optional<DrillSourceSpec> shelters;
  int shelter_capacity = 0;  ///< places per shelter when not listed
  std::vector<DrillShelterCapacity> shelter_capacities;
  std::optional<double> straight_speed_kmh;
  std::optional<double> straight_detour;
  std::vector<DrillInjectSpec> injects;
  core::Diagnostics warnings;
};

/// Reads and validates a scenario file. Throws core::InputError (file, field, expected value).
DrillScenarioFile read_drill_scenario(const std::filesystem::path& path);

/// The same from text; `path` names the file in errors and resolves relative sources.
DrillScenarioFile parse_drill_scenario(std::string_view text, const std::filesystem::path& path);

/// Needs from a cell or list text: names or Japanese labels separated by ';', ',', '|', '・' or
/// spaces. Unknown names are returned in `unknown`.
core::CareNeeds parse_care_needs(std::string_view text, std::vector<std::string>& unknown);

}  // namespace caremap::io
