#pragma once
// Where a layer came from: the source file and its data date for a loaded layer; the operation,
// its parameters and its inputs for an analysis result. Written into every exported file so a
// map shown to a committee can be traced back to the data and settings that made it.

#include <string>
#include <utility>
#include <vector>

namespace caremap::core {

struct SourceRef {
  std::string path;       ///< file path or data source name as given
  std::string layer;      ///< layer id in the project, if any
  std::string data_date;  ///< date of the data (e.g. "2025-06-01"), empty if unknown
  std::string credit;     ///< required attribution line, empty if none
};

struct Provenance {
  std::string operation;  ///< "load", "nearest", "coverage", ...
  std::vector<std::pair<std::string, std::string>> parameters;  ///< in the order given
  std::vector<SourceRef> inputs;
  std::string software = "caremap";

  Provenance& param(std::string key, std::string value) {
    parameters.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  /// Appends the inputs of another provenance (a result built from loaded layers).
  Provenance& inputs_from(const Provenance& other);
};

/// One line: "coverage(category=clinic, radius_m=16000) from clinics.csv (2025-06-01), ...".
std::string summarize(const Provenance& p);

}  // namespace caremap::core
