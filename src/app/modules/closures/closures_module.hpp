#pragma once
// Closures: barriers and slowdowns drawn on the map or read from a file, the roads they close
// (result layer "closed_roads") and what they change for the demand - the clicked route origin
// or a demand layer (result layer "closure_effect").
//
// The closures themselves (NetworkState::closures / slowdowns) are NetworkState's, not this
// module's: every travel-time module routes with them. This module edits them and owns the
// closed-roads and effect results.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/closure_effect.hpp"
#include "app/closure_editor.hpp"
#include "app/modules/analysis_module.hpp"
#include "core/category.hpp"

namespace caremap::app {

/// What the closures change, as the panel shows it: the analysis's own summary and what the
/// demand was ("clicked point · 薬局", a layer title).
struct ClosureEffectFigures {
  analysis::ClosureEffectSummary summary;
  std::string demand;
};

struct ClosuresState {
  std::size_t closed_arcs = 0;          ///< of the current profile's network
  std::uint32_t effect_demand_uid = 0;  ///< 0 = the clicked route origin
  core::Category effect_category = core::Category::hospital;
  std::optional<ClosureEffectFigures> effect;
  std::string effect_note;
};

class ClosuresModule final : public AnalysisModule {
 public:
  static constexpr const char* kClosedRoadsJob = "network-closed-roads";
  static constexpr const char* kEffectJob = "network-closure-effect";
  static constexpr const char* kClosuresLayer = "closures";
  static constexpr const char* kSlowdownsLayer = "slowdowns";
  static constexpr const char* kClosedRoadsLayer = "closed_roads";
  static constexpr const char* kEffectLayer = "closure_effect";

  ClosuresState state;

  std::string_view id() const override { return "closures"; }
  ModuleTab tab() const override { return ModuleTab::network; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
};

ClosuresState& closures_state(AppState& app);

/// What the closures change for the chosen demand (recomputed; removed without closures).
void start_closure_effect(AppState& app);

/// Adds a drawn closure or slowdown (working CRS) and recomputes what depends on closures.
void add_closure(AppState& app, const ClosureShape& shape);

/// Reads a closures file (any vector format, the command line's --closures rules: polygons close
/// the roads inside, lines the roads they cross, points the nearest road, a positive "factor"
/// on a polygon slows instead, "way_id" closes an OSM way) and adds its features.
void start_load_closures(AppState& app, std::filesystem::path path);

/// Removes feature `index` of the closures (`slowdown` = of the slowdowns).
void remove_closure(AppState& app, bool slowdown, std::size_t index);
void clear_closures(AppState& app);

}  // namespace caremap::app
