#pragma once
// Planning in the viewer (issue 14): backup cover (主治医・副主治医) of the census population by
// the region's clinics, with a live what-if: add a clinic, remove one or move one by clicking the
// map, and see people with 0, 1 and 2+ clinics in reach, who gains or loses cover against the
// baseline, and the N-1 ranking, recomputed at once (result layer "plan_cover", cells coloured by
// the clinics in reach; "plan_added", the added clinics as proposed sites).
//
// The baseline (demand, clinics, the cost matrix, its cover) is computed by one job per network
// and reach and shared read-only; an edit only adds the costs of the clinics it adds (one road
// search each) and rescans the matrix (plan/what_if.hpp), so a click answers in milliseconds.
// Road time on the loaded network when there is one, else straight line at 30 km/h; the panel
// says which, with the demand it counts.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/travel_costs.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/shared_overlay.hpp"
#include "plan/backup_cover.hpp"
#include "plan/plan_layers.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

/// What every what-if of one network and reach is measured against. Immutable once built.
struct PlanBaseline {
  analysis::Demand demand;
  std::vector<plan::PlanSite> sites;  ///< the clinics (in-house 医務室 left out)
  analysis::TravelCosts costs;        ///< sites -> demand points
  plan::ReachRule reach;
  plan::BackupCover cover;
  std::shared_ptr<const routing::RoadNetwork> network;  ///< null: straight line
  /// The closures drawn or loaded on the map, on `network` (null without one): the baseline and
  /// every what-if go round them.
  std::shared_ptr<SharedOverlay> closures;
  analysis::StraightLineMeasure straight;
  std::string crs;
};

enum class PlanTool { none, add, remove, move };

struct PlanCityRow {
  std::string city;
  double people = 0.0;
  double none = 0.0;  ///< people with no clinic in reach (scenario)
  double one = 0.0;
  double two_plus = 0.0;
  double base_none = 0.0;  ///< the same in the baseline
  double base_one = 0.0;
  double base_two_plus = 0.0;
  double gained_cover = 0.0;
  double lost_cover = 0.0;
  double lost_backup = 0.0;
  double gained_backup = 0.0;
};

struct PlanLossRow {
  std::string clinic;
  double lost_cover = 0.0;
  double lost_cover_75plus = 0.0;
  double lost_backup = 0.0;
};

struct PlanState {
  float reach_min = 20.0f;
  PlanTool tool = PlanTool::none;
  std::vector<core::XY> added;          ///< what-if clinics
  std::vector<std::uint32_t> removed;   ///< baseline clinics closed
  std::optional<std::uint32_t> moving;  ///< picked for a move; the next click places it
  /// Closures asked for by place (--plan-remove) before a baseline existed: resolved to the
  /// nearest clinic when it arrives.
  std::vector<core::XY> remove_at;
  bool requested = false;  ///< build the baseline when a road network arrives
  std::shared_ptr<const PlanBaseline> baseline;
  float baseline_reach_min = 0.0f;       ///< the reach the baseline was built for
  std::vector<PlanCityRow> rows;         ///< cities, then the total
  std::vector<PlanLossRow> n_minus_one;  ///< top of the ranking after the edits
  double recompute_ms = 0.0;
  std::string distance;  ///< what the figures stand on, in the UI language
  std::string demand;
  std::string note;
};

class PlanModule final : public AnalysisModule {
 public:
  static constexpr const char* kBaselineJob = "plan-baseline";
  static constexpr const char* kWhatIfJob = "plan-what-if";
  static constexpr const char* kLayer = "plan_cover";
  /// The what-if's added clinics, in the proposed-site symbol (a white star, dark-green edge).
  static constexpr const char* kAddedLayer = "plan_added";

  PlanState state;

  std::string_view id() const override { return "plan"; }
  ModuleTab tab() const override { return ModuleTab::network; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  bool picking() const override { return state.tool != PlanTool::none; }
  void stop_picking() override;
  void picked(AppState& app, core::XY at) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
};

PlanState& plan_state(AppState& app);

/// Builds the baseline for the state's reach (then the what-if of the current edits).
void start_plan_baseline(AppState& app);
/// Recomputes the what-if of the current edits against the baseline (nothing without one).
void start_plan_what_if(AppState& app);

/// The clinic of the baseline nearest to `at` within `radius_m`, if any (removed ones skipped).
std::optional<std::uint32_t> clinic_near(const PlanBaseline& b,
                                         const std::vector<std::uint32_t>& removed, core::XY at,
                                         double radius_m);

}  // namespace caremap::app
