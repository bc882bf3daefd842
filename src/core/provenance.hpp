#pragma once
// Where a layer came from: the source file and its data date for a loaded layer; the operation,
// its parameters and its inputs for an analysis result. Written into every exported file so a
// map shown to a committee can be traced back to the data and settings that made it.

#include <string>
#include <utility>
#include <vector>

#include "core/lang.hpp"

namespace caremap::core {

struct SourceRef {
  std::string path;       ///< file path or data source name as given
  std::string layer;      ///< layer id in the project, if any
  std::string data_date;  ///< date of the data (e.g. "2025-06-01"), empty if unknown
  std::string credit;     ///< required attribution line, empty if none
};

/// What an analysis result stands on, in words a planner reads beside every figure: the
/// distance measure (straight line, or road time on a named network with its access legs) and
/// the demand (census population and how it was apportioned, explicit points, or area alone).
/// Empty texts mean "not applicable" (a loaded layer has neither).
struct ResultBasis {
  /// "直線距離" / "straight line", or "道路（幹線道路のみ（国土数値情報 道路 1996年））…" /
  /// "road time (trunk roads only (KSJ N01, 1996)) …".
  LocalText distance;
  /// "2020年国勢調査 500mメッシュ人口（面積按分）" / "2020 census 500 m mesh population
  /// (apportioned by area)", or "面積のみ（人口データなし）" / "area only (no population data)".
  LocalText demand;
  friend bool operator==(const ResultBasis&, const ResultBasis&) = default;
};

struct Provenance {
  std::string operation;  ///< "load", "nearest", "coverage", ...
  std::vector<std::pair<std::string, std::string>> parameters;  ///< in the order given
  std::vector<SourceRef> inputs;
  std::string software = "caremap";
  ResultBasis basis;  ///< what the result stands on; written and printed with it

  Provenance& param(std::string key, std::string value) {
    parameters.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  /// Appends the inputs of another provenance (a result built from loaded layers).
  Provenance& inputs_from(const Provenance& other);
};

/// One line: "coverage(category=clinic, radius_m=16000) from clinics.csv (2025-06-01), ...",
/// followed by "; distance: …; demand: …" (English) where the basis says so.
std::string summarize(const Provenance& p);

}  // namespace caremap::core
