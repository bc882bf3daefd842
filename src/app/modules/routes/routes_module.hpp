#pragma once
// Travel-time nearest: the k fastest facilities of each present category from a clicked place
// over the road network (with closures applied), as routes on the map (result layer "routes")
// and a table. Disabled, with the reason, without a network.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/modules/analysis_module.hpp"
#include "core/category.hpp"
#include "core/geometry.hpp"

namespace caremap::app {

struct RouteRow {
  core::Category category = core::Category::other;
  std::uint32_t rank = 1;
  std::string name;
  double time_s = 0.0;
  double length_m = 0.0;
};

struct RoutesState {
  bool picking = false;
  int k = 3;
  std::optional<core::XY> origin;  ///< also the closure effect's default demand
  std::vector<RouteRow> rows;
  std::string note;  ///< why there are no rows (no network, no facilities, unreachable)
};

class RoutesModule final : public AnalysisModule {
 public:
  static constexpr const char* kJob = "network-routes";
  static constexpr const char* kLayer = "routes";
  /// The routes' straight access and direct legs, dashed (analysis/access_leg_lines.hpp).
  static constexpr const char* kLegsLayer = "routes_access_legs";

  RoutesState state;

  std::string_view id() const override { return "routes"; }
  ModuleTab tab() const override { return ModuleTab::network; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  bool picking() const override { return state.picking; }
  void stop_picking() override { state.picking = false; }
  void picked(AppState& app, core::XY at) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
  std::optional<OriginMarker> marker() const override;
};

RoutesState& routes_state(AppState& app);

/// The k fastest facilities of each category from `origin` (working CRS), with routes; also
/// recomputes the closure effect, whose default demand is this origin.
void start_route_nearest(AppState& app, core::XY origin);

}  // namespace caremap::app
