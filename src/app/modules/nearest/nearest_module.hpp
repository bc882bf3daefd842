#pragma once
// Straight-line nearest facilities from a clicked place: k per present category, as lines on the
// map (result layer "nearest") and a table in the panel.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/modules/analysis_module.hpp"
#include "core/category.hpp"
#include "core/geometry.hpp"

namespace caremap::app {

struct NearestRow {
  core::Category category = core::Category::other;
  std::uint32_t rank = 1;
  std::string name;
  double distance_m = 0.0;
  core::XY position;
};

struct NearestState {
  bool picking = false;  ///< the next map click sets the origin
  int k = 3;
  std::optional<core::XY> origin;
  std::vector<NearestRow> rows;
};

class NearestModule final : public AnalysisModule {
 public:
  static constexpr const char* kJob = "nearest";
  static constexpr const char* kLayer = "nearest";

  NearestState state;

  std::string_view id() const override { return "nearest"; }
  ModuleTab tab() const override { return ModuleTab::basic; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  bool picking() const override { return state.picking; }
  void stop_picking() override { state.picking = false; }
  void picked(AppState& app, core::XY at) override;
  void clear(AppState& app) override;
  std::optional<OriginMarker> marker() const override;
};

NearestState& nearest_state(AppState& app);

/// Nearest facilities of every present category from `origin` (working CRS).
void start_nearest(AppState& app, core::XY origin);

}  // namespace caremap::app
