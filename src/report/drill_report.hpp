#pragma once
// The record of a disaster drill for the committee (`caremap report drill`): pages built from a
// drill::DrillResult and its map layers (drill/drill_map.hpp), nothing recomputed here.
//
//   1    the timeline: one row per inject (placed, not placed, times, moves, hospitals above
//        80 %), the hospitals' loads at the last inject as bars, the key figures in words
//   2..  one page per inject: the map (patients coloured by hospital, routes, closures and
//        hazard zones, closed roads, hospitals with load/beds) and what changed
//   then the hospital loads of every inject (three tables a page)
//   then, with hospital_atlas, one page per hospital (drill_atlas.hpp): the patients it took
//        and their routes on a map framed on them, its beds inject by inject
//   then the patients without a bed or shelter place, inject by inject, with the reason
//   last the data and conditions: scenario, what the times stand on, sources and credits, limits
//
// Generated patients are drill data and every page that shows them says so.

#include <string>
#include <vector>

#include "core/lang.hpp"
#include "core/layer.hpp"
#include "drill/drill_map.hpp"
#include "drill/drill_run.hpp"
#include "report/document.hpp"

namespace caremap::report {

struct DrillReportInputs {
  core::Lang lang = core::Lang::ja;
  std::string region_title;                      ///< "宗像市・福津市"; may be empty
  const drill::Scenario* scenario = nullptr;     ///< required
  const drill::DrillResult* result = nullptr;    ///< required
  std::vector<drill::DrillInjectLayers> layers;  ///< per inject (drill::drill_map_layers)
  std::vector<core::LayerPtr> closed_roads;      ///< per inject; null where none (or no roads)
  core::LayerPtr boundary;                       ///< may be null
  core::LayerPtr roads;                          ///< may be null
  /// The region's layers (hospitals, shelters, population...): the data list names the drill's
  /// sources by their titles instead of their file names. May be empty.
  std::vector<core::LayerPtr> region_layers;
  core::LocalText road_basis;   ///< what the drawn roads are; empty = none
  std::string scenario_path;    ///< as given on the command line
  bool hospital_atlas = false;  ///< add a page per hospital (drill_atlas.hpp)
  std::string software;         ///< "caremap 0.1.0"
  std::string date;             ///< "2026-12-07"
};

/// The report. Throws core::ArgumentError when the scenario or result is missing or the layers
/// are not one per inject.
Report drill_report(const DrillReportInputs& in);

}  // namespace caremap::report
